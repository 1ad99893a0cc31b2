import type { Incident, OnCallUser, OpsgenieTeam, Rotation } from '../../data/oncall';
import { isoMillis } from './envelope';

// Opsgenie's JSON shapes: teams, schedules with their rotations, escalations, alerts. Users are named by
// their username (the e-mail address), as Opsgenie does.

const WEB = 'https://app.opsgenie.com';

function teamMeta(team: OpsgenieTeam) {
  return { id: team.id, name: team.name };
}

export function teamJson(api: string, team: OpsgenieTeam, withMembers: boolean) {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    ...(withMembers
      ? { members: team.members.map((m) => ({ user: { id: m.user.opsgenieId, username: m.user.email }, role: m.role })) }
      : {}),
    links: { web: `${WEB}/teams/dashboard/${team.id}/main`, api: `${api}/v2/teams/${team.id}` },
  };
}

function userRecipient(user: OnCallUser) {
  return { type: 'user', id: user.opsgenieId, username: user.email };
}

export function escalationRecipient(team: OpsgenieTeam) {
  return { type: 'escalation', id: team.escalation.id, name: team.escalation.name };
}

/** Opsgenie rotation type and length for a rotation of `days`. */
function rotationShape(days: number): { type: 'weekly' | 'daily' | 'hourly'; length: number } {
  if (Number.isInteger(days) && days % 7 === 0) return { type: 'weekly', length: days / 7 };
  if (Number.isInteger(days)) return { type: 'daily', length: days };
  return { type: 'hourly', length: Math.max(1, Math.round(days * 24)) };
}

/** The id of the team schedule's "escalation" rotation (only with more than one level). */
export function escalationRotationId(team: OpsgenieTeam): string {
  return `${team.escalation.id.slice(0, 24)}${team.schedule.layerId.slice(24)}`;
}

/**
 * The team schedule's rotations: "primary" (the rota's users, in order), and with more than one
 * escalation level an "escalation" rotation whose one participant is the team's escalation, so the
 * schedule's on-calls show every level.
 */
function rotationsJson(team: OpsgenieTeam, start: number) {
  const schedule: Rotation = team.schedule;
  const rotations: Record<string, unknown>[] = [
    {
      id: schedule.layerId,
      name: 'primary',
      startDate: isoMillis(start),
      ...rotationShape(schedule.rotationDays),
      participants: schedule.members.map(userRecipient),
    },
  ];
  if (team.escalation.levels.length > 1) {
    rotations.push({
      id: escalationRotationId(team),
      name: 'escalation',
      startDate: isoMillis(start),
      type: 'weekly',
      length: 1,
      participants: [escalationRecipient(team)],
    });
  }
  return rotations;
}

export function scheduleMeta(team: OpsgenieTeam) {
  return { id: team.schedule.id, name: team.schedule.name, enabled: true };
}

export function scheduleJson(team: OpsgenieTeam, rotationStart: number, withRotations: boolean) {
  return {
    id: team.schedule.id,
    name: team.schedule.name,
    description: `${team.name} on-call: ${team.escalation.description}`,
    timezone: team.timeZone,
    enabled: true,
    ownerTeam: teamMeta(team),
    ...(withRotations ? { rotations: rotationsJson(team, rotationStart) } : {}),
  };
}

export function escalationJson(team: OpsgenieTeam) {
  let delay = 0;
  return {
    id: team.escalation.id,
    name: team.escalation.name,
    description: team.escalation.description,
    ownerTeam: teamMeta(team),
    rules: team.escalation.levels.map((level) => {
      const target = level.targets[0]!;
      const rule = {
        condition: 'if-not-acked',
        notifyType: target.type === 'schedule' ? target.notifyType : 'default',
        delay: { timeAmount: delay, timeUnit: 'minutes' },
        recipient:
          target.type === 'schedule'
            ? { type: 'schedule', id: team.schedule.id, name: team.schedule.name }
            : userRecipient(target.user),
      };
      delay += level.delayMinutes;
      return rule;
    }),
    repeat: { waitInterval: 0, count: 0, resetRecipientStates: false, closeAlertAfterAll: false },
  };
}

export const INTEGRATION_NAME = 'Datadog';

function integrationId(team: OpsgenieTeam): string {
  return `${team.id.slice(0, 24)}${team.escalation.id.slice(24)}`;
}

function alertTags(incident: Incident): string[] {
  return [`service:${incident.component}`, `urgency:${incident.urgency}`, 'datadog'];
}

export function alertAlias(incident: Incident): string {
  return `${incident.component}-${incident.key.replace(':', '-')}`;
}

/** An alert as Opsgenie lists it (BaseAlert). */
export function alertJson(incident: Incident, team: OpsgenieTeam) {
  const closed = incident.status === 'resolved';
  const acknowledged = incident.acknowledgedAt !== undefined;
  return {
    id: incident.id,
    tinyId: String(incident.number),
    alias: alertAlias(incident),
    message: incident.title,
    status: closed ? 'closed' : 'open',
    acknowledged,
    isSeen: acknowledged || closed,
    tags: alertTags(incident),
    snoozed: false,
    count: 1 + (incident.number % 3),
    lastOccurredAt: isoMillis(incident.createdAt),
    createdAt: isoMillis(incident.createdAt),
    updatedAt: isoMillis(incident.lastStatusChangeAt),
    source: INTEGRATION_NAME,
    owner: incident.acknowledgedBy?.email ?? '',
    priority: incident.severity,
    teams: [{ id: team.id }],
    responders: [{ type: 'team', id: team.id }],
    integration: { id: integrationId(team), name: INTEGRATION_NAME, type: 'Datadog' },
    report: {
      ...(incident.acknowledgedAt !== undefined
        ? { ackTime: incident.acknowledgedAt - incident.createdAt, acknowledgedBy: incident.acknowledgedBy!.email }
        : {}),
      ...(incident.resolvedAt !== undefined
        ? { closeTime: incident.resolvedAt - incident.createdAt, closedBy: incident.resolvedBy?.email ?? INTEGRATION_NAME }
        : {}),
    },
    ownerTeamId: team.id,
  };
}

/** One alert (GET /v2/alerts/{id}): the list shape plus entity, description, details and actions. */
export function alertDetailJson(incident: Incident, team: OpsgenieTeam) {
  return {
    ...alertJson(incident, team),
    actions: [],
    entity: incident.component,
    description: `${incident.title}\n\nMonitor: ${incident.component} ${incident.severity}`,
    details: { component: incident.component, severity: incident.severity, urgency: incident.urgency },
  };
}
