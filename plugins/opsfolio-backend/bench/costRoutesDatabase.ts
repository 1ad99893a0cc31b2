/**
 * The databases of the cost routes benchmark (costRoutes.bench.ts): a throwaway SQLite file or PostgreSQL
 * database, and the bulk load of a year of daily cost into the plugin's tables.
 */
import { DatabaseCostStore } from '../src/cost/DatabaseCostStore';
import { createBenchDatabase, type BenchDatabase } from './benchDatabase';
import { CURRENCY, isEstimated, rowsOfDay, SOURCE } from './costRoutesWorld';
import { addDays, monthOf, monthStart } from '@opsfolio/backstage-plugin-common';

const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What is loaded: `days` up to and including `today`, for `services` x `cloudServices`. */
export interface Dataset {
  today: string;
  days: string[];
  services: number;
  cloudServices: number;
}

export type { BenchDatabase };

export const createDatabase = (kind: 'sqlite' | 'postgres') => createBenchDatabase(kind, { prefix: 'opsfolio-bench-cost', table: 'opsfolio_cost_daily' });

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

/** The monthly roll-up, month by month with the statement DatabaseCostStore.rollUpMonths runs. */
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

/** DatabaseCostStore.replaceDays of the open month with the same figures: the write every later sync makes. */
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
  await new DatabaseCostStore(db.knex).replaceDays(SOURCE, { from, to: addDays(data.today, 1) }, records);
  return `store.replaceDays [${from}, ${addDays(data.today, 1)}) ${n(records.length)} records: ${s(performance.now() - started)}`;
}

