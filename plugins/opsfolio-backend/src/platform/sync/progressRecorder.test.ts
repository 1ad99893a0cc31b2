import { mockServices } from '@backstage/backend-test-utils';
import type { SyncProgress } from '@opsfolio/backstage-plugin-common';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProgressRecorder } from './progressRecorder';

const AT = new Date('2026-12-05T10:00:00Z');

function recorder(intervalMs: number, write?: (p: SyncProgress) => Promise<void>) {
  const written: SyncProgress[] = [];
  const r = new ProgressRecorder(write ?? (async p => void written.push(p)), {
    intervalMs,
    logger: mockServices.logger.mock(),
    now: () => AT,
  });
  return { r, written };
}

describe('ProgressRecorder', () => {
  it('writes the first report at once and then at most one per interval, the latest', async () => {
    const { r, written } = recorder(300);
    for (let done = 0; done < 100; done++) r.report({ unit: 'repositories', done, total: 100 });
    // The first is written as it is reported; the other 99 wait for the interval, and only the last is written.
    expect(written).toEqual([{ unit: 'repositories', done: 0, total: 100, at: AT.toISOString() }]);
    await expect.poll(() => written.map(p => p.done), { timeout: 5000, interval: 50 }).toEqual([0, 99]);
    await sleep(400);
    expect(written.map(p => p.done)).toEqual([0, 99]);
    await r.close();
  });

  it('keeps no write in flight after close, and writes nothing after it', async () => {
    let release!: () => void;
    const written: number[] = [];
    const { r } = recorder(0, async p => {
      await new Promise<void>(resolve => (release = resolve));
      written.push(p.done);
    });
    r.report({ unit: 'projects', done: 1, total: 3 });
    const closing = r.close();
    r.report({ unit: 'projects', done: 2, total: 3 });
    release();
    await closing;
    await sleep(20);
    expect(written).toEqual([1]);
  });

  it('ignores malformed reports and a failing write without throwing', async () => {
    const { r, written } = recorder(0);
    r.report({ unit: '', done: 1 });
    r.report({ unit: 'files', done: -1 });
    r.report({ unit: 'files', done: Number.NaN });
    r.report(undefined as never);
    await sleep(10);
    expect(written).toEqual([]);
    r.report({ unit: ' files ', done: 4.7, total: 2, phase: '  ' });
    await sleep(10);
    // Whole items; a total below what is done is the source's miscount, so it grows to what is done.
    expect(written).toEqual([{ unit: 'files', done: 4, total: 4, at: AT.toISOString() }]);
    const failing = recorder(0, async () => {
      throw new Error('database gone');
    });
    failing.r.report({ unit: 'files', done: 1 });
    await expect(failing.r.close()).resolves.toBeUndefined();
  });
});
