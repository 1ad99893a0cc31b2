import type { Request } from 'express';
import { createHash } from 'node:crypto';
import type { SimulatorContext } from '../../context';
import {
  vendorIncidents,
  type EscalationPolicy,
  type Incident,
  type IncidentEvent,
  type OnCallEntry,
  type OnCallUser,
  type PagerDutyIntegration,
  type PagerDutyService,
  type Rotation,
} from '../../data/oncall';
import { longPagerDutyId } from '../../data/oncall/ids';
import { createRng } from '../../random';
import { formatTime } from './params';

// PagerDuty's JSON shapes. References ({id, type: "…_reference", summary, self, html_url}) and full
// objects; `self` points back at the simulator (the host the client called + /pagerduty), `html_url` at
// https://<subdomain>.pagerduty.com.

export interface Render {
  ctx: SimulatorContext;
  /** e.g. http://127.0.0.1:7081/pagerduty */
  api: string;
  /** e.g. https://acme.pagerduty.com */
  web: string;
  timeZone: string;
  include: Set<string>;
}

export function renderFor(req: Request, ctx: SimulatorContext, timeZone: string, include: Set<string>): Render {
  return {
    ctx,
    api: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`,
    web: `https://${ctx.scenario.vendors.pagerduty.subdomain}.pagerduty.com`,
    timeZone,
    include,
  };
}

const time = (r: Render, ms: number) => formatTime(ms, r.timeZone);
const TRIGGER_SUMMARY = 'Triggered through the API.';

export function userRef(r: Render, user: OnCallUser) {
  return {
    id: user.pagerdutyId,
    type: 'user_reference',
    summary: user.name,
    self: `${r.api}/users/${user.pagerdutyId}`,
    html_url: `${r.web}/users/${user.pagerdutyId}`,
  };
}

export function userJson(r: Render, user: OnCallUser) {
  const gravatar = createHash('md5').update(user.email.toLowerCase()).digest('hex');
  return {
    ...userRef(r, user),
    type: 'user',
    name: user.name,
    email: user.email,
    time_zone: user.timeZone,
    color: 'green',
    role: 'user',
    avatar_url: `https://secure.gravatar.com/avatar/${gravatar}.png?d=mm&r=PG`,
    description: '',
    invitation_sent: false,
    job_title: 'Engineer',
    teams: [],
    contact_methods: [],
    notification_rules: [],
  };
}

function serviceRef(r: Render, service: PagerDutyService) {
  return {
    id: service.id,
    type: 'service_reference',
    summary: service.name,
    self: `${r.api}/services/${service.id}`,
    html_url: `${r.web}/service-directory/${service.id}`,
  };
}

function policyRef(r: Render, policy: EscalationPolicy) {
  return {
    id: policy.id,
    type: 'escalation_policy_reference',
    summary: policy.name,
    self: `${r.api}/escalation_policies/${policy.id}`,
    html_url: `${r.web}/escalation_policies/${policy.id}`,
  };
}

function scheduleRef(r: Render, schedule: Rotation) {
  return {
    id: schedule.id,
    type: 'schedule_reference',
    summary: schedule.name,
    self: `${r.api}/schedules/${schedule.id}`,
    html_url: `${r.web}/schedules/${schedule.id}`,
  };
}

function integrationRef(r: Render, service: PagerDutyService, integration: PagerDutyIntegration) {
  return {
    id: integration.id,
    type: `${integration.type}_reference`,
    summary: integration.name,
    self: `${r.api}/services/${service.id}/integrations/${integration.id}`,
    html_url: `${r.web}/services/${service.id}/integrations/${integration.id}`,
  };
}

export function integrationJson(r: Render, service: PagerDutyService, integration: PagerDutyIntegration) {
  return {
    ...integrationRef(r, service, integration),
    type: integration.type,
    name: integration.name,
    service: serviceRef(r, service),
    created_at: time(r, integration.createdAt),
    vendor: integration.vendor
      ? {
          id: integration.vendor.id,
          type: 'vendor_reference',
          summary: integration.vendor.name,
          self: `${r.api}/vendors/${integration.vendor.id}`,
        }
      : null,
    integration_key: integration.integrationKey,
  };
}

type Json = Record<string, unknown>;

