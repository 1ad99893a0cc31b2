import type { Knex } from 'knex';
import type { SourceState } from '@opsfolio/backstage-plugin-node';

const TABLE = 'opsfolio_source_state';

/** Per-source key-value state (ETags, cursors), handed to sources as `context.state`. */
export function sourceStateStore(db: Knex, sourceId: string, now: () => Date = () => new Date()): SourceState {
  return {
    async get(key) {
      const row = await db(TABLE).where({ source_id: sourceId, key }).first('value');
      return row?.value;
    },
    async set(key, value) {
      await db(TABLE)
        .insert({ source_id: sourceId, key, value, updated_at: now().toISOString() })
        .onConflict(['source_id', 'key'])
        .merge(['value', 'updated_at']);
    },
  };
}
