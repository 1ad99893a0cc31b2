import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { mapWithConcurrency } from '@opsfolio/backstage-plugin-node';
import type { CatalogSnapshotLoader } from '../platform/catalog/catalogSnapshot';
import type { SyncJob } from '../platform/sync/types';
import type { CodeownersStore } from './CodeownersStore';
import { readCodeowners } from './codeowners/readCodeowners';
import type { FileReader } from './codeowners/gitlabFiles';
import { codeownersUrls, repoLocationOf, type ScmProviderOf } from './codeowners/sourceLocation';
import { OWNED_KINDS } from './ownershipIndex';
import { refKey } from '@opsfolio/backstage-plugin-common';

/** CODEOWNERS changes rarely and a re-read is one conditional request per repository. */
const CODEOWNERS_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 20 },
};
const CONCURRENCY = 4;

/**
 * Reads the CODEOWNERS of every owned entity with a source location on one of `hosts` (through Backstage's
 * UrlReader, so integrations' tokens and Enterprise hosts apply), with the last ETag. One entity's failure
 * is recorded against it and never stops the others or wipes what was read before.
 */
export function codeownersSyncJob(deps: {
  snapshot: CatalogSnapshotLoader;
  /** Backstage's UrlReader, GitLab read through its API base URL (`gitlabApiFileReader`). */
  reader: FileReader;
  store: CodeownersStore;
  hosts?: string[];
  /** The app's `integrations`: which hosts are GitLab (self-managed ones under any name). */
  providerOf?: ScmProviderOf;
}): SyncJob {
  return {
    id: 'codeowners',
    pillar: 'ownership',
    vendor: 'scm',
    defaultSchedule: CODEOWNERS_SCHEDULE,
    async run(context) {
      deps.snapshot.invalidate();
      const { entities } = await deps.snapshot.get();
      const targets = entities.flatMap(entity => {
        const location = OWNED_KINDS.includes(refKey(entity.kind)) ? repoLocationOf(entity, deps.providerOf) : undefined;
        if (!location || (deps.hosts && !deps.hosts.includes(new URL(location.repoUrl).host))) return [];
        return [{ entityRef: stringifyEntityRef(entity), location }];
      });
      let failed = 0;
      let done = 0;
      context.progress({ unit: 'repositories', done, total: targets.length });
      await mapWithConcurrency(targets, CONCURRENCY, async ({ entityRef, location }) => {
        const readAt = new Date().toISOString();
        const previous = await deps.store.get(entityRef);
        try {
          const read = await readCodeowners(deps.reader, codeownersUrls(location), {
            previous: previous?.url ? { url: previous.url, etag: previous.etag } : undefined,
            signal: context.signal,
          });
          if (read && 'notModified' in read) await deps.store.save({ ...previous!, path: location.path, readAt, error: undefined });
          else await deps.store.save({ entityRef, url: read?.url, etag: read?.etag, content: read?.text, path: location.path, readAt });
        } catch (error) {
          failed += 1;
          const message = error instanceof Error ? error.message : String(error);
          context.logger.warn(`CODEOWNERS of ${entityRef} could not be read: ${message}`);
          await deps.store.saveError(entityRef, location.path, message, readAt);
        }
        context.progress({ unit: 'repositories', done: ++done, total: targets.length });
      });
      if (targets.length > 0 && failed === targets.length) throw new Error(`No CODEOWNERS could be read (${failed} entities); see the log`);
      return { items: targets.length - failed };
    },
  };
}
