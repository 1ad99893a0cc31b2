import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { EntityLike, FactDescription, FactValue, Scorecard } from '@opsfolio/backstage-plugin-common';

/**
 * One fact of one entity as a provider read it. `observedAt` (ISO) is when its data was read from its
 * source; with `maxAgeMs` the check reads `stale` once the data is older than that.
 * @public
 */
export interface FactReading {
  /** The fact's value. */
  value: FactValue;
  /** ISO instant its data was read from its source; absent for facts read on evaluation. */
  observedAt?: string;
  /** How old the data may get before the check reads `stale`. */
  maxAgeMs?: number;
}

/** A fact a provider could not state for an entity, and why (source not set up, nothing synced yet). @public */
export interface FactNotReported {
  /** Why the fact is not reported, e.g. `no coverage report`. */
  notReported: string;
}

/**
 * A fact with nothing to judge for this entity, and why: a recovery time when no deploy failed, MTTR without
 * incidents. Its checks read "not applicable", which counts as passing. @public
 */
export interface FactNotApplicable {
  /** Why there is nothing to judge, e.g. `no incidents in 90 days`. */
  notApplicable: string;
}

/** A provider's answer for one fact of one entity: a value, not reported, or not applicable. @public */
export type FactAnswer = FactReading | FactNotReported | FactNotApplicable;

/** An entity handed to fact providers: the catalog entity with its lower-case ref. @public */
export interface FactSubject {
  /** The entity's ref, lower case, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** The catalog entity. */
  entity: EntityLike;
}

/** When facts are read for. @public */
export interface FactContext {
  /** The instant evaluated: now, or the end of a past day. */
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
  /** Unique and stable, e.g. `coverage`. */
  id: string;
  /** The facts it answers, described for people writing scorecards. */
  facts: FactDescription[];
  /** Answers the facts of every subject: a map from entity ref to fact id to answer. */
  collect(subjects: FactSubject[], context: FactContext): Promise<Map<string, Record<string, FactAnswer>>>;
}

/** What {@link opsfolioScorecardsExtensionPoint} offers. @public */
export interface OpsfolioScorecardsExtensionPoint {
  /** Adds facts that checks of any scorecard can read. */
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
