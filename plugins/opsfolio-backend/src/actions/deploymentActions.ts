import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { DEPLOYMENT_STATUSES, DORA_METRICS, type Deployment } from '@opsfolio/backstage-plugin-common';
import type { DeploymentsService } from '../deployments/DeploymentsService';
import { ENTITY_ERRORS, entityRefInput, READ_ONLY, readEntity, type Zod } from './shared';

export const DEPLOYMENTS_ACTION = 'get-entity-deployments';

const deployOutput = (z: Zod) =>
  z.object({
    environment: z.string(),
    version: z.string().describe('The version shipped: a tag or release name, else the commit sha.'),
    status: z.enum(DEPLOYMENT_STATUSES),
    startedAt: z.string().describe('ISO instant.'),
    finishedAt: z.string().optional().describe('ISO instant it reached a final status; absent while running.'),
    rollback: z.boolean().describe('It shipped a version an earlier deploy to the same environment had shipped.'),
    actor: z.string().optional().describe('Who deployed.'),
    url: z.string().optional(),
    source: z.string().describe('Where the deploy came from, e.g. `github`, `gitlab` or `push:<ci>`.'),
  });

export const deploymentsOutput = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    productionEnvironments: z.array(z.string()).describe('The environments that count as production for DORA.'),
    environments: z
      .array(
        z.object({
          environment: z.string(),
          running: deployOutput(z).optional().describe('What runs there now: the newest successful deploy.'),
          latest: deployOutput(z).describe('The newest deploy, whatever its status.'),
        })
      )
      .describe('Every environment the entity was deployed to.'),
    lastDeployment: deployOutput(z).optional().describe('The newest deploy to any environment.'),
    recent: z.object({
      total: z.number().describe('Every recorded deploy (of `environment` when given), over all time.'),
      items: z.array(deployOutput(z)).describe('The newest deploys, newest first, at most `limit`.'),
    }),
    dora: z.object({
      window: z.object({
        from: z.string().describe('ISO instant, inclusive.'),
        to: z.string().describe('ISO instant, exclusive.'),
        days: z.number(),
      }),
      environments: z.array(z.string()).describe('The environments counted.'),
      thresholdsSource: z.string().describe('Where the bands come from, e.g. `DORA 2024`.'),
      figures: z.array(
        z.object({
          metric: z.enum(DORA_METRICS),
          value: z.number().nullable().describe('null when there is not enough data to state a figure.'),
          unit: z
            .enum(['deploysPerDay', 'hours', 'ratio'])
            .describe('deploysPerDay: successful deploys per day; hours; ratio: 0 to 1 (0.25 = 25%).'),
          band: z
            .enum(['elite', 'high', 'medium', 'low'])
            .optional()
            .describe('The DORA performance band, best first; absent without a value or without published bands.'),
          sampleSize: z.number().describe('Deploys (commits, for lead time) the figure stands on.'),
          explanation: z.string().describe('How the figure was computed, in one sentence.'),
        })
      ),
    }),
  });

const deploy = (d: Deployment) => ({
  environment: d.environment,
  version: d.version,
  status: d.status,
  startedAt: d.startedAt,
  finishedAt: d.finishedAt,
  rollback: d.rollback,
  actor: d.actor,
  url: d.url,
  source: d.source,
});

/** An entity's deploys, what runs where and its DORA figures: the deployments card's and tab's answer. */
export function registerDeploymentsAction(
  registry: ActionsRegistryService,
  deps: { catalog: CatalogService; deployments: DeploymentsService }
): void {
  registry.register({
    name: DEPLOYMENTS_ACTION,
    title: "An entity's deploys and DORA figures",
    description: [
      'Answers how a Backstage catalog entity ships: what version runs in each environment now, its most recent',
      'deploys (newest first, with the total count), and the five DORA figures over a window (default 30 days) of its',
      'production environments: deployment frequency (successful deploys per day), change lead time (hours from',
      'commit to production), change failure rate (ratio 0 to 1 of deploys that failed, were rolled back or were',
      'followed by an incident), failed deployment recovery time (hours) and deployment rework rate (ratio). Each',
      'figure has its DORA band (elite, high, medium, low), its sample size, and is null when there is too little',
      `data. Deploys come from GitHub, GitLab and CI pushes. ${ENTITY_ERRORS}`,
    ].join(' '),
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          windowDays: z
            .number()
            .int()
            .min(1)
            .max(365)
            .optional()
            .describe('The DORA window in days, ending now; default the configured window (30 days).'),
          environment: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe(
              'One environment (e.g. `staging`) for the DORA figures and the recent deploys, instead of production.'
            ),
          limit: z.number().int().min(1).max(50).default(10).describe('How many recent deploys to list (default 10).'),
        }),
      output: deploymentsOutput,
    },
    action: async ({ input, credentials }) => {
      const entity = await readEntity(deps.catalog, input.entityRef, credentials);
      const entityRef = stringifyEntityRef(entity);
      const [current, recent, dora] = await Promise.all([
        deps.deployments.current(entity),
        deps.deployments.list(entityRef, { environment: input.environment, limit: input.limit, offset: 0 }),
        deps.deployments.dora(entity, { windowDays: input.windowDays, environment: input.environment }),
      ]);
      return {
        output: {
          entityRef,
          productionEnvironments: current.productionEnvironments,
          environments: current.environments.map(e => ({
            environment: e.environment,
            running: e.running && deploy(e.running),
            latest: deploy(e.latest),
          })),
          lastDeployment: current.lastDeployment && deploy(current.lastDeployment),
          recent: { total: recent.total, items: recent.items.map(deploy) },
          dora: {
            window: dora.window,
            environments: dora.environments,
            thresholdsSource: dora.thresholdsSource,
            figures: DORA_METRICS.map(metric => {
              const f = dora.figures[metric];
              return {
                metric,
                value: f.value,
                unit: f.unit,
                band: f.band,
                sampleSize: f.sampleSize,
                explanation: f.explanation,
              };
            }),
          },
        },
      };
    },
  });
}
