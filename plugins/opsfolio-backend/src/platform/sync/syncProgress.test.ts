import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/testDatabases';
import { readSourceSettings } from '../config';
import { DatabaseSyncRunStore } from './DatabaseSyncRunStore';
import { SyncRunner } from './syncRunner';

describe.each(TEST_DATABASES)('sync progress on %s', kind => {
  let db: TestDatabase;
  let runs: DatabaseSyncRunStore;
  const clock = new Date('2026-12-05T10:00:00Z');

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    runs = new DatabaseSyncRunStore(db.knex);
  });
  afterEach(async () => db.destroy());

  const runner = () =>
    new SyncRunner({
      scheduler: mockServices.scheduler.mock(),
      logger: mockServices.logger.mock(),
      runs,
      settings: readSourceSettings(new ConfigReader({})),
      now: () => clock,
      progressIntervalMs: 0,
    });
  const lastRun = async () => (await runs.freshness(['github'])).get('github')?.lastRun;

  it('serves how far a running sync has got, and drops it when the run ends', async () => {
    const r = runner();
    let release!: () => void;
    const gate = new Promise<void>(resolve => (release = resolve));
    await r.register({
      id: 'github',
      pillar: 'deployments',
      vendor: 'github',
      async run({ progress }) {
        progress({ unit: 'repositories', done: 0, total: 40 });
        progress({ unit: 'repositories', done: 12, total: 40 });
        await gate;
        return { items: 3 };
      },
    });
    const running = r.run('github');
    await expect.poll(async () => (await lastRun())?.progress?.done).toBe(12);
    expect(await lastRun()).toMatchObject({
      status: 'running',
      progress: { unit: 'repositories', done: 12, total: 40, at: '2026-12-05T10:00:00.000Z' },
    });
    release();
    await running;
    const finished = await lastRun();
    expect(finished?.status).toBe('succeeded');
    expect(finished?.progress).toBeUndefined();
    expect(await db.knex('opsfolio_sync_runs').pluck('progress')).toEqual([null]);
  });

  it('leaves a finished run alone when a late report arrives, and clears an interrupted run', async () => {
    const id = await runs.start('github', clock);
    await runs.progress(id, { unit: 'repositories', done: 5, total: 9, at: clock.toISOString() });
    await runs.closeInterrupted('github', clock);
    expect(await db.knex('opsfolio_sync_runs').pluck('progress')).toEqual([null]);
    await runs.progress(id, { unit: 'repositories', done: 6, total: 9, at: clock.toISOString() });
    expect(await lastRun()).toMatchObject({ status: 'failed', progress: undefined });
    expect(await db.knex('opsfolio_sync_runs').pluck('progress')).toEqual([null]);
  });
});
