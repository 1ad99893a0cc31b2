import type { Knex } from 'knex';
import { refKey } from '@opsfolio/backstage-plugin-common';
import type { CodeownersStore, StoredCodeowners } from './CodeownersStore';

const TABLE = 'opsfolio_codeowners';

type Row = { entity_ref: string; url: string | null; etag: string | null; content: string | null; path: string; read_at: string; error: string | null };

const toStored = (r: Row): StoredCodeowners => ({
  entityRef: r.entity_ref,
  url: r.url ?? undefined,
  etag: r.etag ?? undefined,
  content: r.content ?? undefined,
  path: r.path,
  readAt: r.read_at,
  error: r.error ?? undefined,
});

/** {@link CodeownersStore} on the plugin's database (SQLite or PostgreSQL), through Knex. */
export class DatabaseCodeownersStore implements CodeownersStore {
  constructor(private readonly db: Knex) {}

  async save(stored: StoredCodeowners): Promise<void> {
    const row: Row = {
      entity_ref: refKey(stored.entityRef),
      url: stored.url ?? null,
      etag: stored.etag ?? null,
      content: stored.content ?? null,
      path: stored.path,
      read_at: stored.readAt,
      error: stored.error ?? null,
    };
    await this.db(TABLE).insert(row).onConflict('entity_ref').merge();
  }

  /** A failed read keeps the file found before: only the error and its time change. */
  async saveError(entityRef: string, path: string, error: string, readAt: string): Promise<void> {
    const previous = await this.get(entityRef);
    await this.save({ ...(previous ?? { entityRef, path }), path, error, readAt });
  }

  async get(entityRef: string): Promise<StoredCodeowners | undefined> {
    const row: Row | undefined = await this.db(TABLE).where('entity_ref', refKey(entityRef)).first();
    return row ? toStored(row) : undefined;
  }

  async all(): Promise<Map<string, StoredCodeowners>> {
    const rows: Row[] = await this.db(TABLE).select();
    return new Map(rows.map(r => [r.entity_ref, toStored(r)]));
  }
}
