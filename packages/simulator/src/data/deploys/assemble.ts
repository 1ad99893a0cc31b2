import type { DeploysScenario, Scenario } from '../../scenario/schema';
import { deployIdFor } from './ids';
import type { DraftCommit, DraftDeploy, DraftStatus, Simulation } from './pipeline';
import type { Commit, Deploy, DeployHistory, DeployRun } from './types';

// From the simulation to the model: ids, what is visible at `now`, GitHub's `inactive` for superseded
// non-production deploys, the commits each deploy brings, and the `historyDays` window.

export interface AssembleInput {
  scenario: Scenario;
  component: string;
  vendor: 'github' | 'gitlab';
  repo: string;
  deploys: DeploysScenario;
  simulation: Simulation;
  now: number;
  windowStart: number;
}

interface Visible {
  draft: DraftDeploy;
  statuses: DraftStatus[];
}

const FINISHED = new Set(['success', 'failure', 'error']);

export function assembleHistory(input: AssembleInput): DeployHistory {
  const { scenario, component, simulation, now } = input;
  const drafts = simulation.deploys;
  const ids = new Map(drafts.map((d) => [d, deployIdFor(scenario, component, d.createdAt)]));
  const runOf = (d: DraftDeploy): DeployRun => ({
    id: ids.get(d.run.firstDeploy ?? d)! * 3,
    createdAt: new Date(d.run.firstDeploy?.createdAt ?? d.createdAt),
  });

  const visible: Visible[] = drafts
    .filter((d) => d.createdAt <= now)
    .map((draft) => ({ draft, statuses: draft.statuses.filter((s) => s.at <= now) }));
  markSuperseded(visible);

  const branch = simulation.commits.filter((c) => c.releasedAt <= now);
  const commitOf = new Map<string, Commit>();
  const position = new Map<string, number>();
  branch.forEach((c, i) => {
    commitOf.set(c.sha, toCommit(c));
    position.set(c.sha, i);
  });
  const history = branch.map((c) => commitOf.get(c.sha)!);

  // The commits a deploy brings: from the environment's last successful deploy to this sha.
  const lastSuccess = new Map<string, string>();
  const deploys: Deploy[] = [];
  for (const { draft, statuses } of visible) {
    const base = lastSuccess.get(draft.environment);
    let commits: Commit[];
    if (base === undefined) {
      commits = branch.filter((c) => c.head === draft.sha).map((c) => commitOf.get(c.sha)!);
    } else {
      const from = position.get(base) ?? -1;
      const to = position.get(draft.sha) ?? -1;
      commits = to > from ? history.slice(from + 1, to + 1) : [];
    }
    const final = statuses[statuses.length - 1]!;
    if (final.state === 'success' || final.state === 'inactive') lastSuccess.set(draft.environment, draft.sha);
    if (draft.createdAt < input.windowStart) continue;
    const finished = statuses.find((s) => FINISHED.has(s.state));
    deploys.push({
      id: ids.get(draft)!,
      environment: draft.environment,
      production: draft.production,
      sha: draft.sha,
      ref: 'main',
      createdAt: new Date(draft.createdAt),
      statuses: statuses.map((s) => ({ state: s.state, createdAt: new Date(s.at) })),
      finalState: final.state,
      updatedAt: new Date(final.at),
      ...(finished ? { finishedAt: new Date(finished.at) } : {}),
      creator: draft.creator,
      kind: draft.kind,
      isRollback: draft.kind === 'rollback',
      commits,
      run: runOf(draft),
    });
  }

  return {
    component,
    vendor: input.vendor,
    repo: input.repo,
    environments: input.deploys.environments,
    productionEnvironments: input.deploys.production,
    deploys,
    commits: history,
  };
}

/**
 * GitHub's auto_inactive: when a deploy to a non-production environment succeeds, the earlier successful
 * deploys to that environment get an `inactive` status at that moment.
 */
function markSuperseded(visible: Visible[]): void {
  const active = new Map<string, Visible[]>();
  for (const v of visible) {
    if (v.draft.production) continue;
    const success = v.statuses.find((s) => s.state === 'success');
    if (!success) continue;
    for (const older of active.get(v.draft.environment) ?? []) {
      older.statuses = [...older.statuses, { state: 'inactive', at: success.at }];
    }
    active.set(v.draft.environment, [v]);
  }
}

function toCommit(c: DraftCommit): Commit {
  return { sha: c.sha, timestamp: new Date(c.timestamp), message: c.message, author: c.author };
}
