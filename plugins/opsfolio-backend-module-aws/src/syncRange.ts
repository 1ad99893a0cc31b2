import { addDays, addMonths, monthStart } from './days';

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
 * Explorer had not reported yet has no rows, so it is not marked estimated).
 */
export function syncRange(input: {
  today: string;
  stored: StoredDays;
  backfillMonths: number;
  backfill?: boolean;
}): { from: string; to: string } {
  const { today, stored } = input;
  const to = addDays(today, 1);
  const earliest = addMonths(monthStart(today), -MAX_BACKFILL_MONTHS);
  let from: string;
  if (!stored.last || input.backfill) {
    from = addMonths(monthStart(today), -input.backfillMonths);
  } else {
    from = addDays(stored.last < today ? stored.last : today, -1);
    if (stored.firstEstimated && stored.firstEstimated < from) from = stored.firstEstimated;
  }
  return { from: from < earliest ? earliest : from, to };
}
