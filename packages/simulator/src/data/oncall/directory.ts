import { createHash } from 'node:crypto';
import { createRng } from '../../random';
import type { OnCallScenario, Scenario } from '../../scenario/schema';
import { DAY_MS } from '../../time';
import { personFor } from '../deploys/people';
import { PagerDutyIds, seededUuid } from './ids';
import { ROTATION_EPOCH_DAY } from './rotation';
import type {
  ComponentOnCall,
  EscalationLevel,
  EscalationPolicy,
  OnCallDirectory,
  OnCallUser,
  OpsgenieTeam,
  PagerDutyIntegration,
  PagerDutyService,
  Rotation,
} from './types';

// Who is set up to be paged for what: users, PagerDuty services with their escalation policies and
// schedules, Opsgenie teams with their schedule and escalation. A pure function of the scenario (the clock
// only matters when shifts and gaps are turned into times).
//
// Levels, for `escalationLevels: N`:
//   level 1          the rota (the primary schedule; gaps are cut out of this one)
//   level 2 … N-1    the rota offset by one more person each (secondary, tertiary schedule)
//   level N (N >= 3) the manager, targeted directly (PagerDuty: a user target with no schedule)
// Opsgenie: one schedule per team; level 2 is the schedule's next on-call (notifyType "next").

const LEVEL_NAMES = ['primary', 'secondary', 'tertiary', 'quaternary'];
const ESCALATION_DELAY_MINUTES = 15;
const LAST_LEVEL_DELAY_MINUTES = 30;

const memo = new WeakMap<Scenario, OnCallDirectory>();

/** The account-wide on-call setup of the scenario (shared: treat it as read-only). */
export function oncallDirectory(scenario: Scenario): OnCallDirectory {
  let directory = memo.get(scenario);
  if (!directory) {
    directory = buildDirectory(scenario);
    memo.set(scenario, directory);
  }
  return directory;
}

/** The on-call of one component, or undefined when it has no `oncall` section. */
export function componentOnCall(scenario: Scenario, component: string): ComponentOnCall | undefined {
  return oncallDirectory(scenario).components.get(component);
}

function buildDirectory(scenario: Scenario): OnCallDirectory {
  const { seed } = scenario;
  const ids = new PagerDutyIds(seed);
  const oncalls = Object.entries(scenario.components).flatMap(([name, c]) =>
    c.oncall ? [{ component: name, oncall: c.oncall }] : [],
  );
  for (const { oncall } of oncalls) if (oncall.vendor === 'pagerduty') ids.reserve(oncall.serviceId);

  const users = buildUsers(scenario, oncalls, ids);
  const person = (name: string) => users.get(name)!;
  const directory: OnCallDirectory = {
    users: [...users.values()],
    components: new Map(),
    pagerduty: { services: [], policies: [], schedules: [] },
    opsgenie: { teams: [] },
  };
  const teams = new Map<string, OpsgenieTeam>();

  for (const { component, oncall } of oncalls) {
    const rota = oncall.rota.map(person);
    const manager = person(oncall.manager ?? oncall.rota[0]!);
    const base = { component, rota, manager, timeZone: oncall.timeZone };
    if (oncall.vendor === 'pagerduty') {
      const service = pagerdutyService(scenario, ids, component, oncall, rota, manager);
      directory.pagerduty.services.push(service);
      directory.pagerduty.policies.push(service.policy);
      directory.pagerduty.schedules.push(...service.schedules);
      directory.components.set(component, { ...base, vendor: 'pagerduty', policy: service.policy, pagerduty: service });
    } else {
      let team = teams.get(oncall.team);
      if (!team) {
        team = opsgenieTeam(scenario, oncall, rota, manager);
        teams.set(oncall.team, team);
        directory.opsgenie.teams.push(team);
      }
      team.components.push(component);
      directory.components.set(component, { ...base, vendor: 'opsgenie', policy: team.escalation, opsgenie: team });
    }
  }
  return directory;
}

type Named = { component: string; oncall: OnCallScenario };

/** Everyone on a rota or named as manager, in first-seen order; ids claimed in name order. */
function buildUsers(scenario: Scenario, oncalls: Named[], ids: PagerDutyIds): Map<string, OnCallUser> {
  const domain = orgDomain(scenario);
  const zones = new Map<string, string>();
  for (const { oncall } of oncalls) {
    for (const name of [...oncall.rota, oncall.manager ?? oncall.rota[0]!]) {
      if (!zones.has(name)) zones.set(name, oncall.timeZone);
    }
  }
  const pagerdutyIds = new Map([...zones.keys()].sort().map((name) => [name, ids.next('user', name)]));
  const users = new Map<string, OnCallUser>();
  for (const [name, timeZone] of zones) {
    const person = personFor(name, `${domain}/x`);
    users.set(name, {
      user: name,
      name: person.name,
      email: `${name}@${domain}.example`,
      timeZone,
      pagerdutyId: pagerdutyIds.get(name)!,
      opsgenieId: seededUuid(scenario.seed, 'opsgenie-user', name),
    });
  }
  return users;
}

/** The organisation's mail domain, as the catalog has it: the first component's repository owner. */
function orgDomain(scenario: Scenario): string {
  const first = Object.values(scenario.components)[0];
  const slug = first?.repo.github ?? first?.repo.gitlab ?? 'acme/x';
  return slug.split('/')[0]!.toLowerCase();
}

function levelName(level: number): string {
  return LEVEL_NAMES[level - 1] ?? `level ${level}`;
}

/** The rotation levels 1 … N-1 use (all N when there are fewer than three levels). */
function scheduledLevels(levels: number): number {
  return levels >= 3 ? levels - 1 : levels;
}

