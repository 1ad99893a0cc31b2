import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, entityRefKey, refKey, resolveRefKey } from '@opsfolio/backstage-plugin-common';
import { ownerRefOf } from '../ownership/ownershipIndex';
import type { EntityInfo } from './filter';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** What filters and the overview read about an entity, with refs resolved the way the catalog does. */
export function entityInfoOf(entity: Entity): EntityInfo {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const system = text(spec.system);
  let systemRef: string | undefined;
  if (system) {
    try {
      systemRef = resolveRefKey(system, { defaultKind: 'system', defaultNamespace: entity.metadata.namespace });
    } catch {
      systemRef = refKey(system);
    }
  }
  return {
    entityRef: entityRefKey(entity),
    title: entity.metadata.title,
    kind: refKey(entity.kind),
    type: text(spec.type),
    lifecycle: text(spec.lifecycle),
    tier: text(entity.metadata.annotations?.[ANNOTATIONS.tier]),
    ownerRef: ownerRefOf(entity),
    system: systemRef,
  };
}
