import type { Request, Response, Router } from 'express';
import type { SimulatorContext } from '../../context';
import { findIncident, oncallDirectory, vendorIncidents, type Incident, type PagerDutyService } from '../../data/oncall';
import { DAY_MS } from '../../time';
import { invalidInput, notFound } from './errors';
import { incidentJson, incidentKeyOf, logEntriesJson, renderFor } from './json';
import { arrayParam, booleanParam, listRequest, sendPage, stringParam, timeParam, timeZoneParam } from './params';

// Incidents: GET /incidents, GET /incidents/{id}, GET /incidents/{id}/log_entries, and the account-wide
// GET /log_entries (since/until on created_at, default the last 7 days; is_overview; newest first; classic
// pagination, which PagerDuty stops at an offset of 10,000: a longer log must be read in shorter ranges).
//
// GET /incidents: service_ids[] (several at once), statuses[], urgencies[], user_ids[] (currently
// assigned), incident_key, team_ids[], since/until on created_at (default: the month before now; at most
// six months), date_range=all (no date bounds), sort_by (incident_number | created_at | resolved_at |
// urgency, ":asc"/":desc", up to two, comma-separated; default created_at), include[], time_zone,
// classic pagination (limit 25 by default, at most 100).
//
// An incident shows `acknowledgements` only while it is acknowledged, and `resolved_at` once resolved —
// so a resolved incident's acknowledgement time is only in its log entries (acknowledge_log_entry).

const STATUSES = ['triggered', 'acknowledged', 'resolved'];
const URGENCIES = ['high', 'low'];
const SORT_FIELDS = ['incident_number', 'created_at', 'resolved_at', 'urgency'];
const MONTH_MS = 30 * DAY_MS;
const MAX_RANGE_MS = 184 * DAY_MS;
/** Classic pagination reaches no further than this many records. */
const MAX_OFFSET = 10_000;

type Comparator = (a: Incident, b: Incident) => number;

function sortKey(field: string): (i: Incident) => number {
  switch (field) {
    case 'incident_number':
      return (i) => i.number;
    case 'resolved_at':
      return (i) => i.resolvedAt ?? Infinity;
    case 'urgency':
      return (i) => (i.urgency === 'high' ? 0 : 1);
    default:
      return (i) => i.createdAt;
  }
}

function parseSort(text: string | undefined): Comparator | string {
  const parts = (text ?? 'created_at').split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length > 2) return 'Sort by accepts at most two fields';
  const comparators: Comparator[] = [];
  for (const part of parts) {
    const [field, direction = 'asc'] = part.split(':');
    if (!SORT_FIELDS.includes(field!) || !['asc', 'desc'].includes(direction)) {
      return `Sort by must be one of ${SORT_FIELDS.join(', ')}, optionally with :asc or :desc`;
    }
    const key = sortKey(field!);
    const sign = direction === 'desc' ? -1 : 1;
    comparators.push((a, b) => (key(a) - key(b)) * sign);
  }
  comparators.push((a, b) => a.number - b.number);
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0 && !Number.isNaN(result)) return result;
    }
    return 0;
  };
}

/** since/until as PagerDuty reads them, or an error message. */
function dateRange(req: Request, now: number): { since: number; until: number } | string | undefined {
  if (stringParam(req, 'date_range') === 'all') return undefined;
  if (stringParam(req, 'date_range') !== undefined) return 'Date range must be "all"';
  const sinceParam = timeParam(req, 'since');
  const untilParam = timeParam(req, 'until');
  if (Number.isNaN(sinceParam)) return 'Since must be a valid date';
  if (Number.isNaN(untilParam)) return 'Until must be a valid date';
  const until = untilParam ?? Math.max(now, (sinceParam ?? now) + 1);
  const since = sinceParam ?? until - MONTH_MS;
  if (until <= since) return 'Until must be after since';
  if (until - since > MAX_RANGE_MS) return 'The date range may not be longer than 6 months';
  return { since, until };
}

