import { addDays, addMonths, monthStart } from '@opsfolio/backstage-plugin-common';

/** Cost Explorer serves daily data back to the first of the month 12 months ago. */
export const MAX_BACKFILL_MONTHS = 12;

export interface StoredDays {
  first?: string;
  last?: string;
  firstEstimated?: string;
}

/**
 * The days one sync reads, [from, to): up to and including today (Cost Explorer's `End` is exclusive).
 * First run (or a changed query): the backfill, from the first of the month `backfillMonths` back. Later
 * runs: from the first day still estimated, and at least the last two stored days again (a day Cost
 * Explorer had not reported yet has no rows, so it is not marked estimated). A run is stored a month at a
 * time, so a run that failed midway left whole months up to its last stored day: the next run starts there.
 * `resumeFrom`: a backfill for a changed query that stopped midway stored the new query's figures up to
 * this day (the days after it still hold the old query's), so it goes on from there (or from an earlier
 * estimated day).
 */
export function syncRange(input: {
  today: string;
  stored: StoredDays;
  backfillMonths: number;
  backfill?: boolean;
  resumeFrom?: string;
}): { from: string; to: string } {
  const { today, stored } = input;
  const to = addDays(today, 1);
  const earliest = addMonths(monthStart(today), -MAX_BACKFILL_MONTHS);
  let from: string;
  if (input.resumeFrom) {
    from = input.resumeFrom < today ? input.resumeFrom : today;
    if (stored.firstEstimated && stored.firstEstimated < from) from = stored.firstEstimated;
  } else if (!stored.last || input.backfill) {
    from = addMonths(monthStart(today), -input.backfillMonths);
  } else {
    from = addDays(stored.last < today ? stored.last : today, -1);
    if (stored.firstEstimated && stored.firstEstimated < from) from = stored.firstEstimated;
  }
  return { from: from < earliest ? earliest : from, to };
}

/**
 * [from, to) cut at the first of each month, oldest first: whole calendar months, the first and last
 * chunks partial when the range starts or ends inside a month.
 */
export function monthChunks(range: { from: string; to: string }): { from: string; to: string }[] {
  const chunks: { from: string; to: string }[] = [];
  for (let from = range.from; from < range.to; ) {
    const next = addMonths(from, 1);
    const to = next < range.to ? next : range.to;
    chunks.push({ from, to });
    from = to;
  }
  return chunks;
}
