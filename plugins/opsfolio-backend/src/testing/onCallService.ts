import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { OnCallSource } from '@opsfolio/backstage-plugin-node';
import { DefaultOnCallService } from '../oncall/DefaultOnCallService';
import type { OnCallStore } from '../oncall/OnCallStore';

/**
 * The on-call service over a store, for tests of what reads stored reads and incidents (facts, DORA):
 * sources need only their id and annotations there, as no vendor is called.
 */
export function onCallServiceOf(store: OnCallStore, sources: Array<{ id: string; annotations: string[] }> = []) {
  return new DefaultOnCallService({
    store,
    sources: sources as OnCallSource[],
    catalog: catalogServiceMock(),
    auth: mockServices.auth(),
    cache: mockServices.cache.mock(),
    logger: mockServices.logger.mock(),
    cacheTtlMs: 0,
  });
}
