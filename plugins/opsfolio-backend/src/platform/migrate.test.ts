import knexFactory from 'knex';
import { migrate, MIGRATIONS } from './migrate';
import { DatabaseScorecardStore } from '../scorecards/DatabaseScorecardStore';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';

const KEYS = '20261203000000_scorecard_write_keys.js';
/** Nothing migrated yet: a database as a first start finds it. */
const MIGRATIONS_START = '00000000000000_none.js';

describe.each(TEST_DATABASES)('migrations on %s', kind => {
  let db: TestDatabase;
  afterEach(async () => db?.destroy());

  it('upgrades a database holding transitions recorded twice, keeping one of each', async () => {
    db = await createTestDatabase(kind, { before: KEYS });
    const transition = { scorecard_id: 'ready', entity_ref: 'component:default/a', check_id: 'runbook', at: '2026-11-22T10:00:00.000Z', from_state: 'fail', to_state: 'pass', reason: 'r' };
    const change = { scorecard_id: 'ready', entity_ref: 'component:default/a', at: '2026-11-22T10:00:00.000Z', from_level: null, to_level: 'bronze', because: '[]' };
    await db.knex('opsfolio_scorecard_transitions').insert([transition, transition, { ...transition, check_id: 'oncall' }]);
    await db.knex('opsfolio_scorecard_level_changes').insert([change, change]);

    await migrate(db.knex);

    expect((await db.knex('opsfolio_scorecard_transitions').select('check_id').orderBy('check_id')).map(r => r.check_id)).toEqual(['oncall', 'runbook']);
    expect(await db.knex('opsfolio_scorecard_level_changes').count({ n: '*' })).toEqual([{ n: kind === 'postgres' ? '1' : 1 }]);
    // From now on the database itself refuses a second copy.
    await expect(db.knex('opsfolio_scorecard_transitions').insert(transition)).rejects.toThrow(/unique|UNIQUE/);
  });

  it('keeps the snapshots of an older release, their failing checks unknown, and records them from then on', async () => {
    db = await createTestDatabase(kind, { before: '20261207000000_scorecard_daily_checks.js' });
    await db.knex('opsfolio_scorecard_daily').insert({ scorecard_id: 'ready', entity_ref: 'component:default/a', day: '2026-12-01', level: 'silver', passing: 4, total: 5 });
    await migrate(db.knex);
    const store = new DatabaseScorecardStore(db.knex);
    await store.writeDaily('ready', [{ entityRef: 'component:default/a', day: '2026-12-02', level: 'gold', passing: 5, total: 5, failing: [], exempt: ['runbook'] }]);
    expect(await store.dailyChecks('ready', '2026-12-01')).toEqual([
      { entityRef: 'component:default/a', day: '2026-12-01', level: 'silver', passing: 4, total: 5, failing: null, exempt: null },
      { entityRef: 'component:default/a', day: '2026-12-02', level: 'gold', passing: 5, total: 5, failing: [], exempt: ['runbook'] },
    ]);
  });

  it('rolls the unique keys back and forward again', async () => {
    db = await createTestDatabase(kind);
    const change = { scorecard_id: 'ready', entity_ref: 'component:default/a', at: '2026-11-22T10:00:00.000Z', to_level: 'bronze', because: '[]' };
    await db.knex.migrate.down({ ...MIGRATIONS, name: KEYS });
    await db.knex('opsfolio_scorecard_level_changes').insert([change, change]);
    await db.knex('opsfolio_scorecard_level_changes').delete();
    await migrate(db.knex);
    await db.knex('opsfolio_scorecard_level_changes').insert(change);
    await expect(db.knex('opsfolio_scorecard_level_changes').insert(change)).rejects.toThrow(/unique|UNIQUE/);
  });
});

describe('migrations started by two replicas at once', () => {
  let db: TestDatabase;
  afterEach(async () => db?.destroy());

  it('lets the second wait for the first instead of failing on the lock', async () => {
    db = await createTestDatabase('postgres', { before: MIGRATIONS_START });
    const other = knexFactory({ client: 'pg', connection: db.knex.client.config.connection, pool: { min: 0, max: 2 } });
    try {
      await Promise.all([migrate(db.knex), migrate(other), migrate(db.knex)]);
      const [, pending] = (await db.knex.migrate.list(MIGRATIONS)) as [unknown, unknown[]];
      expect(pending).toEqual([]);
    } finally {
      await other.destroy();
    }
  });

  it('gives up with what to do when the lock stays taken', async () => {
    db = await createTestDatabase('postgres');
    await db.knex(`${MIGRATIONS.tableName}_lock`).update({ is_locked: 1 });
    await expect(migrate(db.knex, { lockWaitMs: 1000 })).rejects.toThrow(/opsfolio_knex_migrations_lock \(is_locked = 0\)/);
  });
});
