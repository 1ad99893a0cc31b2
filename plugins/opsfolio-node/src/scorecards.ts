import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { EntityLike, FactDescription, FactValue, Scorecard } from '@opsfolio/backstage-plugin-common';

/**
 * One fact of one entity as a provider read it. `observedAt` (ISO) is when its data was read from its
 * source; with `maxAgeMs` the check reads `stale` once the data is older than that.
 * @public
 */
export interface FactReading {
  value: FactValue;
  observedAt?: string;
  maxAgeMs?: number;
}

/** A fact a provider could not state for an entity, and why (source not set up, nothing synced yet). @public */
export interface FactNotReported {
  notReported: string;
}

/**
 * A fact with nothing to judge for this entity, and why: a recovery time when no deploy failed, MTTR without
 * incidents. Its checks read "not applicable", which counts as passing. @public
 */
export interface FactNotApplicable {
  notApplicable: string;
}

/** @public */
export type FactAnswer = FactReading | FactNotReported | FactNotApplicable;

/** An entity handed to fact providers: the catalog entity with its lower-case ref. @public */
export interface FactSubject {
  entityRef: string;
  entity: EntityLike;
}

/** When facts are read for. @public */
export interface FactContext {
  asOf: Date;
  /** True when a past day is evaluated for the history backfill. */
  historical?: boolean;
}

/**
 * Adds facts scorecard checks can read. `collect` is called with every entity being evaluated (thousands
 * at once: read in bulk, not per entity) and answers per entity ref; a fact left out reads "not reported".
 * `asOf` is the instant evaluated: now, or the end of a past day when history is backfilled (`historical`:
 * answer with what was known then, or leave facts without history out; the data's age means nothing then).
 * @public
 */
export interface FactProvider {
  id: string;
  facts: FactDescription[];
  collect(subjects: FactSubject[], context: FactContext): Promise<Map<string, Record<string, FactAnswer>>>;
}

/** @public */
export interface OpsfolioScorecardsExtensionPoint {
  addFactProvider(provider: FactProvider): void;
  /** A scorecard shipped by a module; app-config's `opsfolio.scorecards` can still replace it by id. */
  addScorecard(scorecard: Scorecard): void;
}

/**
 * Where modules add facts and scorecards.
 * @public
 */
export const opsfolioScorecardsExtensionPoint = createExtensionPoint<OpsfolioScorecardsExtensionPoint>({
  id: 'opsfolio.scorecards',
});
