import { HOUR_MS } from '@opsfolio/backstage-plugin-common';
import type { SyncRunner } from '../../platform/sync/syncRunner';
import { DatabaseSyncRunStore } from '../../platform/sync/DatabaseSyncRunStore';
import type { SyncRunStore } from '../../platform/sync/SyncRunStore';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabases';
import {  } from './factTestKit';
import { oldestOf, sourceFreshness, type SourceFreshness } from './sourceFreshness';

/** The runner as freshness reads it: how old each registered source's data may get. */
const runner = (maxAges: Record<string, number>) => ({ maxAgeMs: (id: string) => maxAges[id] }) as unknown as SyncRunner;

describe('sourceFreshness', () => {
  let db: TestDatabase;
  let runs: SyncRunStore;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    runs = new DatabaseSyncRunStore(db.knex);
  });
  afterEach(async () => db.destroy());

  const run = async (sourceId: string, status: 'succeeded' | 'failed', finishedAt: string) =>
    runs.finish(await runs.start(sourceId, new Date(Date.parse(finishedAt) - 60_000)), { status, finishedAt: new Date(finishedAt) });

  it("dates a source's data by its last successful run, not a later failed one", async () => {
    await run('github', 'succeeded', '2026-11-22T08:00:00Z');
    await run('github', 'succeeded', '2026-11-22T10:00:00Z');
    await run('github', 'failed', '2026-11-22T11:00:00Z');
    const fresh = await sourceFreshness({ runs, runner: runner({ github: 6 * HOUR_MS }) }, ['github']);
    expect(fresh.get('github')).toEqual({ observedAt: '2026-11-22T10:00:00.000Z', maxAgeMs: 6 * HOUR_MS });
  });

  it('gives a source that never succeeded no observedAt, but still its maximum age', async () => {
    await run('pagerduty', 'failed', '2026-11-22T11:00:00Z');
    const fresh = await sourceFreshness({ runs, runner: runner({ pagerduty: 2 * HOUR_MS, aws: 24 * HOUR_MS }) }, ['pagerduty', 'aws']);
    expect(fresh.get('pagerduty')).toEqual({ observedAt: undefined, maxAgeMs: 2 * HOUR_MS });
    expect(fresh.get('aws')).toEqual({ observedAt: undefined, maxAgeMs: 24 * HOUR_MS });
  });
});

describe('oldestOf', () => {
  const all = new Map<string, SourceFreshness>([
    ['github', { observedAt: '2026-11-22T10:00:00Z', maxAgeMs: 6 * HOUR_MS }],
    ['gitlab', { observedAt: '2026-11-22T07:00:00+02:00', maxAgeMs: HOUR_MS }],
    ['never', { maxAgeMs: HOUR_MS }],
  ]);

  it('takes the oldest data among the sources serving an entity, comparing instants', async () => {
    // 07:00+02:00 is 05:00Z, older than github's 10:00Z.
    expect(oldestOf(all, ['github', 'gitlab'])).toEqual({ observedAt: '2026-11-22T07:00:00+02:00', maxAgeMs: HOUR_MS });
  });

  it('has no freshness when one serving source never synced or is unknown', async () => {
    expect(oldestOf(all, ['github', 'never'])).toBeUndefined();
    expect(oldestOf(all, ['github', 'opsgenie'])).toBeUndefined();
  });
});
