import type { OnCallPerson } from '@opsfolio/backstage-plugin-common';
import type { IncidentRecord, OnCallRead } from '@opsfolio/backstage-plugin-node';
import type { PdEscalationPolicy, PdIncident, PdOnCall, PdSchedule, PdService } from './schemas';

const person = (user: PdOnCall['user']): OnCallPerson => ({
  id: user.id,
  name: user.name ?? user.summary ?? user.id,
  email: user.email ?? undefined,
  url: user.html_url ?? undefined,
});

/** A service, its policy, its on-call entries at every level and its schedules, as one "on call now". */
export function toOnCallRead(options: {
  service: PdService;
  policy?: PdEscalationPolicy;
  oncalls: PdOnCall[];
  schedules: PdSchedule[];
  readAt: Date;
}): OnCallRead {
  const { service, policy } = options;
  return {
    service: { id: service.id, name: service.name, url: service.html_url ?? undefined },
    escalationPolicy: policy
      ? {
          id: policy.id,
          name: policy.name ?? policy.summary ?? policy.id,
          url: policy.html_url ?? undefined,
          levels: policy.escalation_rules.length,
        }
      : undefined,
    shifts: options.oncalls
      .filter(o => o.escalation_policy.id === policy?.id)
      .sort((a, b) => a.escalation_level - b.escalation_level)
      .map(o => ({
        level: o.escalation_level,
        person: person(o.user),
        start: o.start ?? undefined,
        end: o.end ?? undefined,
        scheduleName: o.schedule ? (o.schedule.summary ?? o.schedule.id) : undefined,
        scheduleUrl: o.schedule?.html_url ?? undefined,
      })),
    schedules: options.schedules.map(s => ({
      id: s.id,
      name: s.name ?? s.summary ?? s.id,
      url: s.html_url ?? undefined,
      entries: (s.final_schedule?.rendered_schedule_entries ?? []).map(e => ({
        start: e.start,
        end: e.end,
        person: e.user ? person(e.user) : undefined,
      })),
    })),
    readAt: options.readAt.toISOString(),
  };
}

/** An incident; `acknowledgedAt` comes from the incident while acknowledged, else from its log entries. */
export function toIncident(incident: PdIncident, acknowledgedAt?: string): IncidentRecord {
  return {
    externalId: incident.id,
    title: incident.title ?? incident.summary ?? `Incident ${incident.incident_number ?? incident.id}`,
    status: incident.status,
    urgency: incident.urgency ?? undefined,
    severity: incident.priority?.summary ?? undefined,
    createdAt: incident.created_at,
    acknowledgedAt: acknowledgedAt ?? incident.acknowledgements?.[0]?.at,
    resolvedAt: incident.resolved_at ?? undefined,
    url: incident.html_url ?? undefined,
  };
}

/** The schedules an escalation policy pages through. */
export const scheduleIdsOf = (policy?: PdEscalationPolicy) =>
  [...new Set(policy?.escalation_rules.flatMap(r => r.targets.filter(t => t.type.startsWith('schedule')).map(t => t.id)) ?? [])];
