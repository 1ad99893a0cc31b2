import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { type OnCallNow, refKey } from '@opsfolio/backstage-plugin-common';
import type { OnCallSource, SourceEntity } from '@opsfolio/backstage-plugin-node';
import type { OnCallStore } from './OnCallStore';

/** A page waits this long for a vendor before serving the last stored read. */
export const LIVE_READ_TIMEOUT_MS = 10_000;

/**
 * After a failed read, the vendor is left alone this long (on every replica: the cache is shared): during an
 * outage each page view serves the last read at once instead of retrying every service's read again.
 */
const FAILED_READ_TTL_MS = 30_000;

export interface OnCallAnswer {
  source: string;
  onCall?: OnCallNow;
  /** True when the vendor could not be read and `onCall` is the last stored read. */
  stale: boolean;
  error?: string;
}

/**
 * "On call now" is the one figure read live: through a short cache, stored after each read, and when the
 * vendor fails, the last stored read is served with the error and its age (its `readAt`).
 */
export async function readOnCallLive(deps: {
  source: OnCallSource;
  entity: SourceEntity;
  cache: CacheService;
  store: OnCallStore;
  logger: LoggerService;
  ttlMs: number;
  timeoutMs: number;
}): Promise<OnCallAnswer> {
  const { source, entity } = deps;
  const key = `oncall:${source.id}:${refKey(entity.entityRef)}`;
  const failedKey = `${key}:failed`;
  const cached = (await deps.cache.get(key)) as OnCallNow | undefined;
  if (cached) return { source: source.id, onCall: cached, stale: false };
  const failed = (await deps.cache.get(failedKey)) as string | undefined;
  if (failed) return { source: source.id, onCall: await deps.store.snapshot(entity.entityRef, source.id), stale: true, error: failed };
  try {
    const read = await source.readOnCall(entity, AbortSignal.timeout(deps.timeoutMs));
    if (!read) return { source: source.id, stale: false };
    const onCall: OnCallNow = { ...read, source: source.id };
    await deps.store.saveSnapshot(entity.entityRef, source.id, read);
    await deps.cache.set(key, onCall as any, { ttl: deps.ttlMs });
    return { source: source.id, onCall, stale: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.warn(`On-call read of ${entity.entityRef} from ${source.id} failed; serving the last snapshot: ${message}`);
    await deps.cache.set(failedKey, message, { ttl: FAILED_READ_TTL_MS });
    const last = await deps.store.snapshot(entity.entityRef, source.id);
    return { source: source.id, onCall: last, stale: true, error: message };
  }
}

/** Every source that maps this entity, read live (cached) side by side. */
export function readEntityOnCallLive(
  deps: Omit<Parameters<typeof readOnCallLive>[0], 'source' | 'entity'> & { sources: OnCallSource[] },
  entity: SourceEntity,
): Promise<OnCallAnswer[]> {
  const sources = deps.sources.filter(s => s.annotations.some(a => entity.annotations[a]?.trim()));
  return Promise.all(sources.map(source => readOnCallLive({ ...deps, source, entity })));
}
