import type { Entity } from '@backstage/catalog-model';
import { refKey } from '@opsfolio/backstage-plugin-common';

/** The keys of the entities an entity points at through one relation type (`ownedBy`, `parentOf`, …). */
export const relationTargets = (entity: Entity, type: string): string[] =>
  (entity.relations ?? []).filter(r => r.type === type).map(r => refKey(r.targetRef));
