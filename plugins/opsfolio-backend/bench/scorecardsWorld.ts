/**
 * The world of the scorecards benchmark (scorecards.bench.ts): a seeded organisation of BENCH_ENTITIES production
 * components owned by BENCH_TEAMS teams, drawn once (`draws`), the catalog that describes it (`catalogOf`), and the
 * facts the built-in providers would answer for each component at a given instant (`factsOf`); also the built-in
 * fact descriptions, a silent logger and the `Subject` both engines are given.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, DAY_MS, type FactDescription, HOUR_MS, MINUTE_MS } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer } from '@opsfolio/backstage-plugin-node';
import type { entityInfoOf } from '../src/scorecards/entityInfo';
import { EXEMPTIONS_ANNOTATION } from '../src/scorecards/exemptions';
import { CATALOG_FACTS, LINK_TYPES } from '../src/scorecards/facts/catalogFacts';
import { COST_FACTS } from '../src/scorecards/facts/costFacts';
import { DEPLOYMENT_FACTS } from '../src/scorecards/facts/deploymentFacts';
import { ONCALL_FACTS } from '../src/scorecards/facts/onCallFacts';
import { OWNERSHIP_FACTS } from '../src/scorecards/facts/ownershipFacts';

export const int = (name: string, fallback: number) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
export const ENTITIES = int('BENCH_ENTITIES', 10_000);
export const TEAMS = int('BENCH_TEAMS', 250);
export const SEED = int('BENCH_SEED', 1);


/** Deterministic uniform numbers in [0, 1) (mulberry32). */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Band = 'elite' | 'high' | 'medium' | 'low';

/** What was drawn for one component; its facts are built from it relative to the instant evaluated. */
export interface Draw {
  name: string;
  tier: '1' | '2' | '3';
  owner: { kind: 'team' | 'user'; team: number } | { kind: 'none' };
  runbook: boolean;
  dashboard: boolean;
  /** Absent: not mapped to an on-call service. Ages are how long before the evaluation the source was read. */
  oncall?: { levels: number; gapHours: number | null; mttrHours: number | null; ageMs: number };
  /** Absent: no deployment source. */
  deploy?: { deploys30d: number; cfrBand: Band | null; recoveryBand: Band | null; rollback: boolean; ageMs: number };
  cost: { known: boolean; ageMs: number };
  exemptions?: string;
}

const members = (team: number) => (team % 20 === 0 ? 1 : 2 + (team % 6));
export const teamName = (team: number) => `team-${team}`;

const EXEMPTION_TEMPLATES = [
  '- check: rollback-exercised\n  reason: Batch job; redeploying the previous image is the rollback.\n  until: 2099-12-31\n',
  '- check: production-readiness/escalation-levels\n  reason: Single-rota team until the hire starts.\n  until: 2099-06-30\n  approvedBy: group:default/team-0\n',
  '- check: schedule-no-gaps\n  reason: Rota being rebuilt.\n  until: 2024-01-31\n',
  '- check: mttr\n  reason: Incident tooling migration.\n  until: 2099-03-31\n- check: recovery-time\n  reason: Replatforming.\n  until: 2025-01-15\n',
  '- check: dashboard\n  until: someday\n',
];

/** Chooses by weight: `pick(r, ['a', 3], ['b', 1])` gives 'a' three times as often as 'b'. */
function pick<T>(r: () => number, ...options: Array<[T, number]>): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [value, weight] of options) {
    if ((x -= weight) < 0) return value;
  }
  return options[options.length - 1][0];
}

export function draws(): Draw[] {
  const r = random(SEED);
  const band = (): Band => pick<Band>(r, ['elite', 25], ['high', 35], ['medium', 25], ['low', 15]);
  return Array.from({ length: ENTITIES }, (_, i): Draw => {
    const tier = pick<Draw['tier']>(r, ['1', 20], ['2', 40], ['3', 40]);
    const team = Math.floor(r() * TEAMS);
    const owner = pick<Draw['owner']>(r, [{ kind: 'team', team }, 92], [{ kind: 'user', team }, 3], [{ kind: 'none' }, 5]);
    // Tier 1 is paged far more often than tier 3: about 70 % in all.
    const mapped = r() < { '1': 0.9, '2': 0.75, '3': 0.55 }[tier];
    const oncallStale = r() < 0.04;
    const oncall = mapped
      ? {
          levels: pick(r, [1, 25], [2, 50], [3, 25]),
          gapHours: pick<'none' | 'gap' | 'no-schedule'>(r, ['none', 78], ['gap', 15], ['no-schedule', 7]),
          mttr: r() < 0.12 ? null : Math.round(-Math.log(1 - r()) * 300) / 100,
          ageMs: oncallStale ? 5 * HOUR_MS + r() * DAY_MS : 5 * MINUTE_MS + r() * 20 * MINUTE_MS,
        }
      : undefined;
    const deployed = r() < 0.88;
    const deploys30d = r() < 0.08 ? 0 : 1 + Math.floor(r() * 60);
    const deploy = deployed
      ? {
          deploys30d,
          cfrBand: deploys30d === 0 ? null : band(),
          recoveryBand: deploys30d === 0 || r() < 0.1 ? null : band(),
          rollback: r() < 0.5,
          ageMs: r() < 0.03 ? 3 * HOUR_MS + r() * 10 * HOUR_MS : 10 * MINUTE_MS + r() * 40 * MINUTE_MS,
        }
      : undefined;
    const cost = pick(r, [{ known: true, ageMs: 3 * HOUR_MS }, 82], [{ known: false, ageMs: 3 * HOUR_MS }, 13], [{ known: true, ageMs: 4 * DAY_MS }, 5]);
    return {
      name: `svc-${i}`,
      tier,
      owner,
      runbook: r() < 0.88,
      dashboard: r() < 0.75,
      oncall: oncall && {
        levels: oncall.levels,
        gapHours: oncall.gapHours === 'none' ? 0 : oncall.gapHours === 'gap' ? 2 + Math.floor(r() * 94) : null,
        mttrHours: oncall.mttr,
        ageMs: oncall.ageMs,
      },
      deploy,
      cost,
      exemptions: r() < 0.02 ? EXEMPTION_TEMPLATES[Math.floor(r() * EXEMPTION_TEMPLATES.length)] : undefined,
    };
  });
}

