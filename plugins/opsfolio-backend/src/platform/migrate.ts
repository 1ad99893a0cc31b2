import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** Where the migrations are and which table records them. */
export const MIGRATIONS = { directory: resolvePackagePath('@opsfolio/backstage-plugin-backend', 'migrations'), tableName: 'opsfolio_knex_migrations' };

const LOCK_WAIT_MS = 120_000;

/**
 * Brings the plugin's tables up to date; the same call runs in the plugin and in the store tests. Replicas that
 * start together race for Knex's migration lock, and Knex fails the loser at once ("Migration table is already
 * locked"): that replica waits for the winner to finish and then finds nothing left to do. A lock still held after
 * two minutes was left by a process that died mid-migration, which needs a person.
 */
export async function migrate(db: Knex, options: { lockWaitMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.lockWaitMs ?? LOCK_WAIT_MS);
  for (let pause = 250; ; pause = Math.min(pause * 2, 2000)) {
    try {
      await db.migrate.latest(MIGRATIONS);
      return;
    } catch (error) {
      if ((error as Error).name !== 'MigrationLocked') throw error;
      if (Date.now() + pause > deadline) {
        throw new Error(
          `Opsfolio's migrations are locked by another process for too long; if none is running, clear ${MIGRATIONS.tableName}_lock (is_locked = 0)`,
          { cause: error },
        );
      }
      await new Promise(resolve => setTimeout(resolve, pause));
    }
  }
}

/** Runs the migrations before `file` only (`20261203000000_x.js`): what a database of an older release holds. */
export async function migrateUpTo(db: Knex, file: string): Promise<void> {
  const [, pending] = (await db.migrate.list(MIGRATIONS)) as [unknown, Array<{ file: string }>];
  for (const { file: next } of pending) {
    if (next >= file) break;
    await db.migrate.up({ ...MIGRATIONS, name: next });
  }
}
