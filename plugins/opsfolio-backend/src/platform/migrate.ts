import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const directory = resolvePackagePath('@opsfolio/backstage-plugin-backend', 'migrations');

/** Brings the plugin's tables up to date; the same call runs in the plugin and in the store tests. */
export async function migrate(db: Knex): Promise<void> {
  await db.migrate.latest({ directory, tableName: 'opsfolio_knex_migrations' });
}
