import { ANNOTATIONS } from './annotations';
import { isKind } from './refs';

/** The five Opsfolio pillars. @public */
export const PILLARS = ['ownership', 'deployments', 'oncall', 'cost', 'scorecards'] as const;

/** One of the five pillars. @public */
export type PillarId = (typeof PILLARS)[number];

/** The minimal entity shape the pillar logic reads; a catalog `Entity` satisfies it. @public */
export interface EntityLike {
  /** The entity's kind, e.g. `Component`. */
  kind: string;
  /** The entity's name, namespace, annotations and links. */
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
    links?: Array<{ url: string; type?: string; title?: string }>;
  };
  /** The entity's spec; `spec.owner` is read. */
  spec?: Record<string, unknown> | unknown;
}

/** How a pillar is set up on one entity, according to its annotations. @public */
export interface PillarSetup {
  /** The pillar described. */
  pillar: PillarId;
  /** True when the entity has what the pillar needs. */
  configured: boolean;
  /** The annotations (or fields) found that configure it, with their values. */
  found: Record<string, string>;
  /** What to add when it is not configured: any one of these, e.g. `github.com/project-slug`. */
  fix: string[];
}

const pick = (entity: EntityLike, names: string[]) => {
  const found: Record<string, string> = {};
  for (const name of names) {
    const value = entity.metadata.annotations?.[name]?.trim();
    if (value) found[name] = value;
  }
  return found;
};

const setup = (pillar: PillarId, found: Record<string, string>, fix: string[]): PillarSetup => ({
  pillar,
  configured: Object.keys(found).length > 0,
  found,
  fix,
});

/** Reads which pillars an entity is set up for. Pure, so the frontend and backend agree. @public */
export function describePillars(entity: EntityLike): Record<PillarId, PillarSetup> {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const owner: Record<string, string> =
    typeof spec.owner === 'string' && spec.owner.trim() ? { 'spec.owner': spec.owner } : {};
  const tier = pick(entity, [ANNOTATIONS.tier]);
  return {
    ownership: setup('ownership', owner, ['spec.owner']),
    deployments: setup(
      'deployments',
      pick(entity, [ANNOTATIONS.githubProjectSlug, ANNOTATIONS.gitlabProjectSlug, ANNOTATIONS.gitlabProjectId]),
      [ANNOTATIONS.githubProjectSlug, ANNOTATIONS.gitlabProjectSlug],
    ),
    oncall: setup(
      'oncall',
      pick(entity, [
        ANNOTATIONS.pagerdutyServiceId,
        ANNOTATIONS.pagerdutyIntegrationKey,
        ANNOTATIONS.opsgenieTeam,
        ANNOTATIONS.opsgenieComponentSelector,
      ]),
      [ANNOTATIONS.pagerdutyServiceId, ANNOTATIONS.opsgenieTeam],
    ),
    cost: setup('cost', pick(entity, [ANNOTATIONS.costTag]), [ANNOTATIONS.costTag]),
    // Every component can be scored; the tier only decides which level it must reach.
    scorecards: {
      pillar: 'scorecards',
      configured: isKind(entity.kind, 'component'),
      found: tier,
      fix: [ANNOTATIONS.tier],
    },
  };
}