const rel = (type: string, ...refs: string[]) => refs.map(targetRef => ({ type, targetRef }));

export function catalogOf(all: Draw[]): { components: Entity[]; entities: Entity[] } {
  const entities: Entity[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const users = Array.from({ length: members(t) }, (_, u) => `u${t}-${u}`);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: teamName(t), title: `Team ${t}` },
      spec: { type: 'team', children: [] },
      relations: rel('hasMember', ...users.map(u => `user:default/${u}`)),
    });
    for (const u of users) entities.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: u }, spec: { memberOf: [teamName(t)] } });
  }
  const components = all.map((d): Entity => {
    const owner = d.owner.kind === 'team' ? `group:default/${teamName(d.owner.team)}` : d.owner.kind === 'user' ? `user:default/u${d.owner.team}-0` : undefined;
    const annotations: Record<string, string> = { [ANNOTATIONS.tier]: d.tier };
    if (d.oncall) annotations[ANNOTATIONS.pagerdutyServiceId] = `P${d.name.slice(4).padStart(6, '0')}`;
    if (d.exemptions) annotations[EXEMPTIONS_ANNOTATION] = d.exemptions;
    const links = [
      ...(d.runbook ? [{ url: `https://runbooks.example.com/${d.name}`, type: LINK_TYPES.runbook }] : []),
      ...(d.dashboard ? [{ url: `https://grafana.example.com/d/${d.name}`, type: LINK_TYPES.dashboard }] : []),
    ];
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: d.name, annotations, links },
      spec: { type: 'service', lifecycle: 'production', ...(owner ? { owner } : {}), system: `system-${d.owner.kind === 'none' ? 0 : d.owner.team % 80}` },
    };
  });
  return { components, entities: [...entities, ...components] };
}

/** The 13 facts the default scorecard reads, as the built-in providers answer them at `asOf`. */
export function factsOf(d: Draw, asOf: Date): Record<string, FactAnswer> {
  const read = (ageMs: number, maxAgeMs: number) => ({ observedAt: new Date(asOf.getTime() - ageMs).toISOString(), maxAgeMs });
  const facts: Record<string, FactAnswer> = {
    'ownership.ownerIsGroup': { value: d.owner.kind === 'team' },
    'ownership.ownerMembers': { value: d.owner.kind === 'team' ? members(d.owner.team) : d.owner.kind === 'user' ? 1 : 0 },
    'catalog.runbook': { value: d.runbook },
    'catalog.dashboard': { value: d.dashboard },
    'oncall.mapped': { value: d.oncall !== undefined },
    'cost.known': { value: d.cost.known, ...read(d.cost.ageMs, 2 * DAY_MS) },
  };
  if (d.oncall) {
    const at = read(d.oncall.ageMs, 2 * HOUR_MS);
    facts['oncall.escalationLevels'] = { value: d.oncall.levels, ...at };
    facts['oncall.scheduleGapHours'] =
      d.oncall.gapHours === null ? { notReported: 'no schedule behind its escalation levels (people paged directly)' } : { value: d.oncall.gapHours, ...at };
    facts['oncall.mttrHours'] = d.oncall.mttrHours === null ? { notReported: 'no resolved incidents in 90 days' } : { value: d.oncall.mttrHours, ...at };
  } else {
    const why = { notReported: 'not mapped to an on-call service (pagerduty.com/service-id or opsgenie.com/team)' };
    for (const id of ['oncall.escalationLevels', 'oncall.scheduleGapHours', 'oncall.mttrHours']) facts[id] = why;
  }
  if (d.deploy) {
    const at = read(d.deploy.ageMs, 2 * HOUR_MS);
    const band = (b: Band | null, what: string): FactAnswer => (b === null ? { notReported: `not enough data: ${what}` } : { value: b, ...at });
    facts['deployments.productionDeploys30d'] = { value: d.deploy.deploys30d, ...at };
    facts['deployments.changeFailureRateBand'] = band(d.deploy.cfrBand, 'no production deploys in the window');
    facts['deployments.recoveryTimeBand'] = band(d.deploy.recoveryBand, 'no failed deploys to recover from');
    facts['deployments.rollbackExercised'] = { value: d.deploy.rollback, ...at };
  } else {
    const why = { notReported: 'no deployment source is installed and nothing was pushed' };
    for (const id of ['deployments.productionDeploys30d', 'deployments.changeFailureRateBand', 'deployments.recoveryTimeBand', 'deployments.rollbackExercised']) {
      facts[id] = why;
    }
  }
  return facts;
}

export const BUILT_IN_FACTS: FactDescription[] = [...CATALOG_FACTS, ...OWNERSHIP_FACTS, ...ONCALL_FACTS, ...DEPLOYMENT_FACTS, ...COST_FACTS];
export const describedFact = (id: string) => BUILT_IN_FACTS.find(f => f.id === id)!;

export const noopLogger: LoggerService = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  child: () => noopLogger,
};

/** A component as both engines are given it: its ref, its entity and what `entityInfoOf` reads from it. */
export type Subject = { entityRef: string; entity: Entity; info: ReturnType<typeof entityInfoOf> };
