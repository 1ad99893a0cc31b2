import type { Deployment } from '@opsfolio/backstage-plugin-common';
import { deploysPerWeek } from './weekly';

const d = (at: string, over: Partial<Deployment> = {}): Deployment => ({
  source: 'push',
  externalId: at,
  entityRef: 'component:default/a',
  environment: 'production',
  version: 'v1',
  status: 'success',
  startedAt: at,
  finishedAt: at,
  rollback: false,
  ...over,
});

describe('deploysPerWeek', () => {
  // Saturday 2026-11-21 12:00 UTC: the current week starts Monday 2026-11-16.
  const now = new Date('2026-11-21T12:00:00Z');

  it('buckets production successes, failures and rollbacks, oldest week first', () => {
    const weeks = deploysPerWeek(
      [
        d('2026-11-16T09:00:00Z'), // this week
        d('2026-11-20T09:00:00Z', { status: 'failure' }), // this week
        d('2026-11-20T10:00:00Z', { rollback: true }), // this week, a rollback
        d('2026-11-15T23:30:00-01:00'), // = 2026-11-16T00:30Z: this week, despite the local date
        d('2026-11-10T09:00:00Z'), // last week
        d('2026-11-10T09:00:00Z', { environment: 'staging' }), // not production
        d('2026-11-10T09:00:00Z', { status: 'in_progress', finishedAt: undefined }), // not finished
        d('2026-10-01T09:00:00Z'), // before the three weeks
      ],
      ['production'],
      3,
      now,
    );
    expect(weeks).toEqual([
      { weekStart: '2026-11-02T00:00:00.000Z', success: 0, failure: 0, rollback: 0 },
      { weekStart: '2026-11-09T00:00:00.000Z', success: 1, failure: 0, rollback: 0 },
      { weekStart: '2026-11-16T00:00:00.000Z', success: 2, failure: 1, rollback: 1 },
    ]);
  });
});
