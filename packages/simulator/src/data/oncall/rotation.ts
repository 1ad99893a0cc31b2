import { atLocalTime, DAY_MS, HOUR_MS, localTimeOf } from '../../time';
import type { OnCallUser, Rotation, Shift } from './types';

// Rotations as time: turns handed over at 09:00 local every `rotationDays` from a fixed Monday, the final
// schedule (a person's consecutive turns merged, gaps cut out), coverage.

/** 2024-01-01, a Monday: turn 0 of every rotation starts at 09:00 local that day. */
export const ROTATION_EPOCH_DAY = 19_723;
const HANDOFF_MS = 9 * HOUR_MS;
/** how far around a query window turns are merged (a one-person rota is one long shift) */
const MERGE_HORIZON_MS = 90 * DAY_MS;

/** When turn k starts. Whole-day rotations hand over at 09:00 wall-clock time, across DST changes too. */
export function turnStart(rotation: Rotation, k: number): number {
  const { rotationDays, timeZone } = rotation;
  if (Number.isInteger(rotationDays)) {
    return atLocalTime(ROTATION_EPOCH_DAY + k * rotationDays, HANDOFF_MS, timeZone).getTime();
  }
  return atLocalTime(ROTATION_EPOCH_DAY, HANDOFF_MS, timeZone).getTime() + Math.round(k * rotationDays * DAY_MS);
}

/** The turn running at `t`. */
function turnAt(rotation: Rotation, t: number): number {
  let k = Math.floor((t - turnStart(rotation, 0)) / (rotation.rotationDays * DAY_MS));
  while (turnStart(rotation, k) > t) k--;
  while (turnStart(rotation, k + 1) <= t) k++;
  return k;
}

function memberOnTurn(rotation: Rotation, k: number): OnCallUser {
  const n = rotation.members.length;
  return rotation.members[(((k + rotation.offset) % n) + n) % n]!;
}

/** Who the rotation puts on call at `t`, ignoring gaps (gaps are always ahead of now). */
export function onCallAt(rotation: Rotation, t: number): OnCallUser {
  return memberOnTurn(rotation, turnAt(rotation, t));
}

/** The turns overlapping [from, to), one shift each. */
export function rotationTurns(rotation: Rotation, from: number, to: number): Shift[] {
  const shifts: Shift[] = [];
  for (let k = turnAt(rotation, from); ; k++) {
    const start = turnStart(rotation, k);
    if (start >= to && shifts.length > 0) break;
    shifts.push({ start, end: turnStart(rotation, k + 1), user: memberOnTurn(rotation, k) });
  }
  return shifts;
}

export interface Window {
  start: number;
  end: number;
}

/** The rotation's gaps as instants, relative to the day `now` falls on in the rotation's time zone. */
export function gapWindows(rotation: Rotation, now: number): Window[] {
  const today = localTimeOf(new Date(now), rotation.timeZone).dayIndex;
  return rotation.gaps
    .map((gap) => {
      const start = atLocalTime(today + gap.inDays, gap.fromHour * HOUR_MS, rotation.timeZone).getTime();
      return { start, end: start + Math.round(gap.hours * HOUR_MS) };
    })
    .sort((a, b) => a.start - b.start);
}

/** Does [start, end) overlap the window? A zero-length window is an instant: the shift must contain it. */
function overlaps(shift: Window, from: number, to: number): boolean {
  return from === to ? shift.start <= from && from < shift.end : shift.start < to && shift.end > from;
}

/**
 * The final schedule around [from, to): consecutive turns of one person merged into one shift, the gaps
 * (as of `now`) cut out. Shifts are whole — not clipped to the window — and every one overlaps it.
 */
export function finalShifts(rotation: Rotation, now: number, from: number, to: number): Shift[] {
  const merged: Shift[] = [];
  for (const turn of rotationTurns(rotation, from - MERGE_HORIZON_MS, to + MERGE_HORIZON_MS)) {
    const last = merged[merged.length - 1];
    if (last && last.user === turn.user && last.end === turn.start) last.end = turn.end;
    else merged.push({ ...turn });
  }
  const gaps = gapWindows(rotation, now);
  return merged.flatMap((shift) => cutGaps(shift, gaps)).filter((shift) => overlaps(shift, from, to));
}

function cutGaps(shift: Shift, gaps: Window[]): Shift[] {
  let pieces = [shift];
  for (const gap of gaps) {
    pieces = pieces.flatMap((piece) => {
      if (gap.end <= piece.start || gap.start >= piece.end) return [piece];
      const out: Shift[] = [];
      if (gap.start > piece.start) out.push({ ...piece, end: gap.start });
      if (gap.end < piece.end) out.push({ ...piece, start: gap.end });
      return out;
    });
  }
  return pieces;
}

/** Shifts cut to the window [from, to). */
export function clipShifts(shifts: Shift[], from: number, to: number): Shift[] {
  return shifts
    .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start);
}

/** Share of [from, to) the shifts cover, in percent with two decimals (PagerDuty's rendered_coverage_percentage). */
export function coveragePercent(shifts: Shift[], from: number, to: number): number {
  if (to <= from) return 0;
  const covered = clipShifts(shifts, from, to).reduce((sum, s) => sum + (s.end - s.start), 0);
  return Math.round((Math.min(covered, to - from) / (to - from)) * 10_000) / 100;
}
