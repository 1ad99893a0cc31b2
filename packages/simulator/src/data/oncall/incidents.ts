import type { SimulatorContext } from '../../context';
import { createRng, type Rng } from '../../random';
import type { IncidentsScenario, Scenario } from '../../scenario/schema';
import { atLocalTime, DAY_MS, HOUR_MS, MINUTE_MS, utcDayIndex } from '../../time';
import { componentOnCall } from './directory';
import { longPagerDutyId, seededUuid } from './ids';
import { respondersAt } from './oncalls';
import type { ComponentOnCall, OnCallUser } from './types';

// Incidents of every component with an `incidents` section, served by its on-call vendor (PagerDuty
// incidents, Opsgenie alerts). Like deploys, they hang off absolute UTC days, each day with its own
// random stream, so an incident keeps its id, number and times as the calendar moves; only what had
// happened by `now` is visible, within the `historyDays` window.
//
// Lifecycle: triggered (assigned to the level-1 on-call) -> escalated to the next level when nobody
// acknowledges within the level's delay -> acknowledged (minutes; by whoever it had reached) -> resolved
// (log-normal, mean `mttrHours`). Some are resolved by the monitoring integration without anyone
// acknowledging them. `openNow: N` holds the component's N most recent incidents open: until a newer one
// comes along, their resolution is not visible yet (once it is, it shows at its own, earlier, time). So
// counts and MTTR stay as the scenario says, and exactly N are open (plus any naturally still open).

type Severity = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
type Urgency = 'high' | 'low';
export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface IncidentEvent {
  type: 'trigger' | 'assign' | 'escalate' | 'acknowledge' | 'resolve';
  at: number;
  /** assign/escalate: the new assignee; acknowledge/resolve: who did it (none: the integration resolved it) */
  user?: OnCallUser;
  /** assign/escalate: the escalation level it now sits at */
  level?: number;
}

export interface Incident {
  /** stable key within the component */
  key: string;
  component: string;
  vendor: 'pagerduty' | 'opsgenie';
  /** PagerDuty: Q + 13 characters; Opsgenie: a UUID */
  id: string;
  /** account-wide, grows with creation time (PagerDuty incident_number, Opsgenie tinyId) */
  number: number;
  title: string;
  severity: Severity;
  urgency: Urgency;
  createdAt: number;
  /** as of now */
  status: IncidentStatus;
  lastStatusChangeAt: number;
  /** set once acknowledged (by now) */
  acknowledgedAt?: number;
  acknowledgedBy?: OnCallUser;
  /** set once resolved (by now) */
  resolvedAt?: number;
  /** who resolved it; undefined when the monitoring integration did */
  resolvedBy?: OnCallUser;
  /** who it is (or was last) assigned to, and at which level */
  assignee: OnCallUser;
  level: number;
  assignedAt: number;
  /** one of the component's `openNow` most recent incidents, held open (its resolution not visible yet) */
  heldOpen: boolean;
  /** what had happened by now, oldest first */
  events: IncidentEvent[];
}

/** The full lifecycle, including what has not happened yet at a given `now`. */
interface Draft {
  key: string;
  component: string;
  vendor: 'pagerduty' | 'opsgenie';
  id: string;
  number: number;
  title: string;
  severity: Severity;
  urgency: Urgency;
  createdAt: number;
  acknowledgedAt?: number;
  acknowledgedBy?: OnCallUser;
  resolvedAt: number;
  resolvedBy?: OnCallUser;
  events: IncidentEvent[];
}

/** incident numbers count from 2020-01-01 */
const NUMBER_EPOCH_DAY = 18_262;
const TITLES = [
  'High error rate on {c}',
  '{c}: p99 latency above SLO',
  '{c} pods crash-looping',
  'Elevated 5xx responses from {c}',
  'Database connection pool exhausted ({c})',
  'Queue backlog growing for {c}',
  'Synthetic check failing: {c}',
  'Disk usage above 90% on {c} nodes',
  'TLS certificate for {c} expires in 7 days',
  'Memory usage climbing on {c}',
  '{c}: dependency timeouts',
  'Health check flapping for {c}',
];

/** The component's incidents visible at now, oldest first; undefined without an `incidents` section. */
export function incidentHistory(ctx: SimulatorContext, component: string): Incident[] | undefined {
  const c = ctx.scenario.components[component];
  if (!c?.incidents || !c.oncall) return undefined;
  return vendorIncidents(ctx, c.oncall.vendor).filter((i) => i.component === component);
}

