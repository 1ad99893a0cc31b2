import { DAY_MS, type FactDescription } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer, FactProvider } from '@opsfolio/backstage-plugin-node';
import type { DeploymentsService } from '../../deployments/DeploymentsService';
import { oldestOf, type SourceFreshness } from './sourceFreshness';
import { inEnvironments } from '../../deployments/environments';

/** Rollbacks and the last production deploy are looked for over this many days. */
const LOOKBACK_DAYS = 90;

export const DEPLOYMENT_FACTS: FactDescription[] = [
  { id: 'deployments.daysSinceLastDeploy', pillar: 'deployments', title: 'Days since the last production deploy', type: 'number', description: `Days since the last successful production deploy; none when there was none in ${LOOKBACK_DAYS} days.` },
  { id: 'deployments.productionDeploys30d', pillar: 'deployments', title: 'Production deploys in 30 days', type: 'number', description: 'Successful production deploys recorded by a deployment source in the last 30 days.' },
  { id: 'deployments.frequency', pillar: 'deployments', title: 'Deployment frequency', type: 'deploys per day', description: 'DORA deployment frequency over the DORA window.' },
  { id: 'deployments.leadTimeHours', pillar: 'deployments', title: 'Lead time', type: 'hours', description: 'DORA median change lead time over the DORA window.' },
  { id: 'deployments.changeFailureRate', pillar: 'deployments', title: 'Change failure rate', type: 'ratio', description: 'DORA change failure rate over the DORA window.' },
  { id: 'deployments.changeFailureRateBand', pillar: 'deployments', title: 'Change failure rate band', type: 'string', description: 'The DORA band of the change failure rate: elite, high, medium or low.' },
  { id: 'deployments.recoveryHours', pillar: 'deployments', title: 'Recovery time', type: 'hours', description: 'DORA median failed-deployment recovery time over the DORA window.' },
  { id: 'deployments.recoveryTimeBand', pillar: 'deployments', title: 'Recovery time band', type: 'string', description: 'The DORA band of the recovery time.' },
  { id: 'deployments.reworkRate', pillar: 'deployments', title: 'Deployment rework rate', type: 'ratio', description: 'DORA deployment rework rate over the DORA window: the share of finished production deploys made for an incident.' },
  { id: 'deployments.rollbackExercised', pillar: 'deployments', title: 'Rollback exercised', type: 'boolean', description: `A production rollback in the last ${LOOKBACK_DAYS} days.` },
];

/** Deploy facts from the stored history: one read of every entity's deploys, DORA computed per entity. */
export function deploymentFactProvider(deps: {
  deployments: DeploymentsService;
  sources: Array<{ id: string; annotations: string[] }>;
  freshness: (sourceIds: string[]) => Promise<Map<string, SourceFreshness>>;
}): FactProvider {
  return {
    id: 'deployments',
    facts: DEPLOYMENT_FACTS,
    async collect(subjects, { asOf, historical }) {
      const to = asOf;
      const settings = deps.deployments.settings;
      const histories = await deps.deployments.histories(subjects, { asOf, lookbackDays: Math.max(LOOKBACK_DAYS, 2 * settings.windowDays) });
      const live = !historical;
      const freshness = live ? await deps.freshness(deps.sources.map(s => s.id)) : new Map<string, SourceFreshness>();
      const windowFrom = new Date(to.getTime() - settings.windowDays * DAY_MS);
      const result = new Map<string, Record<string, FactAnswer>>();
      for (const { entityRef, entity } of subjects) {
        const annotations = entity.metadata.annotations ?? {};
        const serving = deps.sources.filter(s => s.annotations.some(a => annotations[a]));
        const { deployments: history, productionEnvironments, dora } = histories.get(entityRef)!;
        if (serving.length === 0 && history.length === 0) {
          const why = deps.sources.length
            ? `no deployment source is set up for it (${[...new Set(deps.sources.flatMap(s => s.annotations))].join(' or ')}) and nothing was pushed`
            : 'no deployment source is installed and nothing was pushed';
          result.set(entityRef, Object.fromEntries(DEPLOYMENT_FACTS.map(f => [f.id, { notReported: why }])));
          continue;
        }
        const fresh = live ? oldestOf(freshness, serving.map(s => s.id)) : undefined;
        if (live && serving.length > 0 && !fresh && history.length === 0) {
          result.set(entityRef, Object.fromEntries(DEPLOYMENT_FACTS.map(f => [f.id, { notReported: 'its deployment source has not synced yet' }])));
          continue;
        }
        const at = fresh ? { observedAt: fresh.observedAt, maxAgeMs: fresh.maxAgeMs } : {};
        const production = history.filter(inEnvironments(productionEnvironments));
        // Shipped by `asOf`: a deploy still running then (a past day's evening) has not shipped yet.
        const shippedAt = production
          .filter(d => d.status === 'success')
          .map(d => Date.parse(d.finishedAt ?? d.startedAt))
          .filter(t => t <= to.getTime());
        const last = shippedAt.length ? Math.max(...shippedAt) : undefined;
        // A window of production deploys none of which failed or was rolled back: there was nothing to recover from.
        const inWindow = production.filter(d => Date.parse(d.startedAt) >= windowFrom.getTime() && Date.parse(d.startedAt) < to.getTime());
        const nothingFailed = inWindow.some(d => d.status === 'success') && !inWindow.some(d => d.status === 'failure' || d.rollback);
        const figure = (metric: keyof typeof dora.figures, band = false): FactAnswer => {
          const f = dora.figures[metric];
          if (f.value === null && metric === 'recoveryTime' && nothingFailed) {
            return { notApplicable: `no production deploy failed or was rolled back in ${settings.windowDays} days` };
          }
          if (f.value === null) return { notReported: `not enough data: ${f.explanation}` };
          return { value: band ? (f.band ?? null) : Math.round(f.value * 1000) / 1000, ...at };
        };
        result.set(entityRef, {
          'deployments.daysSinceLastDeploy': { value: last === undefined ? null : Math.floor((to.getTime() - last) / DAY_MS), ...at },
          'deployments.productionDeploys30d': { value: shippedAt.filter(t => t >= to.getTime() - 30 * DAY_MS).length, ...at },
          'deployments.frequency': figure('deploymentFrequency'),
          'deployments.leadTimeHours': figure('leadTime'),
          'deployments.changeFailureRate': figure('changeFailureRate'),
          'deployments.changeFailureRateBand': figure('changeFailureRate', true),
          'deployments.recoveryHours': figure('recoveryTime'),
          'deployments.recoveryTimeBand': figure('recoveryTime', true),
          'deployments.reworkRate': figure('reworkRate'),
          'deployments.rollbackExercised': { value: production.some(d => d.rollback), ...at },
        });
      }
      return result;
    },
  };
}
