import { migrate, MIGRATIONS } from './migrate';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';

const KEYS = '20261203000000_scorecard_write_keys.js';

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