/** Every incident of one vendor's components visible at now, oldest first (ties: by number). */
export function vendorIncidents(ctx: SimulatorContext, vendor: 'pagerduty' | 'opsgenie'): Incident[] {
  const { scenario } = ctx;
  const now = Math.floor(ctx.now().getTime() / 1000) * 1000;
  const memo = memoFor(scenario);
  const key = `${vendor}\u001f${now}`;
  const cached = memo.views.get(key);
  if (cached) return cached;
  const today = utcDayIndex(new Date(now));
  const windowStart = (today - scenario.historyDays) * DAY_MS;
  const visible: Draft[] = [];
  for (let day = today - scenario.historyDays; day <= today; day++) {
    for (const draft of draftsOfDay(scenario, vendor, day)) {
      if (draft.createdAt >= windowStart && draft.createdAt <= now) visible.push(draft);
    }
  }
  const held = heldOpen(scenario, visible);
  const out = visible.map((draft) => viewAt(draft, now, held.has(draft)));
  remember(memo.views, key, out, 16);
  return out;
}

/** Each component's `openNow` most recent incidents. */
function heldOpen(scenario: Scenario, visible: Draft[]): Set<Draft> {
  const held = new Set<Draft>();
  const left = new Map<string, number>();
  for (let i = visible.length - 1; i >= 0; i--) {
    const draft = visible[i]!;
    const n = left.get(draft.component) ?? scenario.components[draft.component]!.incidents!.openNow;
    if (n > 0) held.add(draft);
    left.set(draft.component, n - 1);
  }
  return held;
}

/** One incident by its vendor id, or undefined. */
export function findIncident(ctx: SimulatorContext, vendor: 'pagerduty' | 'opsgenie', id: string): Incident | undefined {
  return vendorIncidents(ctx, vendor).find((i) => i.id === id);
}

function viewAt(d: Draft, now: number, held: boolean): Incident {
  const acknowledged = d.acknowledgedAt !== undefined && d.acknowledgedAt <= now;
  const resolved = !held && d.resolvedAt <= now;
  const events = d.events.filter((e) => e.at <= now && (resolved || e.type !== 'resolve'));
  const assignment = [...events].reverse().find((e) => e.type === 'assign' || e.type === 'escalate')!;
  const status: IncidentStatus = resolved ? 'resolved' : acknowledged ? 'acknowledged' : 'triggered';
  return {
    key: d.key,
    component: d.component,
    vendor: d.vendor,
    id: d.id,
    number: d.number,
    title: d.title,
    severity: d.severity,
    urgency: d.urgency,
    createdAt: d.createdAt,
    status,
    lastStatusChangeAt: resolved ? d.resolvedAt : acknowledged ? d.acknowledgedAt! : d.createdAt,
    ...(acknowledged ? { acknowledgedAt: d.acknowledgedAt, acknowledgedBy: d.acknowledgedBy } : {}),
    ...(resolved ? { resolvedAt: d.resolvedAt, ...(d.resolvedBy ? { resolvedBy: d.resolvedBy } : {}) } : {}),
    assignee: assignment.user!,
    level: assignment.level!,
    assignedAt: assignment.at,
    heldOpen: held,
    events,
  };
}

/** Every incident created on one UTC day by the vendor's components, numbered. Independent of now. */
function draftsOfDay(scenario: Scenario, vendor: 'pagerduty' | 'opsgenie', day: number): Draft[] {
  const memo = memoFor(scenario);
  const key = `${vendor}\u001f${day}`;
  const cached = memo.days.get(key);
  if (cached) return cached;
  const drafts: Draft[] = [];
  for (const [component, c] of Object.entries(scenario.components)) {
    if (!c.incidents || c.oncall?.vendor !== vendor) continue;
    const setup = componentOnCall(scenario, component)!;
    const rng = createRng(scenario.seed, 'incidents', component, day);
    const count = rng.poisson(dailyRate(c.incidents));
    for (let i = 0; i < count; i++) {
      const createdAt = creationTime(rng, day, setup.timeZone);
      drafts.push(lifecycle(scenario, setup, c.incidents, `${day}:${i}`, createdAt));
    }
  }
  drafts.sort((a, b) => a.createdAt - b.createdAt || (a.component + a.key < b.component + b.key ? -1 : 1));
  const base = (day - NUMBER_EPOCH_DAY) * numbersPerDay(scenario, vendor);
  drafts.forEach((d, i) => (d.number = base + i + 1));
  remember(memo.days, key, drafts, 4000);
  return drafts;
}

function dailyRate(incidents: IncidentsScenario): number {
  return (incidents.perMonth * 12) / 365.25;
}

