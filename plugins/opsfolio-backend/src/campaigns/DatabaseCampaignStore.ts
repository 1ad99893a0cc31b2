import type { CampaignDefinition } from '@opsfolio/backstage-plugin-common';
import type { Knex } from 'knex';
import { bumpGeneration, type DataGenerations } from '../platform/dataGenerations';
import type { CampaignStore, StoredCampaign } from './CampaignStore';

const CAMPAIGNS = 'opsfolio_campaigns';

type Row = {
  id: string;
  definition: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
};

const toStored = (r: Row): StoredCampaign => ({
  definition: JSON.parse(r.definition),
  ...(r.created_by ? { createdBy: r.created_by } : {}),
  createdAt: r.created_at,
  ...(r.updated_by ? { updatedBy: r.updated_by } : {}),
  updatedAt: r.updated_at,
});

/** {@link CampaignStore} on the plugin's database; every write moves the campaigns' data generation, so other replicas reload. */
export class DatabaseCampaignStore implements CampaignStore {
  constructor(private readonly db: Knex, private readonly generations?: DataGenerations) {}

  async list(): Promise<StoredCampaign[]> {
    const rows: Row[] = await this.db(CAMPAIGNS).orderBy('id');
    return rows.map(toStored);
  }

  async get(id: string): Promise<StoredCampaign | undefined> {
    const row: Row | undefined = await this.db(CAMPAIGNS).where('id', id).first();
    return row ? toStored(row) : undefined;
  }

  async create(definition: CampaignDefinition, by: string | undefined, at: string): Promise<boolean> {
    const inserted = await this.write(tx =>
      tx(CAMPAIGNS)
        .insert({
          id: definition.id,
          definition: JSON.stringify(definition),
          created_by: by ?? null,
          created_at: at,
          updated_by: by ?? null,
          updated_at: at,
        })
        .onConflict('id')
        .ignore()
        .returning('id')
    );
    return inserted.length > 0;
  }

  async update(definition: CampaignDefinition, by: string | undefined, at: string): Promise<boolean> {
    const updated = await this.write(tx =>
      tx(CAMPAIGNS)
        .where('id', definition.id)
        .update({ definition: JSON.stringify(definition), updated_by: by ?? null, updated_at: at })
    );
    return Number(updated) > 0;
  }

  private async write<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(async tx => {
      const r = await fn(tx);
      await bumpGeneration(tx, 'campaigns');
      return r;
    });
    this.generations?.invalidate();
    return result;
  }
}
