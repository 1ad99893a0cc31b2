import type { SimulatorContext } from '../../context';
import { DAY_MS, utcDayIndex } from '../../time';
import { deployHistory } from '../deployHistory';

/**
 * The day a component's spend steps up (`cost.jumpAfterDeploy`): the UTC day its most recent successful
 * production deploy at least `minDaysAgo` days old finished, from the same deploy model the GitHub and
 * GitLab routes serve, so the step lines up with a deploy the catalog shows. Rollbacks don't count.
 * Undefined without a jump or without such a deploy.
 */
export function jumpDay(ctx: SimulatorContext, component: string): number | undefined {
  const jump = ctx.scenario.components[component]?.cost?.jumpAfterDeploy;
  if (!jump) return undefined;
  const today = utcDayIndex(ctx.now());
  // The start of today: deploys that old are settled, and the history is generated once a day.
  const history = deployHistory({ scenario: ctx.scenario, now: () => new Date(today * DAY_MS) }, component);
  let found: number | undefined;
  for (const deploy of history?.deploys ?? []) {
    if (!deploy.production || deploy.kind === 'rollback') continue;
    if (deploy.finalState !== 'success' && deploy.finalState !== 'inactive') continue;
    const day = utcDayIndex(deploy.finishedAt ?? deploy.createdAt);
    if (day <= today - jump.minDaysAgo && (found === undefined || day > found)) found = day;
  }
  return found;
}
