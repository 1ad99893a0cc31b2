import { ANNOTATIONS, type FactDescription } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer, FactProvider } from '@opsfolio/backstage-plugin-node';

const TECHDOCS = 'backstage.io/techdocs-ref';

/** Link types (in `metadata.links`) the readiness pillar looks for. */
export const LINK_TYPES = { runbook: 'runbook', dashboard: 'dashboard' } as const;

export const CATALOG_FACTS: FactDescription[] = [
  { id: 'catalog.description', pillar: 'catalog', title: 'Description', type: 'string', description: 'metadata.description, or none.' },
  { id: 'catalog.system', pillar: 'catalog', title: 'System', type: 'string', description: 'spec.system, or none.' },
  { id: 'catalog.lifecycle', pillar: 'catalog', title: 'Lifecycle', type: 'string', description: 'spec.lifecycle, or none.' },
  { id: 'catalog.tier', pillar: 'catalog', title: 'Tier', type: 'string', description: `The ${ANNOTATIONS.tier} annotation, or none.` },
  { id: 'catalog.runbook', pillar: 'catalog', title: 'Runbook link', type: 'boolean', description: 'A metadata.links entry of type runbook.' },
  { id: 'catalog.dashboard', pillar: 'catalog', title: 'Dashboard link', type: 'boolean', description: 'A metadata.links entry of type dashboard.' },
  { id: 'catalog.techdocs', pillar: 'catalog', title: 'TechDocs', type: 'boolean', description: `The ${TECHDOCS} annotation.` },
];

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** What the catalog says about each entity, read as the evaluation runs: always reported, never stale. */
export const catalogFactProvider: FactProvider = {
  id: 'catalog',
  facts: CATALOG_FACTS,
  async collect(subjects) {
    const result = new Map<string, Record<string, FactAnswer>>();
    for (const { entityRef, entity } of subjects) {
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      const links = entity.metadata.links ?? [];
      const hasLink = (type: string) => links.some(l => l.type?.toLocaleLowerCase('en-US') === type && Boolean(l.url));
      const annotations = entity.metadata.annotations ?? {};
      result.set(entityRef, {
        'catalog.description': { value: text((entity.metadata as { description?: unknown }).description) },
        'catalog.system': { value: text(spec.system) },
        'catalog.lifecycle': { value: text(spec.lifecycle) },
        'catalog.tier': { value: text(annotations[ANNOTATIONS.tier]) },
        'catalog.runbook': { value: hasLink(LINK_TYPES.runbook) },
        'catalog.dashboard': { value: hasLink(LINK_TYPES.dashboard) },
        'catalog.techdocs': { value: Boolean(text(annotations[TECHDOCS])) },
      });
    }
    return result;
  },
};
