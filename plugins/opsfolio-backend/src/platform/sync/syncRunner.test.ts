import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/testDatabases';
import { readSourceSettings } from '../config';
import { SyncRunner } from './syncRunner';
import { DatabaseSyncRunStore } from './DatabaseSyncRunStore';
import type { SyncRunStore } from './SyncRunStore';
import type { SyncJob } from './types';
import { DAY_MS } from '@opsfolio/backstage-plugin-common';
import { SourceSyncError } from '@opsfolio/backstage-plugin-node';

const job = (id: string, run: SyncJob['run']): SyncJob => ({ id, pillar: 'deployments', vendor: 'test', run });

describe.each(TEST_DATABASES)('SyncRunner on %s', kind => {
  let db: TestDatabase;
  let clock: Date;
  let runs: SyncRunStore;
  let scheduler: ReturnType<typeof mockServices.scheduler.mock>;

  const runner = (config: object = {}) =>
    new SyncRunner({
      scheduler,
      logger: mockServices.logger.mock(),
      runs,
      settings: readSourceSettings(new ConfigReader(config)),
      now: () => clock,
    });

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    runs = new DatabaseSyncRunStore(db.knex);
    scheduler = mockServices.scheduler.mock();
    clock = new Date('2026-11-21T10:00:00Z');
  });
  afterEach(async () => db.destroy());

  it('schedules each source globally with the configured schedule', async () => {
    const r = runner({ opsfolio: { sources: { github: { schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } } } } } });
    await r.register(job('github', async () => ({ items: 0 })));
    await r.register(job('gitlab', async () => ({ items: 0 })));
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'opsfolio-sync:github', scope: 'global', frequency: { minutes: 5 }, timeout: { minutes: 2 } }),
    );
    // gitlab has no own schedule, so it gets the built-in default of 15 minutes.
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'opsfolio-sync:gitlab', scope: 'global', frequency: { minutes: 15 } }),
    );
  });

  it('does not schedule a disabled source, and refuses a duplicate id', async () => {
    const r = runner({ opsfolio: { sources: { github: { enabled: false } } } });
    await r.register(job('github', async () => ({ items: 0 })));
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    await expect(r.register(job('github', async () => ({ items: 0 })))).rejects.toThrow(/registered twice/);
  });

  it('records a successful run with its items and timing', async () => {
    const r = runner();
    await r.register(
      job('github', async () => {
        clock = new Date('2026-11-21T10:00:07Z');
        return { items: 42 };
      }),
    );
    const run = await r.run('github');
    expect(run).toEqual({
      sourceId: 'github',
      status: 'succeeded',
      startedAt: '2026-11-21T10:00:00.000Z',
      finishedAt: '2026-11-21T10:00:07.000Z',
      items: 42,
    });
    const fresh = (await runs.freshness(['github'])).get('github');
    expect(fresh?.lastSuccessAt).toBe('2026-11-21T10:00:07.000Z');
    expect(fresh?.lastRun?.items).toBe(42);
  });

  it('records a failure without throwing, keeps the last success, and does not stop other sources', async () => {
    const r = runner();
    let fail = false;
    await r.register(
      job('pagerduty', async () => {
        if (fail) throw new Error('pagerduty GET /oncalls failed after 4 attempts: 503 Service Unavailable');
        return { items: 3 };
      }),
    );
    const ran: string[] = [];
    await r.register(job('opsgenie', async () => (ran.push('opsgenie'), { items: 1 })));

    await r.run('pagerduty');
    clock = new Date('2026-11-21T10:15:00Z');
    fail = true;
    const failed = await r.run('pagerduty');
    await r.run('opsgenie');

    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/503 Service Unavailable/);
    expect(ran).toEqual(['opsgenie']);
    const fresh = await runs.freshness(['pagerduty', 'opsgenie']);
    expect(fresh.get('pagerduty')?.lastRun?.status).toBe('failed');
    expect(fresh.get('pagerduty')?.lastSuccessAt).toBe('2026-11-21T10:00:00.000Z');
    expect(fresh.get('opsgenie')?.lastRun?.status).toBe('succeeded');
  });

  it('closes a run left running by a stopped backend when the next run starts', async () => {
    const r = runner();
    await r.register(job('github', async () => ({ items: 1 })));
    await runs.start('github', new Date('2026-11-21T09:00:00Z')); // its process died
    await r.run('github');
    const [latest, interrupted] = await runs.history('github', 5);
    expect(latest.status).toBe('succeeded');
    expect(interrupted).toMatchObject({ status: 'failed', finishedAt: '2026-11-21T10:00:00.000Z' });
    expect(interrupted.error).toMatch(/^Interrupted/);
  });

  it('hands the last success to the next run, for incremental syncs', async () => {
    const r = runner();
    const seen: Array<string | undefined> = [];
    await r.register(job('github', async ctx => (seen.push(ctx.lastSuccessAt), { items: 0 })));
    await r.run('github');
    clock = new Date('2026-11-21T11:00:00Z');
    await r.run('github');
    expect(seen).toEqual([undefined, '2026-11-21T10:00:00.000Z']);
  });

  it('records what a run read and left out, also when the source refused the read', async () => {
    const r = runner();
    const problems = Array.from({ length: 25 }, (_, i) => ({ file: 'nov.csv', line: i + 2, message: 'EffectiveCost is NULL' }));
    let refuse = false;
    await r.register(
      job('focus', async () => {
        if (refuse) throw new SourceSyncError('FOCUS export nov.csv: 25 of 30 rows are malformed', { read: 30, leftOut: 25, problems });
        return { items: 7, details: { read: 1000, leftOut: 3, problems: problems.slice(0, 3), days: [{ from: '2026-11-01', to: '2026-11-21' }] } };
      }),
    );
    await r.run('focus');
    expect((await runs.freshness(['focus'])).get('focus')?.lastRun?.details).toEqual({
      read: 1000,
      leftOut: 3,
      problems: problems.slice(0, 3),
      days: [{ from: '2026-11-01', to: '2026-11-21' }],
    });
    refuse = true;
    clock = new Date('2026-11-21T11:00:00Z');
    await r.run('focus');
    const last = (await runs.freshness(['focus'])).get('focus')?.lastRun;
    expect(last).toMatchObject({ status: 'failed', error: 'FOCUS export nov.csv: 25 of 30 rows are malformed' });
    expect(last?.details).toEqual({ read: 30, leftOut: 25, problems: problems.slice(0, 20) }); // the first 20 are kept
  });

  it('prunes runs older than 30 days but keeps the last success', async () => {
    const r = runner();
    let fail = false;
    await r.register(job('aws', async () => { if (fail) throw new Error('down'); return { items: 1 }; }));
    await r.run('aws'); // the only success, on day 0
    fail = true;
    for (const day of [1, 2, 40]) {
      clock = new Date(Date.parse('2026-11-21T10:00:00Z') + day * DAY_MS);
      await r.run('aws');
    }
    const history = await runs.history('aws', 10);
    expect(history.map(h => h.startedAt)).toEqual([
      '2026-12-31T10:00:00.000Z',
      '2026-11-21T10:00:00.000Z',
    ]);
    expect((await runs.freshness(['aws'])).get('aws')?.lastSuccessAt).toBe('2026-11-21T10:00:00.000Z');
  });
});
