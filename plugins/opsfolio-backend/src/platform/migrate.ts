import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** Where the migrations are and which table records them. */
export const MIGRATIONS = { directory: resolvePackagePath('@opsfolio/backstage-plugin-backend', 'migrations'), tableName: 'opsfolio_knex_migrations' };

/** Brings the plugin's tables up to date; the same call runs in the plugin and in the store tests. */
export async function migrate(db: Knex): Promise<void> {
  await db.migrate.latest(MIGRATIONS);
}

/** Runs the migrations before `file` only (`20261203000000_x.js`): what a database of an older release holds. */
export async function migrateUpTo(db: Knex, file: string): Promise<void> {
  const [, pending] = (await db.migrate.list(MIGRATIONS)) as [unknown, Array<{ file: string }>];
  for (const { file: next } of pending) {
    if (next >= file) break;
    await db.migrate.up({ ...MIGRATIONS, name: next });
  }
}
