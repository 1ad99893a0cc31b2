import knexFactory, { type Knex } from 'knex';
import { migrate, migrateUpTo } from '../platform/migrate';

/** Every store test runs on both; PostgreSQL is never skipped silently. */
export const TEST_DATABASES = ['sqlite', 'postgres'] as const;
export type TestDatabaseKind = (typeof TEST_DATABASES)[number];

const POSTGRES_URL = process.env.OPSFOLIO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const HOW_TO_START =
  'Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` ' +
  '(npm test does this through scripts/ensure-postgres.sh), or point OPSFOLIO_TEST_POSTGRES_URL at a server.';

export interface TestDatabase {
  knex: Knex;
  destroy(): Promise<void>;
}

let counter = 0;

/** A fresh, migrated database of the given kind; `before`: migrated only up to that migration file. */
export async function createTestDatabase(kind: TestDatabaseKind, options: { before?: string } = {}): Promise<TestDatabase> {
  const migrated = (knex: Knex) => (options.before ? migrateUpTo(knex, options.before) : migrate(knex));
  if (kind === 'sqlite') {
    const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
    await migrated(knex);
    return { knex, destroy: () => knex.destroy() };
  }
  const admin = knexFactory({ client: 'pg', connection: POSTGRES_URL, pool: { min: 0, max: 1 } });
  const name = `opsfolio_test_${process.pid}_${Date.now()}_${counter++}`;
  try {
    await admin.raw(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.destroy();
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_URL.replace(/\/\/[^@]*@/, '//')}: ${(error as Error).message}. ${HOW_TO_START}`,
    );
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 5 } });
  await migrated(knex);
  return {
    knex,
    async destroy() {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}