export function policyJson(r: Render, policy: EscalationPolicy, services: PagerDutyService[]): Json {
  const expandTargets = r.include.has('targets');
  return {
    ...policyRef(r, policy),
    type: 'escalation_policy',
    name: policy.name,
    description: policy.description,
    num_loops: policy.numLoops,
    on_call_handoff_notifications: 'if_has_services',
    escalation_rules: policy.levels.map((level) => ({
      id: level.ruleId,
      escalation_delay_in_minutes: level.delayMinutes,
      escalation_rule_assignment_strategy: { type: 'assign_to_everyone' },
      targets: level.targets.map((target) => {
        if (target.type === 'user') return expandTargets ? userJson(r, target.user) : userRef(r, target.user);
        return expandTargets ? scheduleJson(r, target.schedule, services) : scheduleRef(r, target.schedule);
      }),
    })),
    services: services.filter((s) => s.policy === policy).map((s) => (r.include.has('services') ? serviceJson(r, s) : serviceRef(r, s))),
    teams: [],
  };
}

/** A schedule as lists show it: no rendered entries. */
export function scheduleJson(r: Render, schedule: Rotation, services: PagerDutyService[]) {
  return {
    ...scheduleRef(r, schedule),
    type: 'schedule',
    name: schedule.name,
    time_zone: schedule.timeZone,
    description: `Level ${schedule.level} on-call, rotating every ${schedule.rotationDays} day(s)`,
    escalation_policies: services.filter((s) => s.schedules.includes(schedule)).map((s) => policyRef(r, s.policy)),
    users: uniqueMembers(schedule).map((u) => userRef(r, u)),
    teams: [],
  };
}

function uniqueMembers(schedule: Rotation): OnCallUser[] {
  return [...new Set(schedule.members)];
}

function serviceStatus(open: Incident[]): string {
  if (open.some((i) => i.status === 'triggered' && i.urgency === 'high')) return 'critical';
  return open.length > 0 ? 'warning' : 'active';
}

export function serviceJson(r: Render, service: PagerDutyService): Json {
  const incidents = vendorIncidents(r.ctx, 'pagerduty').filter((i) => i.component === service.component);
  const last = incidents.at(-1);
  return {
    ...serviceRef(r, service),
    type: 'service',
    name: service.name,
    description: service.description,
    auto_resolve_timeout: 14400,
    acknowledgement_timeout: 600,
    created_at: time(r, service.createdAt),
    updated_at: time(r, service.createdAt),
    status: serviceStatus(incidents.filter((i) => i.status !== 'resolved')),
    last_incident_timestamp: last ? time(r, last.createdAt) : null,
    alert_creation: 'create_alerts_and_incidents',
    alert_grouping_parameters: { type: null },
    escalation_policy: r.include.has('escalation_policies')
      ? policyJson({ ...r, include: new Set() }, service.policy, [service])
      : policyRef(r, service.policy),
    integrations: service.integrations.map((i) =>
      r.include.has('integrations') ? integrationJson(r, service, i) : integrationRef(r, service, i),
    ),
    teams: [],
    incident_urgency_rule: { type: 'constant', urgency: 'high' },
    support_hours: null,
    scheduled_actions: [],
    response_play: null,
    auto_pause_notifications_parameters: { enabled: false, timeout: null },
  };
}

export function oncallJson(r: Render, entry: OnCallEntry, services: PagerDutyService[]) {
  return {
    escalation_policy: r.include.has('escalation_policies') ? policyJson(r, entry.policy, services) : policyRef(r, entry.policy),
    escalation_level: entry.level,
    schedule: entry.schedule
      ? r.include.has('schedules')
        ? scheduleJson(r, entry.schedule, services)
        : scheduleRef(r, entry.schedule)
      : null,
    user: r.include.has('users') ? userJson(r, entry.user) : userRef(r, entry.user),
    start: entry.start === undefined ? null : time(r, entry.start),
    end: entry.end === undefined ? null : time(r, entry.end),
  };
}

function priorityRef(r: Render, severity: string) {
  const id = `P${createRng(r.ctx.scenario.seed, 'pagerduty-priority', severity).chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 6)}`;
  return { id, type: 'priority_reference', summary: severity, self: `${r.api}/priorities/${id}`, name: severity };
}

function logEntryRef(r: Render, incident: Incident, index: number, type: string, summary: string) {
  const id = logEntryId(r, incident, index);
  return {
    id,
    type: `${type}_reference`,
    summary,
    self: `${r.api}/log_entries/${id}?incident_id=${incident.id}`,
    html_url: `${r.web}/incidents/${incident.id}/log_entries/${id}`,
  };
}

function logEntryId(r: Render, incident: Incident, index: number): string {
  return longPagerDutyId('R', r.ctx.scenario.seed, incident.id, index);
}

/** The de-duplication key the monitoring integration sent: 32 hex characters. */
export function incidentKeyOf(incident: Incident): string {
  return createHash('md5').update(incident.id).digest('hex');
}

