import { dayOf, type Exemption, isDay } from '@opsfolio/backstage-plugin-common';
import { parse } from 'yaml';
import { z } from 'zod';

/** The annotation that holds an entity's exemptions: a YAML list in a block string, reviewed with the entity. */
export const EXEMPTIONS_ANNOTATION = 'opsfolio.io/exemptions';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD').refine(isDay, 'is not a real day');
const entry = z
  .object({
    check: z.string().trim().min(1, 'names no check'),
    reason: z.string().trim().min(1, 'gives no reason'),
    // YAML 1.1 readers give an unquoted 2027-03-31 as a date.
    until: z.preprocess(v => (v instanceof Date ? dayOf(v) : v), day),
    approvedBy: z.string().trim().min(1).optional(),
  })
  .strict();

export interface ParsedExemptions {
  exemptions: Exemption[];
  /** Entries that could not be read, as sentences naming the entry. */
  problems: string[];
}

/**
 * Reads `opsfolio.io/exemptions`:
 *
 * ```yaml
 * opsfolio.io/exemptions: |
 *   - check: rollback-exercised            # or production-readiness/rollback-exercised
 *     reason: Batch job; a redeploy of the previous image is the rollback.
 *     until: 2027-03-31                    # last day it counts
 *     approvedBy: group:default/team-sre   # optional
 * ```
 *
 * An exemption counts through its `until` day (UTC) and is reported as expired after it. Pure.
 */
export function parseExemptions(annotation: string | undefined, today: string): ParsedExemptions {
  if (!annotation?.trim()) return { exemptions: [], problems: [] };
  let doc: unknown;
  try {
    doc = parse(annotation);
  } catch (error) {
    return { exemptions: [], problems: [`${EXEMPTIONS_ANNOTATION} is not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (!Array.isArray(doc)) return { exemptions: [], problems: [`${EXEMPTIONS_ANNOTATION} must be a YAML list of { check, reason, until }`] };
  const exemptions: Exemption[] = [];
  const problems: string[] = [];
  doc.forEach((item, i) => {
    const parsed = entry.safeParse(item);
    if (!parsed.success) {
      problems.push(`${EXEMPTIONS_ANNOTATION} entry ${i + 1}: ${parsed.error.issues.map(x => `${x.path.join('.') || 'entry'} ${x.message}`).join('; ')}`);
      return;
    }
    exemptions.push({ ...parsed.data, expired: parsed.data.until < today });
  });
  return { exemptions, problems };
}

/** The exemption for a check of a scorecard: `<scorecardId>/<checkId>` wins over a bare `<checkId>`. */
export function exemptionFor(exemptions: Exemption[], scorecardId: string, checkId: string): Exemption | undefined {
  const full = `${scorecardId}/${checkId}`.toLowerCase();
  const bare = checkId.toLowerCase();
  return (
    exemptions.find(e => e.check.toLowerCase() === full) ?? exemptions.find(e => e.check.toLowerCase() === bare)
  );
}
