import type { Entity } from '@backstage/catalog-model';
import { describePillars } from '@opsfolio/backstage-plugin-common';

/** True when the entity has a deploy source annotation. @public */
export const isDeploymentsAvailable = (entity: Entity) => describePillars(entity).deployments.configured;
/** True when the entity has a PagerDuty or Opsgenie annotation. @public */
export const isOnCallAvailable = (entity: Entity) => describePillars(entity).oncall.configured;
/** True when the entity has a cost allocation tag. @public */
export const isCostAvailable = (entity: Entity) => describePillars(entity).cost.configured;
/** True for entities Opsfolio scores (components). @public */
export const isReadinessAvailable = (entity: Entity) => describePillars(entity).scorecards.configured;
