/**
 * A throwaway database for a route benchmark: a SQLite file under the OS temp folder, or a PostgreSQL
 * database `<prefix>_<pid>` on OPSFOLIO_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test),
 * dropped by `destroy()`. `size()` reports the file size, or the size of `table` and its indexes.
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';

const POSTGRES_URL = process.env.OPSFOLIO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  kind: 'sqlite' | 'postgres';
  knex: Knex;
  where: string;
  size(): Promise<string>;
  destroy(): Promise<void>;
}

export async function createBenchDatabase(kind: 'sqlite' | 'postgres', options: { prefix: string; table: string }): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const filename = join(tmpdir(), `${options.prefix}-${process.pid}.sqlite`);
    rmSync(filename, { force: true });
    const knex = knexFactory({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true });
    return {
      kind,
      knex,
      where: filename,
      size: async () => `${(statSync(filename).size / 2 ** 20).toFixed(0)} MiB file`,
      async destroy() {
        await knex.destroy();
        for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${filename}${suffix}`, { force: true });
      },
    };
  }
  const admin = knexFactory({ client: 'pg', connection: POSTGRES_URL, pool: { min: 0, max: 1 } });
  const name = `${options.prefix.replace(/-/g, '_')}_${process.pid}`;
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
    await admin.raw(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.destroy();
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_URL.replace(/\/\/[^@]*@/, '//')}: ${(error as Error).message}. ` +
        'Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`.',
    );
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 5 } });
  return {
    kind,
    knex,
    where: `database ${name}`,
    async size() {
      const { rows } = await knex.raw(
        `select pg_size_pretty(pg_table_size(?)) as heap, pg_size_pretty(pg_indexes_size(?)) as indexes, current_setting('shared_buffers') as shared_buffers`,
        [options.table, options.table],
      );
      return `${options.table}: table ${rows[0].heap}, indexes ${rows[0].indexes} (shared_buffers ${rows[0].shared_buffers})`;
    },
    async destroy() {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}
