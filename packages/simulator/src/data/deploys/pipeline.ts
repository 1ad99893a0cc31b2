import { createRng, type Rng, type ScopePart } from '../../random';
import type { DeploysScenario } from '../../scenario/schema';
import { atLocalTime, HOUR_MS, isWeekend, localTimeOf, MINUTE_MS } from '../../time';
import { commitMessage } from './commits';
import type { Person } from './people';
import { releasesPerWeek, type PlannedRelease } from './schedule';
import type { DeployKind, DeployState } from './types';

// Plays the planned releases through the environments, in order: each change goes staging -> production
// (minutes to hours apart, moved to the next working morning when it would land at night); an environment
// takes one deploy at a time, so changes queue behind each other and reach production in the order they
// started. A failed production deploy is retried or followed by a fix; a good one is sometimes rolled back
// by redeploying the previous good sha. Times are whole seconds, in ms since the epoch.

export interface DraftStatus {
  state: DeployState;
  at: number;
}

interface DraftRun {
  createdAt: number;
  firstDeploy?: DraftDeploy;
}

export interface DraftDeploy {
  environment: string;
  production: boolean;
  sha: string;
  createdAt: number;
  statuses: DraftStatus[];
  creator: Person;
  kind: DeployKind;
  run: DraftRun;
}

export interface DraftCommit {
  sha: string;
  timestamp: number;
  message: string;
  author: Person;
  /** head sha of the change this commit came with */
  head: string;
  /** when that change's first deploy started: the commit is on the default branch from then on */
  releasedAt: number;
}

export interface Simulation {
  /** in time order, each started in a second of its own */
  deploys: DraftDeploy[];
  /** the default branch, oldest first */
  commits: DraftCommit[];
}

export interface SimulationInput {
  seed: number;
  component: string;
  deploys: DeploysScenario;
  team: Person[];
  timeZone: string;
  releases: PlannedRelease[];
}

interface ChainResult {
  ok: boolean;
  end: number;
  firstProductionAt?: number;
  sha: string;
  run: DraftRun;
}

const MAX_RETRIES = 2;
const MAX_FIXES = 2;

const toSecond = (ms: number) => Math.round(ms / 1000) * 1000;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function simulateDeploys(input: SimulationInput): Simulation {
  return new DeploySimulation(input).run();
}

class DeploySimulation {
  private readonly out: Simulation = { deploys: [], commits: [] };
  /** when each environment's last deploy finished */
  private readonly freeAt = new Map<string, number>();
  private lastGood?: { sha: string; run: DraftRun };
  private readonly production: Set<string>;

  constructor(private readonly input: SimulationInput) {
    this.production = new Set(input.deploys.production);
  }

  run(): Simulation {
    for (const release of this.input.releases) this.release(release);
    // In time order, each deploy in its own second (ids are built from the second).
    const deploys = this.out.deploys.sort((a, b) => a.createdAt - b.createdAt);
    for (let i = 1; i < deploys.length; i++) {
      const previous = deploys[i - 1]!.createdAt;
      if (deploys[i]!.createdAt <= previous) shiftStart(deploys[i]!, previous + 1000);
    }
    return this.out;
  }

  private rng(...scope: ScopePart[]): Rng {
    return createRng(this.input.seed, 'deploys', this.input.component, ...scope);
  }

  private release(planned: PlannedRelease): void {
    const rng = this.rng('release', planned.key);
    let result = this.shipChange(planned.key, 'change', planned.start);
    for (let fix = 1; !result.ok && fix <= MAX_FIXES; fix++) {
      const failedAt = result.end;
      const fixStart = toSecond(failedAt + rng.int(20, 120) * MINUTE_MS);
      result = this.shipChange(`${planned.key}:fix${fix}`, 'fix', fixStart, failedAt);
    }
    if (result.ok) this.afterSuccess(rng, result);
  }

  /** New commits on the default branch, then their deploy through every environment. */
  private shipChange(key: string, kind: 'change' | 'fix', start: number, failedAt?: number): ChainResult {
    const { deploys, team } = this.input;
    const rng = this.rng('commits', key);
    const extraCommitsMean = clamp(6 / releasesPerWeek(deploys), 0.2, 8);
    const count = kind === 'fix' ? 1 : 1 + rng.poisson(extraCommitsMean);
    // Lead times, longest (= oldest commit) first, so the change's head is its newest commit.
    const leadHours = Array.from({ length: count }, () =>
      rng.logNormal(deploys.leadTimeHours.median, deploys.leadTimeHours.p90),
    ).sort((a, b) => b - a);
    const commits: DraftCommit[] = leadHours.map(() => ({
      sha: rng.hex(40),
      timestamp: 0,
      message: commitMessage(rng, kind),
      author: rng.pick(team),
      head: '',
      releasedAt: start,
    }));
    const head = commits[count - 1]!.sha;
    const creator = rng.pick(team);
    const buildDone = start - rng.int(3, 20) * MINUTE_MS;

    const chain = this.chain(key, head, creator, { createdAt: start }, start);

    // Lead time runs from each commit to the change's first production deploy; no commit after the build.
    const shipped = chain.firstProductionAt ?? start;
    commits.forEach((commit, j) => {
      const wanted =
        failedAt !== undefined
          ? failedAt + ((buildDone - failedAt) * (j + 1)) / (count + 1)
          : shipped - leadHours[j]! * HOUR_MS;
      commit.timestamp = toSecond(Math.min(wanted, buildDone - (count - 1 - j) * MINUTE_MS));
      commit.head = head;
    });
    this.out.commits.push(...commits);
    return chain;
  }

