/**
 * Test helpers for the built-in fact providers' tests: catalog entities as subjects, a freshness
 * function as `sourceFreshness` would answer it, and a clock pinned to the instant evaluated.
 */
import { type EntityLike, HOUR_MS, refKey } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer, FactSubject } from '@opsfolio/backstage-plugin-node';
import type { SourceFreshness } from './sourceFreshness';

/** The instant every provider test evaluates: a Sunday noon. */
export const NOW = new Date('2026-11-22T12:00:00Z');

/** A component as the catalog returns it, its ref lower-cased as the evaluator hands it to providers. */
export function component(
  name: string,
  over: { annotations?: Record<string, string>; links?: Array<{ url: string; type?: string }>; description?: string; spec?: Record<string, unknown> } = {},
): FactSubject {
  const entity: EntityLike & { apiVersion: string; metadata: { description?: string } } = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(over.description === undefined ? {} : { description: over.description }),
      ...(over.annotations ? { annotations: over.annotations } : {}),
      ...(over.links ? { links: over.links } : {}),
    },
    spec: { type: 'service', owner: 'group:default/payments', lifecycle: 'production', ...over.spec },
  };
  return { entityRef: refKey(`component:default/${name}`), entity };
}

/** A freshness function answering for the sources given; a source left out has never synced. */
export function freshnessOf(known: Record<string, SourceFreshness>) {
  const calls: string[][] = [];
  const freshness = async (ids: string[]) => {
    calls.push(ids);
    return new Map(ids.map(id => [id, known[id] ?? { maxAgeMs: 6 * HOUR_MS }]));
  };
  return Object.assign(freshness, { calls });
}

/** Pins `Date.now()` (only: timers and the database keep running) so "live" and "a past day" are the test's to choose. */
export function pinClock(at: Date = NOW) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}

export function unpinClock() {
  vi.useRealTimers();
}

/** Every fact of one entity reduced to its value, `notReported: <why>` or `notApplicable: <why>`: what a scorecard would read. */
export function readable(answers: Record<string, FactAnswer> | undefined): Record<string, unknown> {
  const read = (a: FactAnswer) =>
    'notReported' in a ? `notReported: ${a.notReported}` : 'notApplicable' in a ? `notApplicable: ${a.notApplicable}` : a.value;
  return Object.fromEntries(Object.entries(answers ?? {}).map(([id, a]) => [id, read(a)]));
}
