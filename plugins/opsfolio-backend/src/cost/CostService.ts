import type { CostFacts, CostOverviewResponse, EntityCostResponse, Money } from '@opsfolio/backstage-plugin-common';

export type CostGranularity = EntityCostResponse['granularity'];
export type CostGroupBy = CostOverviewResponse['groupBy'];

/**
 * The cost pillar: stored spend matched to catalog entities by their cost allocation tag. What routes, the
 * scorecards and the team portfolio read; they never reach the store or the cost index themselves.
 */
export interface CostService {
  /**
   * Spend of a service, or of a team, system or domain over what it holds, per day or month over [from, to)
   * (defaults: the last 30 days, or six months), with this month's figures and what readiness reads.
   * Throws an InputError for an empty or too long range.
   */
  entityCost(entityRef: string, query: { from?: string; to?: string; granularity: CostGranularity }): Promise<EntityCostResponse>;
  /** This month's spend of the organisation by owner (rolled up the group tree), system or domain. */
  overview(groupBy: CostGroupBy): Promise<CostOverviewResponse>;
  /** Each entity's spend this month so far, by the same tags as `entityCost`. */
  monthToDate(entityRefs: string[]): Promise<Map<string, Money>>;
  /**
   * What readiness checks read about each entity as of a day (`historical`: a past day, counting only that
   * month's days so far); undefined while no cost is stored at all.
   */
  facts(entityRefs: string[], options: { asOf: Date; historical?: boolean }): Promise<Map<string, CostFacts> | undefined>;
  /** Where an entity's stored spend comes from ("cost allocation tag service=payments-api"), if it has any. */
  describeStoredSpend(entityRef: string): Promise<string | undefined>;
}
