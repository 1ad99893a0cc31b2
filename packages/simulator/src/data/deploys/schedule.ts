import { createRng } from '../../random';
import type { DeploysScenario } from '../../scenario/schema';
import { atLocalTime, HOUR_MS, isWeekend, MINUTE_MS } from '../../time';

// When changes start their way to production. Releases hang off absolute UTC days, each day (or each
// `everyDays` slot) with its own random stream, so a day's releases never change as the calendar moves.

export interface PlannedRelease {
  /** stable key of the release's random streams */
  key: string;
  /** planned start of its first deploy (working hours in the team's time zone) */
  start: number;
}

export interface ScheduleInput {
  seed: number;
  component: string;
  deploys: DeploysScenario;
  timeZone: string;
  /** first and last UTC day index to plan (inclusive) */
  fromDay: number;
  toDay: number;
  /** a stale component: nothing after this day, and its last release on it */
  lastDay?: number;
}

const WORK_START = 9 * HOUR_MS;
const WORK_LAST_START = 17 * HOUR_MS + 30 * MINUTE_MS;

/** Releases a week, for either cadence. */
export function releasesPerWeek(deploys: DeploysScenario): number {
  return deploys.perWeek ?? 7 / deploys.everyDays!;
}

export function planReleases(input: ScheduleInput): PlannedRelease[] {
  const { deploys, lastDay } = input;
  const toDay = lastDay === undefined ? input.toDay : Math.min(input.toDay, lastDay);
  const releases =
    deploys.perWeek !== undefined
      ? weeklyReleases(input, deploys.perWeek, toDay)
      : slottedReleases(input, deploys.everyDays!, toDay);
  if (lastDay !== undefined && lastDay >= input.fromDay && !releases.some((r) => dayOfKey(r.key) === lastDay)) {
    const rng = createRng(input.seed, 'deploys', input.component, 'last-release', lastDay);
    releases.push({ key: `${lastDay}:last`, start: workingTime(input, lastDay, rng.next()) });
  }
  return releases.sort((a, b) => a.start - b.start);
}

function dayOfKey(key: string): number {
  return Number(key.split(':')[0]);
}

/**
 * perWeek: a Poisson number of releases each weekday, and now and then one at a weekend. A team that
 * ships at least weekly never has a silent week: a week (Monday to Sunday) that drew nothing gets one
 * release on a weekday of its own stream. Whole weeks are drawn, so the window's edges change nothing.
 */
function weeklyReleases(input: ScheduleInput, perWeek: number, toDay: number): PlannedRelease[] {
  const out: PlannedRelease[] = [];
  for (let monday = mondayOf(input.fromDay); monday <= toDay; monday += 7) {
    const week: PlannedRelease[] = [];
    for (let day = monday; day < monday + 7; day++) {
      const rng = createRng(input.seed, 'deploys', input.component, 'day', day);
      const mean = isWeekend(day) ? perWeek * 0.02 : (perWeek * 0.96) / 5;
      const count = rng.poisson(mean);
      for (let i = 0; i < count; i++) week.push({ key: `${day}:${i}`, start: workingTime(input, day, rng.next()) });
    }
    if (week.length === 0 && perWeek >= 1) {
      const rng = createRng(input.seed, 'deploys', input.component, 'week', monday);
      const day = monday + rng.int(0, 4);
      week.push({ key: `${day}:w`, start: workingTime(input, day, rng.next()) });
    }
    out.push(...week.filter((r) => dayOfKey(r.key) >= input.fromDay && dayOfKey(r.key) <= toDay));
  }
  return out;
}

/** The Monday on or before a UTC day (day 4, 1970-01-05, was a Monday). */
function mondayOf(day: number): number {
  return day - ((((day - 4) % 7) + 7) % 7);
}

/** everyDays: one release per slot of N days (a fixed phase per component), moved off weekends. */
function slottedReleases(input: ScheduleInput, everyDays: number, toDay: number): PlannedRelease[] {
  const phase = createRng(input.seed, 'deploys', input.component, 'phase').float(0, everyDays);
  const out: PlannedRelease[] = [];
  const firstSlot = Math.floor((input.fromDay + phase) / everyDays);
  for (let slot = firstSlot; ; slot++) {
    let day = Math.ceil(slot * everyDays - phase);
    while (isWeekend(day)) day++;
    if (day > toDay) break;
    if (day < input.fromDay) continue;
    const rng = createRng(input.seed, 'deploys', input.component, 'slot', slot);
    out.push({ key: `${day}:s${slot}`, start: workingTime(input, day, rng.next()) });
  }
  return out;
}

/** A start between 09:00 and 17:30 on the team's wall clock, to the second. */
function workingTime(input: ScheduleInput, day: number, fraction: number): number {
  const ms = WORK_START + Math.floor((fraction * (WORK_LAST_START - WORK_START)) / 1000) * 1000;
  return atLocalTime(day, ms, input.timeZone).getTime();
}
