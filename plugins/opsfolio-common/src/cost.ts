/**
 * Cost shapes shared by the backend and the frontend. Money is kept per currency: amounts in different
 * currencies are never added together.
 */

/** Amounts keyed by ISO 4217 currency code, e.g. `{ USD: 1234.5 }`; empty when nothing was spent. @public */
export type Money = Record<string, number>;

/**
 * The cost allocation tag of an entity: `opsfolio.io/cost-tag` (`key=value`), else
 * `<tagKey>=<metadata.name>` (`tagKey` being `opsfolio.cost.tagKey`).
 * @public
 */
export interface CostTag {
  /** The tag key, e.g. `service`. */
  key: string;
  /** The tag value whose spend is the entity's. */
  value: string;
  /** True when it came from the annotation, false for the default. */
  annotated: boolean;
}
