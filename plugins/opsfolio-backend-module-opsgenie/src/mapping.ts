import type { OnCallPerson, OnCallShift } from '@opsfolio/backstage-plugin-common';
import type { IncidentRecord } from '@opsfolio/backstage-plugin-node';
import type { z } from 'zod';
import type { OgAlert, onCallsSchema } from './schemas';

const WEB = 'https://app.opsgenie.com';

/** Opsgenie names users by their username, an e-mail address: "ada.okafor@acme.example" reads "Ada Okafor". */
function personOf(username: string): OnCallPerson {
  const local = username.split('@')[0];
  const name = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map(w => w[0].toLocaleUpperCase('en-US') + w.slice(1))
    .join(' ');
  return { name: name || username, email: username.includes('@') ? username : undefined };
}

/**
 * Who is on call from a schedule's on-calls: its own participants are level 1; an escalation participant
 * lists everyone it pages, each level at a later `escalationTime`.
 */
export function shiftsOf(data: z.infer<typeof onCallsSchema>['data'], scheduleName: string): OnCallShift[] {
  const shifts: OnCallShift[] = [];
  const escalation = data.onCallParticipants.find(p => p.type === 'escalation');
  // Opsgenie puts the username in `name` for on-call participants (`username` elsewhere).
  const usernameOf = (p: { name?: string | null; username?: string | null }) => p.username ?? p.name ?? undefined;
  for (const p of data.onCallParticipants) {
    const username = usernameOf(p);
    if (p.type === 'user' && username && !escalation) shifts.push({ level: 1, person: personOf(username), scheduleName });
  }
  if (escalation) {
    const times = [...new Set((escalation.onCallParticipants ?? []).map(p => p.escalationTime ?? 0))].sort((a, b) => a - b);
    for (const p of escalation.onCallParticipants ?? []) {
      const username = usernameOf(p);
      if (p.type !== 'user' || !username) continue;
      shifts.push({ level: times.indexOf(p.escalationTime ?? 0) + 1, person: personOf(username), scheduleName });
    }
  }
  return shifts.sort((a, b) => a.level - b.level);
}

/** An alert as an incident: open is triggered (acknowledged once someone did), closed is resolved. */
export function toIncident(alert: OgAlert): IncidentRecord {
  const created = Date.parse(alert.createdAt);
  const at = (ms?: number | null) => (ms === undefined || ms === null ? undefined : new Date(created + ms).toISOString());
  const closed = alert.status === 'closed';
  return {
    externalId: alert.id,
    title: alert.message,
    status: closed ? 'resolved' : alert.acknowledged ? 'acknowledged' : 'triggered',
    severity: alert.priority ?? undefined,
    createdAt: alert.createdAt,
    acknowledgedAt: at(alert.report?.ackTime),
    resolvedAt: closed ? at(alert.report?.closeTime) : undefined,
    url: `${WEB}/alert/detail/${alert.id}/details`,
  };
}