/** Room for each day's numbers: a power of ten well above the expected count, fixed per scenario. */
function numbersPerDay(scenario: Scenario, vendor: 'pagerduty' | 'opsgenie'): number {
  let rate = 0;
  for (const c of Object.values(scenario.components)) {
    if (c.incidents && c.oncall?.vendor === vendor) rate += dailyRate(c.incidents);
  }
  let k = 100;
  while (k < rate * 20) k *= 10;
  return k;
}

/** A bit over half in the team's working hours (if that falls on this UTC day), the rest any time. */
function creationTime(rng: Rng, day: number, timeZone: string): number {
  if (rng.chance(0.55)) {
    const t = atLocalTime(day, 9 * HOUR_MS + rng.int(0, 9 * 3600 - 1) * 1000, timeZone).getTime();
    if (t >= day * DAY_MS && t < (day + 1) * DAY_MS) return t;
  }
  return day * DAY_MS + rng.int(0, 86_399) * 1000;
}

function urgencyOf(severity: Severity, rng: Rng): Urgency {
  if (severity === 'P1' || severity === 'P2') return 'high';
  if (severity === 'P3') return rng.chance(0.5) ? 'high' : 'low';
  return 'low';
}

const seconds = (ms: number) => Math.round(ms / 1000) * 1000;

function lifecycle(
  scenario: Scenario,
  setup: ComponentOnCall,
  incidents: IncidentsScenario,
  key: string,
  createdAt: number,
): Draft {
  const { component, vendor, policy } = setup;
  const rng = createRng(scenario.seed, 'incident', component, key);
  const severity = rng.weighted<Severity>(incidents.severity);
  const urgency = urgencyOf(severity, rng);
  const title = rng.pick(TITLES).replace('{c}', component);
  const autoResolved = rng.chance(urgency === 'low' ? 0.2 : 0.05);
  const ackDelay = seconds(
    (urgency === 'high' ? rng.logNormal(3, 12) : rng.logNormal(12, 60)) * MINUTE_MS + rng.int(5, 55) * 1000,
  );
  // Log-normal with mean mttrHours (sigma 1: the median is mean / e^0.5).
  const duration = incidents.mttrHours * Math.exp(-0.5 + rng.normal()) * HOUR_MS;
  const acknowledgedAt = autoResolved ? undefined : createdAt + ackDelay;
  const resolvedAt = seconds(
    Math.max(createdAt + duration, (acknowledgedAt ?? createdAt) + rng.int(2, 20) * MINUTE_MS, createdAt + 3 * MINUTE_MS),
  );

  // Escalation: level k is notified when level k-1's delay runs out without an acknowledgement.
  const responders = respondersAt(policy, createdAt);
  const events: IncidentEvent[] = [
    { type: 'trigger', at: createdAt },
    { type: 'assign', at: createdAt, user: responders[0]!, level: 1 },
  ];
  const stopAt = acknowledgedAt ?? resolvedAt;
  let reached = 1;
  let levelStart = createdAt;
  for (const level of policy.levels.slice(0, -1)) {
    levelStart += level.delayMinutes * MINUTE_MS;
    if (levelStart >= stopAt) break;
    reached = level.level + 1;
    events.push({ type: 'escalate', at: levelStart, user: responders[reached - 1]!, level: reached });
  }
  const handler = responders[reached - 1]!;
  if (acknowledgedAt !== undefined) events.push({ type: 'acknowledge', at: acknowledgedAt, user: handler });
  const resolvedBy = autoResolved ? undefined : handler;
  events.push({ type: 'resolve', at: resolvedAt, ...(resolvedBy ? { user: resolvedBy } : {}) });

  return {
    key,
    component,
    vendor,
    id: vendor === 'pagerduty' ? longPagerDutyId('Q', scenario.seed, component, key) : seededUuid(scenario.seed, 'alert', component, key),
    number: 0,
    title,
    severity,
    urgency,
    createdAt,
    ...(acknowledgedAt !== undefined ? { acknowledgedAt, acknowledgedBy: handler } : {}),
    resolvedAt,
    ...(resolvedBy ? { resolvedBy } : {}),
    events,
  };
}

interface Memo {
  days: Map<string, Draft[]>;
  views: Map<string, Incident[]>;
}

const memos = new WeakMap<Scenario, Memo>();

function memoFor(scenario: Scenario): Memo {
  let memo = memos.get(scenario);
  if (!memo) {
    memo = { days: new Map(), views: new Map() };
    memos.set(scenario, memo);
  }
  return memo;
}

function remember<T>(map: Map<string, T>, key: string, value: T, limit: number): void {
  if (map.size >= limit) map.delete(map.keys().next().value!);
  map.set(key, value);
}
