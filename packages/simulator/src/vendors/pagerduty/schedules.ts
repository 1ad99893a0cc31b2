import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import {
  clipShifts,
  coveragePercent,
  finalShifts,
  gapWindows,
  oncallDirectory,
  rotationTurns,
  turnStart,
  type Rotation,
  type Shift,
} from '../../data/oncall';
import { createRng } from '../../random';
import { DAY_MS } from '../../time';
import { invalidInput, notFound } from './errors';
import { renderFor, scheduleJson, userRef, type Render } from './json';
import { booleanParam, formatTime, listRequest, sendPage, stringParam, timeParam, timeZoneParam } from './params';

// Schedules: GET /schedules (query, classic pagination) and GET /schedules/{id} with since/until (two
// weeks from now by default; one given, the other is two weeks away), overflow, time_zone (default the
// schedule's). The final schedule's rendered entries show coverage as it is: a gap is a stretch no entry
// covers, and rendered_coverage_percentage drops below 100. A gap also splits the layer in two (the
// rotation was ended before the gap and a new layer starts after it), so layers and final agree.

const TWO_WEEKS_MS = 14 * DAY_MS;

export function registerScheduleRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/schedules', (req, res) => {
    const list = listRequest(req, res);
    if (!list) return;
    const query = stringParam(req, 'query')?.toLowerCase() ?? '';
    const { schedules, services } = oncallDirectory(ctx.scenario).pagerduty;
    const matching = schedules
      .filter((s) => s.name.toLowerCase().includes(query))
      .sort((a, b) => a.name.localeCompare(b.name));
    const r = renderFor(req, ctx, list.timeZone, list.include);
    sendPage(res, 'schedules', matching, list, (s) => scheduleJson(r, s, services));
  });

  router.get('/schedules/:id', (req, res) => {
    const { schedules, services } = oncallDirectory(ctx.scenario).pagerduty;
    const schedule = schedules.find((s) => s.id === req.params.id);
    if (!schedule) return notFound(res);
    const timeZone = timeZoneParam(req, res, schedule.timeZone);
    if (timeZone === undefined) return;
    const now = ctx.now().getTime();
    const sinceParam = timeParam(req, 'since');
    const untilParam = timeParam(req, 'until');
    if (Number.isNaN(sinceParam)) return invalidInput(res, 'Since must be a valid date');
    if (Number.isNaN(untilParam)) return invalidInput(res, 'Until must be a valid date');
    const since = sinceParam ?? (untilParam !== undefined ? untilParam - TWO_WEEKS_MS : now);
    const until = untilParam ?? since + TWO_WEEKS_MS;
    if (until <= since) return invalidInput(res, 'Until must be after since');
    const overflow = booleanParam(req, 'overflow');
    const r = renderFor(req, ctx, timeZone, new Set());

    const final = finalShifts(schedule, now, since, until);
    const rendered = overflow ? final : clipShifts(final, since, until);
    res.json({
      schedule: {
        ...scheduleJson(r, schedule, services),
        schedule_layers: layersJson(r, schedule, now, since, until, overflow),
        overrides_subschedule: { name: 'Overrides', rendered_schedule_entries: [], rendered_coverage_percentage: 0 },
        final_schedule: {
          name: 'Final Schedule',
          rendered_schedule_entries: rendered.map((s) => entryJson(r, s)),
          rendered_coverage_percentage: coveragePercent(final, since, until),
        },
      },
    });
  });
}

function entryJson(r: Render, shift: Shift) {
  return { start: formatTime(shift.start, r.timeZone), end: formatTime(shift.end, r.timeZone), user: userRef(r, shift.user) };
}

/** The rotation as one layer, or as several when gaps (as of now) cut it: each layer ends where a gap starts. */
function layersJson(r: Render, schedule: Rotation, now: number, since: number, until: number, overflow: boolean) {
  const gaps = gapWindows(schedule, now);
  const bounds = [{ start: turnStart(schedule, 0), end: Infinity }];
  for (const gap of gaps) {
    bounds[bounds.length - 1]!.end = gap.start;
    bounds.push({ start: gap.end, end: Infinity });
  }
  const n = schedule.members.length;
  const users = Array.from({ length: n }, (_, i) => schedule.members[(i + schedule.offset) % n]!);
  return bounds
    .map((bound, index) => {
      const from = Math.max(since, bound.start);
      const to = Math.min(until, bound.end);
      const turns = from < to ? clipShifts(rotationTurns(schedule, from, to), bound.start, bound.end) : [];
      const id =
        index === 0
          ? schedule.layerId
          : `P${createRng(r.ctx.scenario.seed, 'pagerduty-layer', schedule.id, index).chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 6)}`;
      return {
        id,
        name: `Layer ${index + 1}`,
        start: formatTime(bound.start, r.timeZone),
        end: bound.end === Infinity ? null : formatTime(bound.end, r.timeZone),
        rotation_virtual_start: formatTime(turnStart(schedule, 0), r.timeZone),
        rotation_turn_length_seconds: Math.round(schedule.rotationDays * 86_400),
        users: users.map((u) => ({ user: userRef(r, u) })),
        restrictions: [],
        rendered_schedule_entries: (overflow ? turns : clipShifts(turns, since, until)).map((s) => entryJson(r, s)),
        rendered_coverage_percentage: coveragePercent(turns, since, until),
      };
    })
    .reverse(); // PagerDuty lists the topmost (newest) layer first
}
