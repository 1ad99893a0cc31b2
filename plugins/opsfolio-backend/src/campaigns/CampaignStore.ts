import type { CampaignDefinition } from '@opsfolio/backstage-plugin-common';

/** A campaign created through the API, as stored. */
export interface StoredCampaign {
  definition: CampaignDefinition;
  createdBy?: string;
  createdAt: string;
  updatedBy?: string;
  updatedAt: string;
}

/** Campaigns created and changed through the API; config-defined ones are never stored. */
export interface CampaignStore {
  list(): Promise<StoredCampaign[]>;
  get(id: string): Promise<StoredCampaign | undefined>;
  /** False, storing nothing, when a campaign with its id exists. */
  create(definition: CampaignDefinition, by: string | undefined, at: string): Promise<boolean>;
  /** False when there is no campaign with its id. */
  update(definition: CampaignDefinition, by: string | undefined, at: string): Promise<boolean>;
}
