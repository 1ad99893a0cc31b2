import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityScorecardResult,
  ExemptionRow,
  FactDescription,
  Scorecard,
  ScorecardGateResponse,
  ScorecardHistoryResponse,
  TeamPortfolioResponse,
} from '@opsfolio/backstage-plugin-common';
import type { OverviewFilters } from './overview';
import type { ReadableRefs } from '../platform/catalog/CatalogVisibility';

/**
 * The readiness pillar: scorecards evaluated over facts from every pillar. Reads never store anything (an
 * entity the schedule has not reached yet, the CI gate: evaluated in memory); the scheduled evaluation and
 * an explicit refresh store results, transitions and level changes.
 */
export interface ScorecardsService {
  /** The configured scorecards and every fact a check may read. */
  definitions(): { scorecards: Scorecard[]; facts: FactDescription[] };
  /** Stored results of every scorecard; evaluated now, not stored, where one that applies has none yet. */
  entityResults(entity: Entity): Promise<EntityScorecardResult[]>;
  /** Evaluates the entity now and stores the results: the "refresh" button. */
  refresh(entity: Entity): Promise<EntityScorecardResult[]>;
  /** An entity's daily levels, transitions and level changes over the last `days` days. Throws NotFoundError for an unknown scorecard. */
  history(entity: Entity, scorecardId: string, days: number): Promise<ScorecardHistoryResponse>;
  /**
   * For CI before a deploy: evaluated now (not stored), passing when the entity reaches `level` (default:
   * its tier's target). Throws InputError when the scorecard does not apply or the level is unknown.
   */
  gate(entity: Entity, scorecardId: string, level?: string): Promise<ScorecardGateResponse>;
  /** The managers' overview of one scorecard (default: the first), rendered as JSON or CSV text. */
  /** `costVisible: false` leaves cost checks out of the per-check counts and the entities' failing checks. */
  overview(query: {
    scorecardId?: string;
    filters: OverviewFilters;
    format: 'json' | 'csv';
    costVisible: boolean;
    /** Only these entities (what the caller may read in the catalog); undefined for all. */
    readable?: ReadableRefs;
  }): Promise<{ scorecardId: string; text: string }>;
  /** Every exemption the last evaluation met, soonest to expire first; judged today. */
  exemptions(query: { scorecardId?: string; owner?: string; status?: 'active' | 'expired'; readable?: ReadableRefs }): Promise<ExemptionRow[]>;
  /** Every component a group and its sub-teams own, with level, who is on call, last deploy and (when visible) cost; the route adds campaigns. */
  /** `costReadable`: which of these services the caller may read cost of (the policy may allow some only). */
  teamPortfolio(
    group: Entity,
    options: { credentials: BackstageCredentials; costReadable: (entityRefs: string[]) => Promise<ReadonlySet<string>> },
  ): Promise<Omit<TeamPortfolioResponse, 'campaigns'>>;
}
