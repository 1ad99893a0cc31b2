import { createRng, type ScopePart } from '../../random';

// Vendor-style ids, all seeded: PagerDuty's short ids (P + 6), its longer incident and log-entry ids, and
// Opsgenie's UUIDs.

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Hands out PagerDuty-style ids (P + 6 uppercase letters and digits) that are unique within one account.
 * Ids are claimed in a fixed order when the directory is built, so a clash (rare: 36^6 ids) is resolved
 * the same way every time.
 */
export class PagerDutyIds {
  private readonly taken = new Set<string>();

  constructor(private readonly seed: number) {}

  /** an id given by the scenario (a service id) */
  reserve(id: string): void {
    this.taken.add(id);
  }

  next(...scope: ScopePart[]): string {
    for (let attempt = 0; ; attempt++) {
      const id = `P${createRng(this.seed, 'pagerduty-id', ...scope, attempt).chars(ALNUM, 6)}`;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}

/** A long PagerDuty id (incidents "Q…", log entries "R…"): 14 characters, unique in practice. */
export function longPagerDutyId(prefix: 'Q' | 'R', seed: number, ...scope: ScopePart[]): string {
  return `${prefix}${createRng(seed, 'pagerduty-long-id', prefix, ...scope).chars(ALNUM, 13)}`;
}

/** A version-4-shaped UUID, seeded: 8-4-4-4-12 lowercase hex. */
export function seededUuid(seed: number, ...scope: ScopePart[]): string {
  const rng = createRng(seed, 'uuid', ...scope);
  const hex = rng.hex(32).split('');
  hex[12] = '4';
  hex[16] = '89ab'[rng.int(0, 3)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