export function registerIncidentRoutes(router: Router, ctx: SimulatorContext): void {
  const serviceOf = (incident: Incident): PagerDutyService =>
    oncallDirectory(ctx.scenario).pagerduty.services.find((s) => s.component === incident.component)!;

  router.get('/incidents', (req, res) => {
    const list = listRequest(req, res);
    if (!list) return;
    const statuses = arrayParam(req, 'statuses');
    if (statuses.some((s) => !STATUSES.includes(s))) {
      return invalidInput(res, 'Status must be a list of triggered, acknowledged, or resolved.');
    }
    const urgencies = arrayParam(req, 'urgencies');
    if (urgencies.some((u) => !URGENCIES.includes(u))) return invalidInput(res, 'Urgencies must be a list of high or low.');
    const compare = parseSort(stringParam(req, 'sort_by'));
    if (typeof compare === 'string') return invalidInput(res, compare);
    const range = dateRange(req, ctx.now().getTime());
    if (typeof range === 'string') return invalidInput(res, range);

    const serviceIds = arrayParam(req, 'service_ids');
    const userIds = arrayParam(req, 'user_ids');
    const teamIds = arrayParam(req, 'team_ids');
    const incidentKey = stringParam(req, 'incident_key');
    const r = renderFor(req, ctx, list.timeZone, list.include);
    const services = oncallDirectory(ctx.scenario).pagerduty.services;
    const wanted = new Set(services.filter((s) => serviceIds.length === 0 || serviceIds.includes(s.id)).map((s) => s.component));
    const incidents = vendorIncidents(ctx, 'pagerduty')
      .filter((i) => wanted.has(i.component))
      .filter((i) => !range || (i.createdAt >= range.since && i.createdAt < range.until))
      .filter((i) => statuses.length === 0 || statuses.includes(i.status))
      .filter((i) => urgencies.length === 0 || urgencies.includes(i.urgency))
      .filter((i) => userIds.length === 0 || (i.status !== 'resolved' && userIds.includes(i.assignee.pagerdutyId)))
      .filter(() => teamIds.length === 0) // services here belong to no PagerDuty team
      .filter((i) => incidentKey === undefined || incidentKeyOf(i) === incidentKey)
      .sort(compare);
    sendPage(res, 'incidents', incidents, list, (i) => incidentJson(r, i, serviceOf(i)));
  });

  const incidentFromPath = (req: Request, res: Response): Incident | undefined => {
    const incident = findIncident(ctx, 'pagerduty', req.params.id!);
    if (!incident) notFound(res);
    return incident;
  };

  router.get('/incidents/:id', (req, res) => {
    const incident = incidentFromPath(req, res);
    if (!incident) return;
    const timeZone = timeZoneParam(req, res, 'UTC');
    if (timeZone === undefined) return;
    const r = renderFor(req, ctx, timeZone, new Set(arrayParam(req, 'include')));
    res.json({ incident: incidentJson(r, incident, serviceOf(incident)) });
  });

  // Log entries, newest first: trigger, assign, escalate (by timeout), acknowledge, resolve.
  // is_overview=true leaves out the assignments.
  router.get('/incidents/:id/log_entries', (req, res) => {
    const incident = incidentFromPath(req, res);
    if (!incident) return;
    const list = listRequest(req, res);
    if (!list) return;
    const since = timeParam(req, 'since');
    const until = timeParam(req, 'until');
    if (Number.isNaN(since) || Number.isNaN(until)) return invalidInput(res, 'Since and until must be valid dates');
    const r = renderFor(req, ctx, list.timeZone, list.include);
    const overview = booleanParam(req, 'is_overview');
    const entries = logEntriesJson(r, incident, serviceOf(incident))
      .filter((e) => !overview || e.type !== 'assign_log_entry')
      .filter((e) => since === undefined || Date.parse(e.created_at) >= since)
      .filter((e) => until === undefined || Date.parse(e.created_at) < until);
    sendPage(res, 'log_entries', entries, list, (e) => e);
  });

  router.get('/log_entries', (req, res) => {
    const list = listRequest(req, res);
    if (!list) return;
    if (list.paging.offset + list.paging.limit > MAX_OFFSET) {
      return invalidInput(res, `Offset must be less than ${MAX_OFFSET - list.paging.limit + 1}: read a shorter since/until range`);
    }
    const sinceParam = timeParam(req, 'since');
    const untilParam = timeParam(req, 'until');
    if (Number.isNaN(sinceParam) || Number.isNaN(untilParam)) return invalidInput(res, 'Since and until must be valid dates');
    const until = untilParam ?? ctx.now().getTime();
    const since = sinceParam ?? until - 7 * DAY_MS;
    if (until <= since) return invalidInput(res, 'Until must be after since');
    const r = renderFor(req, ctx, list.timeZone, list.include);
    const overview = booleanParam(req, 'is_overview');
    const entries = vendorIncidents(ctx, 'pagerduty')
      .filter((i) => i.createdAt < until && (i.resolvedAt ?? Infinity) >= since)
      .flatMap((i) => logEntriesJson(r, i, serviceOf(i)))
      .filter((e) => !overview || e.type !== 'assign_log_entry')
      .map((e) => ({ at: Date.parse(e.created_at), e }))
      .filter(({ at }) => at >= since && at < until)
      .sort((a, b) => b.at - a.at || (a.e.id < b.e.id ? -1 : 1));
    sendPage(res, 'log_entries', entries, list, ({ e }) => e);
  });
}
