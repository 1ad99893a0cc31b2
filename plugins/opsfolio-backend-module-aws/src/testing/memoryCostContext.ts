import type { CostRecord, CostSyncContext, SourceEntity } from '@opsfolio/backstage-plugin-node';
import { addDays } from '@opsfolio/backstage-plugin-common';

/** Test helper: a CostSyncContext over memory, storing as the backend's cost store does. */
export interface MemoryCostContext extends CostSyncContext {
  /** every stored record, merged by (day, tag key, tag value, service, currency) */
  records(): CostRecord[];
  /** the days stored, each with whether it is still estimated */
  days: Map<string, boolean>;
  replaceCalls: { from: string; to: string }[];
  logs: string[];
  /** every progress report, in order */
  progressReports: Array<{ unit: string; done: number; total?: number }>;
}

export function memoryCostContext(
  options: { tagKey?: string; allocation?: 'tag' | 'costCategory'; entityTagKeys?: string[]; entities?: SourceEntity[] } = {},
): MemoryCostContext {
  const rows = new Map<string, CostRecord>();
  const days = new Map<string, boolean>();
  const state = new Map<string, string>();
  const replaceCalls: { from: string; to: string }[] = [];
  const logs: string[] = [];
  const progressReports: MemoryCostContext['progressReports'] = [];
  const log = (message: string) => void logs.push(message);
  const logger = { info: log, warn: log, error: log, debug: log, child: () => logger };
  return {
    signal: new AbortController().signal,
    logger,
    entities: options.entities ?? [],
    state: { get: async key => state.get(key), set: async (key, value) => void state.set(key, value) },
    tagKey: options.tagKey ?? 'service',
    allocation: options.allocation ?? 'tag',
    entityTagKeys: async () => options.entityTagKeys ?? [],
    days,
    replaceCalls,
    logs,
    progressReports,
    progress: report => void progressReports.push(report),
    records: () => [...rows.values()],
    async replaceDays(range, records) {
      for (const r of records) {
        if (!(r.day >= range.from && r.day < range.to)) throw new Error(`${r.day} is outside [${range.from}, ${range.to})`);
        if (!Number.isFinite(r.amount)) throw new Error(`not a number: ${r.amount}`);
      }
      replaceCalls.push(range);
      for (const [key, row] of rows) if (row.day >= range.from && row.day < range.to) rows.delete(key);
      for (let day = range.from; day < range.to; day = addDays(day, 1)) days.set(day, false);
      for (const r of records) {
        const key = JSON.stringify([r.day, r.tagKey ?? '', r.tagValue, r.cloudService, r.currency]);
        const row = rows.get(key);
        if (row) row.amount += r.amount;
        else rows.set(key, { ...r });
        if (r.estimated && !r.tagKey) days.set(r.day, true);
      }
    },
    async storedDays() {
      const sorted = [...days.keys()].sort();
      return { first: sorted[0], last: sorted.at(-1), firstEstimated: sorted.find(d => days.get(d)) };
    },
  };
}
