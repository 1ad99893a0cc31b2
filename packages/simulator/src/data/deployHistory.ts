import type { SimulatorContext } from '../context';
import type { Scenario } from '../scenario/schema';
import { DAY_MS, utcDayIndex } from '../time';
import { assembleHistory } from './deploys/assemble';
import { teamOf } from './deploys/people';
import { simulateDeploys, type Simulation } from './deploys/pipeline';
import { planReleases, releasesPerWeek } from './deploys/schedule';
import type { DeployHistory } from './deploys/types';

export type { Person } from './deploys/people';
export type {
  Commit,
  Deploy,
  DeployHistory,
  DeployKind,
  
  DeployState,
  DeployStatus,
} from './deploys/types';

// Each component's deploy history, generated from its `deploys` scenario section: a pure function of
// (scenario, seed, now). Releases hang off absolute UTC days, so yesterday's deploys keep their ids and
// times today; the window is the `historyDays` before now, and only what had happened by `now` is shown
// (a deploy can be in progress at `now`). Both the GitHub and the GitLab routes render this model.

/**
 * The deploy history of one component, or undefined when it has no `deploys` section. Read-only: results
 * are shared. The simulation is kept per UTC day, the history per second of `now` (every time in it is a
 * whole second), so paging through a listing generates it once.
 */
export function deployHistory(ctx: SimulatorContext, component: string): DeployHistory | undefined {
  const { scenario } = ctx;
  const c = scenario.components[component];
  if (!c?.deploys) return undefined;
  const now = Math.floor(ctx.now().getTime() / 1000) * 1000;
  const today = utcDayIndex(new Date(now));
  const memo = memoFor(scenario);
  const key = `${component}\u001f${now}`;
  let history = memo.histories.get(key);
  if (history) return history;

  const simulationKey = `${component}\u001f${today}`;
  let simulation = memo.simulations.get(simulationKey);
  if (!simulation) {
    simulation = simulate(scenario, component, today);
    remember(memo.simulations, simulationKey, simulation, 64);
  }
  history = assembleHistory({
    scenario,
    component,
    vendor: c.repo.github !== undefined ? 'github' : 'gitlab',
    repo: c.repo.github ?? c.repo.gitlab!,
    deploys: c.deploys,
    simulation,
    now,
    windowStart: (today - scenario.historyDays) * DAY_MS,
  });
  remember(memo.histories, key, history, 256);
  return history;
}

/** Every release from a little before the window up to today, played through the environments. */
function simulate(scenario: Scenario, component: string, today: number): Simulation {
  const c = scenario.components[component]!;
  const deploys = c.deploys!;
  // Start early enough that the first visible deploys know what ran before them (rollback targets, commits).
  const marginDays = Math.max(14, Math.ceil((3 * 7) / releasesPerWeek(deploys)));
  const timeZone = c.oncall?.timeZone ?? 'UTC';
  const releases = planReleases({
    seed: scenario.seed,
    component,
    deploys,
    timeZone,
    fromDay: today - scenario.historyDays - marginDays,
    toDay: today,
    lastDay: deploys.lastDeployDaysAgo === undefined ? undefined : today - deploys.lastDeployDaysAgo,
  });
  const team = teamOf(scenario, component);
  return simulateDeploys({ seed: scenario.seed, component, deploys, team, timeZone, releases });
}

/** Every component's deploy history, in scenario order. */
export function deployHistories(ctx: SimulatorContext): DeployHistory[] {
  return Object.keys(ctx.scenario.components)
    .map((component) => deployHistory(ctx, component))
    .filter((h): h is DeployHistory => h !== undefined);
}

/** The history of the component whose repository is `slug` on `vendor` (case-insensitive). */
export function deployHistoryForRepo(
  ctx: SimulatorContext,
  vendor: 'github' | 'gitlab',
  slug: string,
): DeployHistory | undefined {
  const wanted = slug.toLowerCase();
  for (const [component, c] of Object.entries(ctx.scenario.components)) {
    if (c.repo[vendor]?.toLowerCase() === wanted) return deployHistory(ctx, component);
  }
  return undefined;
}

interface Memo {
  simulations: Map<string, Simulation>;
  histories: Map<string, DeployHistory>;
}

const memos = new WeakMap<Scenario, Memo>();

function memoFor(scenario: Scenario): Memo {
  let memo = memos.get(scenario);
  if (!memo) {
    memo = { simulations: new Map(), histories: new Map() };
    memos.set(scenario, memo);
  }
  return memo;
}

function remember<T>(map: Map<string, T>, key: string, value: T, limit: number): void {
  if (map.size >= limit) map.delete(map.keys().next().value!);
  map.set(key, value);
}
