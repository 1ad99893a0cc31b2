import { z } from 'zod';
import { CHARGE_CATEGORIES } from './parseFocus';

/** One export to import, with the id of the cost source that imports it. */
interface FocusExportSettings {
  sourceId: string;
  location: string;
}

export interface FocusSettings {
  exports: FocusExportSettings[];
  costColumn: string;
  /** Canonical spelling; absent means every row counts. */
  chargeCategories?: string[];
  /** The share of a file's rows that may be malformed before the file is refused. */
  maxMalformedShare: number;
}

// Source ids end up in config keys (`opsfolio.sources.<id>`), so they follow Backstage's key rules.
const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/i;

const category = z.string().transform((value, ctx) => {
  const known = CHARGE_CATEGORIES.find(c => c.toLowerCase() === value.trim().toLowerCase());
  if (!known) ctx.addIssue({ code: 'custom', message: `"${value}" is not a FOCUS ChargeCategory (${CHARGE_CATEGORIES.join(', ')})` });
  return known ?? value;
});

const schema = z.object({
  exports: z
    .array(z.object({ location: z.string().trim().min(1), id: z.string().regex(ID, 'letters, digits, - and _').optional() }))
    .min(1),
  costColumn: z.string().trim().min(1).default('EffectiveCost'),
  chargeCategories: z.array(category).min(1).optional(),
  maxMalformedShare: z.number().min(0).max(1).default(0.01),
});

/**
 * Reads `opsfolio.cost.focus` (undefined when absent). Each export becomes its own cost source:
 * `focus` for a single export without an id, else `focus-<id>`. Throws on a bad value, naming it.
 */
export function readFocusSettings(raw: unknown): FocusSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid opsfolio.cost.focus config: ${z.prettifyError(parsed.error)}`);
  const { exports, costColumn, chargeCategories, maxMalformedShare } = parsed.data;
  if (exports.length > 1 && exports.some(e => !e.id)) {
    throw new Error('Invalid opsfolio.cost.focus config: with several exports, give each an id');
  }
  const sourceIds = exports.map(e => (e.id ? `focus-${e.id}` : 'focus'));
  const twice = sourceIds.find((id, i) => sourceIds.indexOf(id) !== i);
  if (twice) throw new Error(`Invalid opsfolio.cost.focus config: two exports have the id ${twice.slice('focus-'.length)}`);
  const everything = chargeCategories && CHARGE_CATEGORIES.every(c => chargeCategories.includes(c));
  return {
    exports: exports.map((e, i) => ({ sourceId: sourceIds[i], location: e.location })),
    costColumn,
    maxMalformedShare,
    chargeCategories: everything ? undefined : chargeCategories && [...new Set(chargeCategories)],
  };
}
