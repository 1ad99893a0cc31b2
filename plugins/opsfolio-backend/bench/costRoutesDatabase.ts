/**
 * The databases of the cost routes benchmark (costRoutes.bench.ts): a throwaway SQLite file or PostgreSQL
 * database, and the bulk load of a year of daily cost into the plugin's tables.
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { addDays, monthOf, monthStart } from '../src/cost/days';
import { CostStore } from '../src/cost/store';
import { CURRENCY, isEstimated, rowsOfDay, SOURCE } from './costRoutesWorld';

const POSTGRES_URL = process.env.OPSFOLIO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What is loaded: `days` up to and including `today`, for `services` x `cloudServices`. */
export interface Dataset {
  today: string;
  days: string[];
  services: number;
  cloudServices: number;
}

export interface BenchDatabase {
  kind: 'sqlite' | 'postgres';
  knex: Knex;
  where: string;
  size(): Promise<string>;
  destroy(): Promise<void>;
}

export async function createDatabase(kind: 'sqlite' | 'postgres'): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const filename = join(tmpdir(), `opsfolio-bench-cost-${process.pid}.sqlite`);
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
  const name = `opsfolio_bench_cost_${process.pid}`;
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
        `select pg_size_pretty(pg_table_size('opsfolio_cost_daily')) as heap, pg_size_pretty(pg_indexes_size('opsfolio_cost_daily')) as indexes,
                current_setting('shared_buffers') as shared_buffers`,
      );
      return `opsfolio_cost_daily: table ${rows[0].heap}, indexes ${rows[0].indexes} (shared_buffers ${rows[0].shared_buffers})`;
    },
    async destroy() {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}

const INSERT_DAILY = 'insert into opsfolio_cost_daily (source, day, tag_value, cloud_service, currency, amount)';

/** The table's secondary indexes, as the migration created them (SQLite keeps the primary key's apart). */
async function secondaryIndexes(db: BenchDatabase): Promise<Array<{ name: string; sql: string }>> {
  if (db.kind === 'sqlite') {
    return db.knex.raw(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'opsfolio_cost_daily' and sql is not null`);
  }
  const { rows } = await db.knex.raw(
    `select indexname as name, indexdef as sql from pg_indexes where tablename = 'opsfolio_cost_daily'
     and indexname not in (select conname from pg_constraint)`,
  );
  return rows;
}

/**
 * The year straight into the tables on the driver's connection, a day per statement batch. The secondary
 * indexes are dropped first and rebuilt from their own definitions after (a sort instead of 11 M random
 * inserts); SQLite gets a larger page cache and no fsync while loading only, then its defaults back.
 */
export async function load(db: BenchDatabase, data: Dataset): Promise<{ rows: number; indexMs: number }> {
  const indexes = await secondaryIndexes(db);
  for (const index of indexes) await db.knex.raw(`drop index ${index.name}`);
  const client = db.knex.client as { acquireConnection(): Promise<any>; releaseConnection(c: unknown): Promise<void> };
  const conn = await client.acquireConnection();
  let rows = 0;
  const started = performance.now();
  try {
    let insertDay: ((rows: ReturnType<typeof rowsOfDay>) => void) | undefined;
    if (db.kind === 'sqlite') {
      conn.pragma('cache_size = -524288');
      conn.pragma('synchronous = OFF');
      const insert = conn.prepare(`${INSERT_DAILY} values ('${SOURCE}', ?, ?, ?, '${CURRENCY}', ?)`);
      insertDay = conn.transaction((day: ReturnType<typeof rowsOfDay>) => {
        for (let k = 0; k < day.amounts.length; k++) insert.run(day.day, day.tagValues[k], day.cloudServices[k], day.amounts[k]);
      });
    }
    for (const [index, day] of data.days.entries()) {
      const batch = rowsOfDay(day, index, data.today, data.services, data.cloudServices);
      if (insertDay) insertDay(batch);
      else {
        await conn.query(
          `${INSERT_DAILY} select '${SOURCE}', $1, t, c, '${CURRENCY}', a from unnest($2::text[], $3::text[], $4::float8[]) as u(t, c, a)`,
          [day, batch.tagValues, batch.cloudServices, batch.amounts],
        );
      }
      rows += batch.amounts.length;
      if ((index + 1) % 73 === 0) console.log(`  loaded ${index + 1} days, ${n(rows)} rows in ${s(performance.now() - started)}`);
    }
  } finally {
    if (db.kind === 'sqlite') {
      conn.pragma('cache_size = -2000');
      conn.pragma('synchronous = FULL');
    }
    await client.releaseConnection(conn);
  }
  const indexStarted = performance.now();
  for (const index of indexes) await db.knex.raw(index.sql);
  await db.knex('opsfolio_cost_days').insert(data.days.map(day => ({ source: SOURCE, day, estimated: isEstimated(day, data.today) })));
  return { rows, indexMs: performance.now() - indexStarted };
}

/** The monthly roll-up, month by month with the statement CostStore.rollUpMonths runs. */
export async function rollUp(db: BenchDatabase, data: Dataset): Promise<number> {
  const months = [...new Set(data.days.map(monthOf))];
  await db.knex.transaction(async tx => {
    for (const month of months) {
      await tx.raw(
        `insert into opsfolio_cost_monthly (source, month, tag_value, currency, amount)
         select source, substr(day, 1, 7), tag_value, currency, sum(amount) from opsfolio_cost_daily
         where source = ? and day >= ? and day < ?
         group by source, substr(day, 1, 7), tag_value, currency`,
        [SOURCE, `${month}-01`, `${month}-32`],
      );
    }
  });
  return months.length;
}

/** CostStore.replaceDays of the open month with the same figures: the write every later sync makes. */
export async function replaceOpenMonth(db: BenchDatabase, data: Dataset): Promise<string> {
  const from = monthStart(data.today);
  const records = data.days.flatMap((day, index) => {
    if (day < from) return [];
    const rows = rowsOfDay(day, index, data.today, data.services, data.cloudServices);
    return rows.amounts.map((amount, k) => ({
      day, tagValue: rows.tagValues[k], cloudService: rows.cloudServices[k], currency: CURRENCY, amount, estimated: isEstimated(day, data.today),
    }));
  });
  const started = performance.now();
  await new CostStore(db.knex).replaceDays(SOURCE, { from, to: addDays(data.today, 1) }, records);
  return `store.replaceDays [${from}, ${addDays(data.today, 1)}) ${n(records.length)} records: ${s(performance.now() - started)}`;
}

