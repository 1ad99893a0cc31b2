import type { OnCallPerson } from '@opsfolio/backstage-plugin-common';
import type { IncidentRecord, OnCallRead } from '@opsfolio/backstage-plugin-node';
import type { PdEscalationPolicy, PdIncident, PdOnCall, PdService } from './schemas';

const person = (user: PdOnCall['user']): OnCallPerson => ({
  id: user.id,
  name: user.name ?? user.summary ?? user.id,
  email: user.email ?? undefined,
  url: user.html_url ?? undefined,
});

/** On call at `instant`: a shift covering it (start inclusive, end exclusive), or a direct target (no start, no end). */
const onCallAt = (o: PdOnCall, instant: number) =>
  (o.start ? Date.parse(o.start) <= instant : true) && (o.end ? instant < Date.parse(o.end) : true);

/**
 * A service, its policy and the on-call entries of its policy over the window [readAt, until) (one `/oncalls`
 * series: every level, each shift overlapping the window whole), as one "on call now" with its schedules ahead.
 *
 * - `shifts`: the entries on call at `readAt`, at every level, direct targets (no start, no end) included.
 * - `schedules`: each schedule the policy pages through, with the entries whose schedule it is, clipped to the
 *   window (the union over the levels that use it, each stretch once). A stretch nobody covers has no entry,
 *   so it shows as a gap; a schedule without any entry in the window is all gap.
 */
export function toOnCallRead(options: {
  service: PdService;
  policy?: PdEscalationPolicy;
  /** The `/oncalls` entries over the window; those of other policies are left out. */
  oncalls: PdOnCall[];
  readAt: Date;
  /** The end of the window read (exclusive). */
  until: Date;
}): OnCallRead {
  const { service, policy, readAt, until } = options;
  const own = policy ? options.oncalls.filter(o => o.escalation_policy.id === policy.id) : [];
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
    shifts: own
      .filter(o => onCallAt(o, readAt.getTime()))
      .sort((a, b) => a.escalation_level - b.escalation_level)
      .map(o => ({
        level: o.escalation_level,
        person: person(o.user),
        start: o.start ?? undefined,
        end: o.end ?? undefined,
        scheduleName: o.schedule ? (o.schedule.summary ?? o.schedule.id) : undefined,
        scheduleUrl: o.schedule?.html_url ?? undefined,
      })),
    schedules: schedulesOf(policy, own, readAt, until),
    readAt: readAt.toISOString(),
  };
}

type ScheduleRef = { id: string; summary?: string | null; html_url?: string | null };

/** The policy's schedules (its targets, then any other an entry names), each with its entries in [from, to). */
function schedulesOf(policy: PdEscalationPolicy | undefined, oncalls: PdOnCall[], from: Date, to: Date): OnCallRead['schedules'] {
  const refs = new Map<string, ScheduleRef>();
  for (const target of policy?.escalation_rules.flatMap(r => r.targets) ?? []) {
    if (target.type.startsWith('schedule') && !refs.has(target.id)) refs.set(target.id, target);
  }
  for (const o of oncalls) {
    const ref = o.schedule;
    if (!ref) continue;
    const known = refs.get(ref.id);
    // The reference on the policy may lack what the entry's has (or the other way round).
    refs.set(ref.id, { id: ref.id, summary: known?.summary ?? ref.summary, html_url: known?.html_url ?? ref.html_url });
  }
  const [start, end] = [from.getTime(), to.getTime()];
  return [...refs.values()].map(ref => {
    const seen = new Set<string>();
    const entries: Array<{ start: string; end: string; person: OnCallPerson }> = [];
    for (const o of oncalls) {
      if (o.schedule?.id !== ref.id || !o.start || !o.end) continue;
      const [s, e] = [Date.parse(o.start), Date.parse(o.end)];
      if (!(Math.max(s, start) < Math.min(e, end))) continue; // outside the window (or unparseable)
      const entry = {
        start: s < start ? from.toISOString() : o.start,
        end: e > end ? to.toISOString() : o.end,
        person: person(o.user),
      };
      // Several levels may use one schedule: each stretch once.
      const key = `${Date.parse(entry.start)}\u001f${Date.parse(entry.end)}\u001f${o.user.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push(entry);
    }
    entries.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    return { id: ref.id, name: ref.summary ?? ref.id, url: ref.html_url ?? undefined, entries };
  });
}

/** The earliest acknowledgement: PagerDuty does not promise the list in order, and MTTA is about the first. */
const firstAcknowledgement = (incident: PdIncident): string | undefined =>
  (incident.acknowledgements ?? []).map(a => a.at).filter(at => !Number.isNaN(Date.parse(at))).sort((a, b) => Date.parse(a) - Date.parse(b))[0];

/** An incident; `acknowledgedAt` comes from the incident while acknowledged, else from its log entries. */
export function toIncident(incident: PdIncident, acknowledgedAt?: string): IncidentRecord {
  return {
    externalId: incident.id,
    title: incident.title ?? incident.summary ?? `Incident ${incident.incident_number ?? incident.id}`,
    status: incident.status,
    urgency: incident.urgency ?? undefined,
    severity: incident.priority?.summary ?? undefined,
    createdAt: incident.created_at,
    acknowledgedAt: acknowledgedAt ?? firstAcknowledgement(incident),
    resolvedAt: incident.resolved_at ?? undefined,
    url: incident.html_url ?? undefined,
  };
}