  /** One sha through the environments in order; a failed production deploy may be retried. */
  private chain(key: string, sha: string, creator: Person, run: DraftRun, start: number): ChainResult {
    const rng = this.rng('chain', key);
    const { environments, failureRate } = this.input.deploys;
    let t = start;
    let kind: DeployKind = 'change';
    let retries = 0;
    let firstProductionAt: number | undefined;
    for (let i = 0; i < environments.length; ) {
      const environment = environments[i]!;
      const production = this.production.has(environment);
      t = this.whenFree(rng, environment, t);
      if (production && firstProductionAt === undefined) firstProductionAt = t;
      const deploy = this.deploy(rng, { environment, production, sha, createdAt: t, creator, kind, run }, failureRate);
      if (!deploy.failed) {
        i++;
        kind = 'change';
        if (i === environments.length) return { ok: true, end: deploy.end, firstProductionAt, sha, run };
        t = this.nextEnvironmentAt(rng, deploy.end);
      } else if (retries < MAX_RETRIES && rng.chance(0.6)) {
        retries++;
        kind = 'retry';
        t = toSecond(deploy.end + rng.int(8, 45) * MINUTE_MS);
      } else {
        return { ok: false, end: deploy.end, firstProductionAt, sha, run };
      }
    }
    return { ok: true, end: t, firstProductionAt, sha, run };
  }

  /** `t`, or a little after the environment's previous deploy finished. */
  private whenFree(rng: Rng, environment: string, t: number): number {
    const free = this.freeAt.get(environment);
    return free === undefined || t >= free + 5 * MINUTE_MS ? t : toSecond(free + rng.int(5, 30) * MINUTE_MS);
  }

  /** A good change becomes the rollback target, unless it is itself rolled back. */
  private afterSuccess(rng: Rng, result: ChainResult): void {
    const { rollbackRate, failureRate, environments } = this.input.deploys;
    const p = Math.min(1, rollbackRate / Math.max(0.05, 1 - failureRate));
    const target = this.lastGood;
    if (!target || !rng.chance(p)) {
      this.lastGood = { sha: result.sha, run: result.run };
      return;
    }
    // Rolled back: every production environment gets the previous good sha again, from its own run.
    const creator = rng.pick(this.input.team);
    let t = toSecond(result.end + rng.int(20, 240) * MINUTE_MS);
    for (const environment of environments.filter((e) => this.production.has(e))) {
      t = this.whenFree(rng, environment, t);
      const deploy = this.deploy(
        rng,
        { environment, production: true, sha: target.sha, createdAt: t, creator, kind: 'rollback', run: target.run },
        0,
      );
      t = toSecond(deploy.end + rng.int(2, 10) * MINUTE_MS);
    }
  }

  private deploy(
    rng: Rng,
    base: Omit<DraftDeploy, 'statuses'>,
    failP: number,
  ): { end: number; failed: boolean } {
    const started = base.createdAt + rng.int(5, 90) * 1000;
    const duration = clamp(rng.logNormal(4 * MINUTE_MS, 12 * MINUTE_MS), MINUTE_MS, 45 * MINUTE_MS);
    const end = toSecond(started + duration);
    const failed = base.production && rng.chance(failP);
    const final: DeployState = failed ? (rng.chance(0.2) ? 'error' : 'failure') : 'success';
    const draft: DraftDeploy = {
      ...base,
      statuses: [
        { state: 'queued', at: base.createdAt },
        { state: 'in_progress', at: started },
        { state: final, at: end },
      ],
    };
    base.run.firstDeploy ??= draft;
    this.out.deploys.push(draft);
    this.freeAt.set(base.environment, end);
    return { end, failed };
  }

  /** The next environment follows minutes to hours later, but not at night or at a weekend. */
  private nextEnvironmentAt(rng: Rng, after: number): number {
    const { deploys, timeZone } = this.input;
    const median = clamp(deploys.leadTimeHours.median * 0.15 * HOUR_MS, 10 * MINUTE_MS, 4 * HOUR_MS);
    const gap = clamp(rng.logNormal(median, median * 3), 5 * MINUTE_MS, 8 * HOUR_MS);
    const t = toSecond(after + gap);
    const { dayIndex, msIntoDay } = localTimeOf(new Date(t), timeZone);
    if (!isWeekend(dayIndex) && msIntoDay >= 8 * HOUR_MS && msIntoDay <= 18.5 * HOUR_MS) return t;
    let day = msIntoDay < 8 * HOUR_MS ? dayIndex : dayIndex + 1;
    while (isWeekend(day)) day++;
    const morning = 9 * HOUR_MS + rng.int(0, 59) * MINUTE_MS + rng.int(0, 59) * 1000;
    return Math.max(t, atLocalTime(day, morning, timeZone).getTime());
  }
}

function shiftStart(draft: DraftDeploy, createdAt: number): void {
  const old = draft.createdAt;
  draft.createdAt = createdAt;
  draft.statuses = draft.statuses.map((s) => ({ ...s, at: s.at === old ? createdAt : Math.max(s.at, createdAt) }));
}
