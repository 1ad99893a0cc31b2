import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import { oncallDirectory, policyOnCalls, type OnCallEntry } from '../../data/oncall';
import { DAY_MS } from '../../time';
import { invalidInput } from './errors';
import { oncallJson, renderFor } from './json';
import { arrayParam, booleanParam, listRequest, sendPage, timeParam } from './params';

// GET /oncalls: who is on call, at every level of every escalation policy asked for.
//   escalation_policy_ids[] (several at once), schedule_ids[] ("null" = users targeted directly),
//   user_ids[], since/until (default: now; a shift overlapping the range is included whole),
//   earliest=true (only the earliest entry per policy, level and user), include[] = users | schedules |
//   escalation_policies, time_zone, classic pagination (limit 25 by default, at most 100).
// A schedule target gives one entry per shift (gaps are missing coverage: no entry for that level then);
// a user targeted directly gives one entry with schedule, start and end all null.

const HORIZON_MS = 90 * DAY_MS;

export function registerOncallRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/oncalls', (req, res) => {
    const list = listRequest(req, res);
    if (!list) return;
    const now = ctx.now().getTime();
    const since = timeParam(req, 'since') ?? now;
    const until = timeParam(req, 'until') ?? Math.max(since, now);
    if (Number.isNaN(since)) return invalidInput(res, 'Since must be a valid date');
    if (Number.isNaN(until)) return invalidInput(res, 'Until must be a valid date');
    if (until < since) return invalidInput(res, 'Until must be on or after since');

    const policyIds = arrayParam(req, 'escalation_policy_ids');
    const scheduleIds = arrayParam(req, 'schedule_ids');
    const userIds = arrayParam(req, 'user_ids');
    const { policies, services } = oncallDirectory(ctx.scenario).pagerduty;
    // On-call shifts are known up to 90 days ahead.
    const to = Math.min(until, now + HORIZON_MS);
    let entries = policies
      .filter((p) => policyIds.length === 0 || policyIds.includes(p.id))
      .flatMap((p) => (since > to ? [] : policyOnCalls(p, now, since, to)))
      .filter((e) => scheduleIds.length === 0 || scheduleIds.includes(e.schedule?.id ?? 'null'))
      .filter((e) => userIds.length === 0 || userIds.includes(e.user.pagerdutyId));
    if (booleanParam(req, 'earliest')) entries = earliestOnly(entries);

    const r = renderFor(req, ctx, list.timeZone, list.include);
    sendPage(res, 'oncalls', entries, list, (e) => oncallJson(r, e, services));
  });
}

/** The earliest entry for each (policy, level, user), in the original order. */
function earliestOnly(entries: OnCallEntry[]): OnCallEntry[] {
  const best = new Map<string, OnCallEntry>();
  for (const entry of entries) {
    const key = `${entry.policy.id}\u001f${entry.level}\u001f${entry.user.pagerdutyId}`;
    const current = best.get(key);
    if (!current || (entry.start ?? -Infinity) < (current.start ?? -Infinity)) best.set(key, entry);
  }
  const kept = new Set(best.values());
  return entries.filter((e) => kept.has(e));
}
