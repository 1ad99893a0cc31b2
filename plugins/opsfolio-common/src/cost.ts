/**
 * Cost shapes shared by the backend and the frontend. Money is kept per currency: amounts in different
 * currencies are never added together.
 */

/** Amounts keyed by ISO 4217 currency code, e.g. `{ USD: 1234.5 }`; empty when nothing was spent. @public */
export type Money = Record<string, number>;

/** The cost allocation tag of an entity: `opsfolio.io/cost-tag` (`key=value`), else `<tagKey>=<metadata.name>`. @public */
export interface CostTag {
  key: string;
  value: string;
  /** True when it came from the annotation, false for the default. */
  annotated: boolean;
}

/**
 * Parses `opsfolio.io/cost-tag`. Returns an error message (not a throw) for a malformed value, so an
 * entity page can say what is wrong. Pure. @public
 */
export function costTagOf(
  entity: { metadata: { name: string; annotations?: Record<string, string> } },
  defaultTagKey: string,
): CostTag | { error: string } {
  const raw = entity.metadata.annotations?.['opsfolio.io/cost-tag']?.trim();
  if (!raw) return { key: defaultTagKey, value: entity.metadata.name, annotated: false };
  const at = raw.indexOf('=');
  const key = at > 0 ? raw.slice(0, at).trim() : '';
  const value = at > 0 ? raw.slice(at + 1).trim() : '';
  if (!key || !value) return { error: `opsfolio.io/cost-tag must be key=value, e.g. ${defaultTagKey}=${entity.metadata.name}; got "${raw}"` };
  return { key, value, annotated: true };
}
