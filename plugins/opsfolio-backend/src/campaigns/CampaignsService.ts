import type {
  CampaignProgressResponse,
  CampaignPromotionResponse,
  CampaignState,
  CampaignSummary,
  EntityCampaignsResponse,
} from '@opsfolio/backstage-plugin-common';
import type { ReadableRefs } from '../platform/catalog/CatalogVisibility';
import type { CampaignAction } from './state';

/**
 * Campaigns: a scorecard's target level or some of its checks, on a set of entities, by a date. Progress counts
 * only the entities a caller may read (`readable`; undefined for all); a campaign's state is judged on all of them.
 */
export interface CampaignsService {
  /** Campaigns with their counts, by target date; drafts and archived ones only when `state` asks for them. */
  list(query: { state?: CampaignState; owner?: string; readable?: ReadableRefs }): Promise<CampaignSummary[]>;
  /** One campaign's progress. Throws NotFoundError for an unknown id. */
  progress(id: string, readable?: ReadableRefs): Promise<CampaignProgressResponse>;
  /**
   * An ended campaign made part of its standing scorecard, as a pull-request-ready diff; `level`: what a check
   * campaign's checks guard from now on. ConflictError unless ended; InputError for an unknown level.
   */
  promotion(id: string, level?: string): Promise<CampaignPromotionResponse>;
  /** The campaign's entities as CSV text. */
  csv(id: string, readable?: ReadableRefs): Promise<string>;
  /** The running campaigns an entity is part of, with what it has left. */
  forEntity(entityRef: string): Promise<EntityCampaignsResponse['campaigns']>;
  /** The running campaigns covering any of these entities, counted over them alone: a team's line on its portfolio. */
  covering(entityRefs: string[]): Promise<CampaignSummary[]>;
  /** Validates and stores a new campaign (a draft unless `draft: false`); InputError listing problems, ConflictError on a taken id. */
  create(body: unknown, by: string | undefined, readable?: ReadableRefs): Promise<CampaignSummary>;
  /** Replaces a campaign's definition, keeping its state; ConflictError for a config-defined campaign. */
  update(id: string, body: unknown, by: string | undefined, readable?: ReadableRefs): Promise<CampaignSummary>;
  /** Publishes, ends or archives; ConflictError when the campaign's state does not allow it. */
  act(id: string, action: CampaignAction, by: string | undefined, readable?: ReadableRefs): Promise<CampaignSummary>;
}
