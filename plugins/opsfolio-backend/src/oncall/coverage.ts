import type { Coverage, CoverageGap } from '@opsfolio/backstage-plugin-common';

/** One stretch of a schedule with someone on call: ISO instants, any offset, `end` exclusive. */
export interface CoverageEntry {
  start: string;
  end: string;
}

/**
 * The gaps of a schedule over a window and the share of the window it covers. Pure.
 *
 * Entries are compared as instants, so `10:00+02:00` ends exactly where `08:00Z` starts. They may come
 * in any order and overlap; an entry that ends where the next starts leaves no gap. Entries are clipped
 * to the window; those with an unparseable time or that do not end after they start are left out, as if
 * missing. No entries at all is one gap over the whole window. Gaps are merged (never two touching),
 * sorted by start, never empty, and given as UTC ISO instants.
 *
 * @param window - `from` inclusive, `to` exclusive; it must end after it starts.
 */
export function coverageGaps(entries: readonly CoverageEntry[], window: { from: Date; to: Date }): Coverage {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new TypeError('coverageGaps: the window needs valid dates');
  if (to <= from) throw new RangeError('coverageGaps: the window must end after it starts');

  const spans = entries
    .map(e => [Math.max(Date.parse(e.start), from), Math.min(Date.parse(e.end), to)] as const)
    .filter(([start, end]) => start < end) // also drops NaN: every comparison with NaN is false
    .sort((a, b) => a[0] - b[0]);

  const gaps: CoverageGap[] = [];
  let uncovered = 0;
  const gap = (start: number, end: number) => {
    gaps.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
    uncovered += end - start;
  };
  // `coveredUntil` only moves forward: an overlapping or contained entry never opens a gap.
  let coveredUntil = from;
  for (const [start, end] of spans) {
    if (start > coveredUntil) gap(coveredUntil, start);
    coveredUntil = Math.max(coveredUntil, end);
  }
  if (coveredUntil < to) gap(coveredUntil, to);

  return { gaps, coveredShare: 1 - uncovered / (to - from) };
}