function incidentRef(r: Render, incident: Incident) {
  return {
    id: incident.id,
    type: 'incident_reference',
    summary: `[#${incident.number}] ${incident.title}`,
    self: `${r.api}/incidents/${incident.id}`,
    html_url: `${r.web}/incidents/${incident.id}`,
  };
}

/**
 * An incident as PagerDuty lists it. As on PagerDuty, `acknowledgements` is only filled while the incident
 * is acknowledged and `assignments` only while it is open; the acknowledgement of a resolved incident is
 * only in its log entries.
 */
export function incidentJson(r: Render, incident: Incident, service: PagerDutyService) {
  const user = (u: OnCallUser) =>
    r.include.has('users') || r.include.has('assignees') || r.include.has('acknowledgers') ? userJson(r, u) : userRef(r, u);
  const open = incident.status !== 'resolved';
  const changedBy =
    incident.status === 'resolved'
      ? incident.resolvedBy
        ? userRef(r, incident.resolvedBy)
        : serviceRef(r, service)
      : incident.status === 'acknowledged'
        ? userRef(r, incident.acknowledgedBy!)
        : serviceRef(r, service);
  return {
    ...incidentRef(r, incident),
    type: 'incident',
    incident_number: incident.number,
    title: incident.title,
    description: incident.title,
    created_at: time(r, incident.createdAt),
    updated_at: time(r, incident.lastStatusChangeAt),
    status: incident.status,
    incident_key: incidentKeyOf(incident),
    service: r.include.has('services') ? serviceJson({ ...r, include: new Set() }, service) : serviceRef(r, service),
    assignments: open ? [{ at: time(r, incident.assignedAt), assignee: user(incident.assignee) }] : [],
    assigned_via: 'escalation_policy',
    last_status_change_at: time(r, incident.lastStatusChangeAt),
    last_status_change_by: changedBy,
    resolved_at: incident.resolvedAt === undefined ? null : time(r, incident.resolvedAt),
    first_trigger_log_entry: logEntryRef(r, incident, 0, 'trigger_log_entry', TRIGGER_SUMMARY),
    alert_counts: { all: 1, triggered: open ? 1 : 0, resolved: open ? 0 : 1 },
    is_mergeable: true,
    incident_type: { name: 'incident_default' },
    escalation_policy: r.include.has('escalation_policies')
      ? policyJson({ ...r, include: new Set() }, service.policy, [service])
      : policyRef(r, service.policy),
    teams: [],
    pending_actions: [],
    acknowledgements:
      incident.status === 'acknowledged'
        ? [{ at: time(r, incident.acknowledgedAt!), acknowledger: user(incident.acknowledgedBy!) }]
        : [],
    alert_grouping: null,
    priority: priorityRef(r, incident.severity),
    urgency: incident.urgency,
    resolve_reason: null,
    conference_bridge: null,
    incidents_responders: [],
    responder_requests: [],
  };
}

const LOG_TYPES: Record<IncidentEvent['type'], string> = {
  trigger: 'trigger_log_entry',
  assign: 'assign_log_entry',
  escalate: 'escalate_log_entry',
  acknowledge: 'acknowledge_log_entry',
  resolve: 'resolve_log_entry',
};

/** The incident's log entries, newest first (as PagerDuty lists them). */
export function logEntriesJson(r: Render, incident: Incident, service: PagerDutyService) {
  return incident.events
    .map((event, index) => {
      const type = LOG_TYPES[event.type];
      const byUser = event.user && (event.type === 'acknowledge' || event.type === 'resolve');
      const agent = byUser ? userRef(r, event.user!) : serviceRef(r, service);
      const summary = {
        trigger: TRIGGER_SUMMARY,
        assign: `Assigned to ${event.user?.name}.`,
        escalate: `Escalated to ${event.user?.name} (level ${event.level}) by timeout.`,
        acknowledge: `Acknowledged by ${event.user?.name}.`,
        resolve: event.user ? `Resolved by ${event.user.name}.` : 'Resolved through the API.',
      }[event.type];
      return {
        ...logEntryRef(r, incident, index, type, summary),
        type,
        summary,
        created_at: time(r, event.at),
        agent,
        channel: { type: event.type === 'escalate' ? 'timeout' : byUser ? 'web_ui' : event.type === 'assign' ? 'auto' : 'api' },
        incident: incidentRef(r, incident),
        service: serviceRef(r, service),
        teams: [],
        contexts: [],
        ...(event.type === 'assign' || event.type === 'escalate'
          ? { assignees: [userRef(r, event.user!)], escalation_level: event.level }
          : {}),
        ...(event.type === 'acknowledge' ? { acknowledgement_timeout: 1800 } : {}),
        ...(event.type === 'trigger' ? { event_details: { description: incident.title } } : {}),
      };
    })
    .reverse();
}