function pagerdutyService(
  scenario: Scenario,
  ids: PagerDutyIds,
  component: string,
  oncall: Extract<OnCallScenario, { vendor: 'pagerduty' }>,
  rota: OnCallUser[],
  manager: OnCallUser,
): PagerDutyService {
  const { seed } = scenario;
  const rng = createRng(seed, 'pagerduty-service', component);
  const createdAt = (ROTATION_EPOCH_DAY - rng.int(30, 700)) * DAY_MS + rng.int(8 * 3600, 18 * 3600) * 1000;

  const schedules: Rotation[] = [];
  for (let level = 1; level <= scheduledLevels(oncall.escalationLevels); level++) {
    schedules.push({
      id: ids.next('schedule', component, level),
      layerId: ids.next('layer', component, level),
      name: `${component} ${levelName(level)}`,
      level,
      timeZone: oncall.timeZone,
      members: rota,
      offset: level - 1,
      rotationDays: oncall.rotationDays,
      gaps: level === 1 ? oncall.gaps : [],
    });
  }
  const levels: EscalationLevel[] = [];
  for (let level = 1; level <= oncall.escalationLevels; level++) {
    const schedule = schedules[level - 1];
    levels.push({
      level,
      ruleId: ids.next('escalation-rule', component, level),
      delayMinutes: level === oncall.escalationLevels ? LAST_LEVEL_DELAY_MINUTES : ESCALATION_DELAY_MINUTES,
      targets: schedule ? [{ type: 'schedule', schedule, notifyType: 'default' }] : [{ type: 'user', user: manager }],
    });
  }
  const policy: EscalationPolicy = {
    id: ids.next('escalation-policy', component),
    name: `${component} escalation`,
    description: describeLevels(levels),
    levels,
    numLoops: levels.length > 1 ? 1 : 0,
  };

  const integrations: PagerDutyIntegration[] = [
    {
      id: ids.next('integration', component, 0),
      type: 'events_api_v2_inbound_integration',
      name: 'Events API V2',
      integrationKey: oncall.integrationKey ?? integrationKey(seed, component, 0),
      createdAt: createdAt + rng.int(60, 3600) * 1000,
    },
  ];
  if (rng.chance(0.6)) {
    integrations.push({
      id: ids.next('integration', component, 1),
      type: 'generic_events_api_inbound_integration',
      name: 'Datadog',
      integrationKey: integrationKey(seed, component, 1),
      vendor: { id: 'PAM4FGS', name: 'Datadog' },
      createdAt: createdAt + rng.int(1, 90) * DAY_MS,
    });
  }

  return {
    component,
    id: oncall.serviceId,
    name: component,
    description: `${component}, paged through ${policy.name}`,
    timeZone: oncall.timeZone,
    policy,
    schedules,
    integrations,
    createdAt,
  };
}

function describeLevels(levels: EscalationLevel[]): string {
  return levels
    .map((l) => {
      const target = l.targets[0]!;
      return target.type === 'user' ? `${target.user.name} (manager)` : `${levelName(l.level)} on-call`;
    })
    .join(', then ');
}

/** A seeded integration key: 32 lowercase hex characters. */
function integrationKey(seed: number, component: string, index: number): string {
  return createHash('md5').update(`${seed}\u001f${component}\u001f${index}`).digest('hex');
}

function opsgenieTeam(
  scenario: Scenario,
  oncall: Extract<OnCallScenario, { vendor: 'opsgenie' }>,
  rota: OnCallUser[],
  manager: OnCallUser,
): OpsgenieTeam {
  const { seed } = scenario;
  const name = oncall.team;
  const scheduleId = seededUuid(seed, 'opsgenie-schedule', name);
  const schedule: Rotation = {
    id: scheduleId,
    layerId: seededUuid(seed, 'opsgenie-rotation', name),
    name: `${name}_schedule`,
    level: 1,
    timeZone: oncall.timeZone,
    members: rota,
    offset: 0,
    rotationDays: oncall.rotationDays,
    gaps: oncall.gaps,
  };
  // delayMinutes is the time at a level before the next is notified; Opsgenie's rules show the sum.
  const levels: EscalationLevel[] = [
    { level: 1, ruleId: '', delayMinutes: 10, targets: [{ type: 'schedule', schedule, notifyType: 'default' }] },
  ];
  if (oncall.escalationLevels >= 2) {
    // The next on-call of the same schedule: the rota one person on, without the gaps.
    const next: Rotation = { ...schedule, level: 2, offset: 1, gaps: [] };
    levels.push({ level: 2, ruleId: '', delayMinutes: 10, targets: [{ type: 'schedule', schedule: next, notifyType: 'next' }] });
  }
  if (oncall.escalationLevels >= 3) {
    levels.push({ level: 3, ruleId: '', delayMinutes: 10, targets: [{ type: 'user', user: manager }] });
  }
  const members = [...rota, ...(rota.includes(manager) ? [] : [manager])].map((user) => ({
    user,
    role: user === manager ? ('admin' as const) : ('user' as const),
  }));
  const rng = createRng(seed, 'opsgenie-team', name);
  return {
    id: seededUuid(seed, 'opsgenie-team', name),
    name,
    description: `${name} team`,
    members,
    schedule,
    escalation: {
      id: seededUuid(seed, 'opsgenie-escalation', name),
      name: `${name}_escalation`,
      description: describeLevels(levels),
      levels,
      numLoops: 0,
    },
    components: [],
    timeZone: oncall.timeZone,
    createdAt: (ROTATION_EPOCH_DAY - rng.int(30, 700)) * DAY_MS + rng.int(8 * 3600, 18 * 3600) * 1000,
  };
}
