import { describe, expect, it } from 'vitest';
import type { SimulatorContext } from '../../context';
import { parseScenario } from '../../scenario/load';
import { oncallScenario, ONCALL_SCENARIO_YAML, TEST_NOW } from '../../testing/fixtures';
import { DAY_MS, HOUR_MS, localTimeOf, MINUTE_MS } from '../../time';
import {
  componentOnCall,
  coveragePercent,
  finalShifts,
  gapWindows,
  incidentHistory,
  oncallDirectory,
  policyOnCalls,
  rotationTurns,
  vendorIncidents,
  type Incident,
} from './index';

const scenario = oncallScenario();
const NOW = TEST_NOW.getTime();
const at = (now: number): SimulatorContext => ({ scenario, now: () => new Date(now) });
const setup = (component: string) => componentOnCall(scenario, component)!;

describe('on-call directory', () => {
  it('is a pure function of the scenario, with stable vendor-style ids', () => {
    const a = oncallDirectory(scenario);
    const b = oncallDirectory(oncallScenario());
    expect(JSON.stringify([...b.components.values()])).toBe(JSON.stringify([...a.components.values()]));
    const pagerdutyIds = [
      ...a.users.map((u) => u.pagerdutyId),
      ...a.pagerduty.services.flatMap((s) => [s.id, s.policy.id, ...s.schedules.flatMap((r) => [r.id, r.layerId])]),
      ...a.pagerduty.services.flatMap((s) => [...s.policy.levels.map((l) => l.ruleId), ...s.integrations.map((i) => i.id)]),
    ];
    for (const id of pagerdutyIds) expect(id).toMatch(/^P[A-Z0-9]{6}$/);
    expect(new Set(pagerdutyIds).size).toBe(pagerdutyIds.length);
    for (const u of a.users) expect(u.opsgenieId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.users.find((u) => u.user === 'ada.okafor')).toMatchObject({ name: 'Ada Okafor', email: 'ada.okafor@acme.example' });

    // Adding a component changes no one else's ids.
    const bigger = parseScenario(
      `${ONCALL_SCENARIO_YAML}  extra:\n    repo: { github: acme/extra }\n    oncall: { vendor: pagerduty, serviceId: PEXTRA1, rota: [zoe.kowalski], rotationDays: 7, escalationLevels: 2 }\n`,
    );
    const after = oncallDirectory(bigger);
    for (const u of a.users) expect(after.users.find((x) => x.user === u.user)!.pagerdutyId).toBe(u.pagerdutyId);
    expect(after.components.get('payments-api')!.policy.id).toBe(a.components.get('payments-api')!.policy.id);
  });

  it('builds levels: the rota, the rota one person on, then the manager paged directly', () => {
    const { policy, pagerduty } = setup('payments-api');
    expect(policy.levels.map((l) => l.targets[0]!.type)).toEqual(['schedule', 'schedule', 'user']);
    expect(pagerduty!.schedules.map((s) => [s.name, s.offset])).toEqual([
      ['payments-api primary', 0],
      ['payments-api secondary', 1],
    ]);
    const manager = policy.levels[2]!.targets[0]!;
    expect(manager.type === 'user' && manager.user.user).toBe('diego.ramos');
    expect(setup('solo-service').policy.levels).toHaveLength(1);
    expect(setup('busy-service').pagerduty!.integrations[0]).toMatchObject({
      type: 'events_api_v2_inbound_integration',
      integrationKey: '0123456789abcdef0123456789abcdef',
    });
  });

  it('shares one Opsgenie team between its components', () => {
    const { teams } = oncallDirectory(scenario).opsgenie;
    expect(teams.map((t) => [t.name, t.components])).toEqual([
      ['identity', ['auth-service', 'user-profile']],
      ['growth', ['storefront-web']],
    ]);
    const identity = teams[0]!;
    expect(identity.schedule.name).toBe('identity_schedule');
    expect(identity.members.find((m) => m.role === 'admin')!.user.user).toBe('helen.park');
    expect(identity.escalation.levels.map((l) => { const t = l.targets[0]!; return t.type === 'user' ? 'user' : t.notifyType; })).toEqual([
      'default',
      'next',
      'user',
    ]);
  });
});

describe('rotations', () => {
  it('hand over at 09:00 local every rotationDays, to the next on the rota; secondary runs one person on', () => {
    const [primary, secondary] = setup('payments-api').pagerduty!.schedules;
    const turns = rotationTurns(primary!, NOW, NOW + 21 * DAY_MS);
    expect(turns.length).toBeGreaterThanOrEqual(3);
    for (const [i, turn] of turns.entries()) {
      const local = localTimeOf(new Date(turn.start), 'Europe/London');
      expect(local.msIntoDay).toBe(9 * HOUR_MS);
      expect(new Date(local.dayIndex * DAY_MS).getUTCDay()).toBe(1); // a Monday
      expect(Math.round((turn.end - turn.start) / HOUR_MS)).toBe(7 * 24);
      if (i > 0) {
        const rota = primary!.members.map((m) => m.user);
        expect(rota.indexOf(turn.user.user)).toBe((rota.indexOf(turns[i - 1]!.user.user) + 1) % rota.length);
      }
    }
    const second = rotationTurns(secondary!, NOW, NOW);
    const rota = primary!.members;
    expect(rota.indexOf(second[0]!.user)).toBe((rota.indexOf(turns[0]!.user) + 1) % rota.length);
  });

  it('cuts the gap out of level 1, relative to today in the rota time zone', () => {
    const [primary, secondary] = setup('gap-service').pagerduty!.schedules;
    const [gap] = gapWindows(primary!, NOW);
    const local = localTimeOf(new Date(gap!.start), 'Europe/Madrid');
    expect(local.dayIndex - localTimeOf(TEST_NOW, 'Europe/Madrid').dayIndex).toBe(4);
    expect(local.msIntoDay).toBe(20 * HOUR_MS);
    expect(gap!.end - gap!.start).toBe(12 * HOUR_MS);

    const week = [NOW, NOW + 7 * DAY_MS] as const;
    const shifts = finalShifts(primary!, NOW, ...week);
    expect(shifts.some((s) => s.start < gap!.end && s.end > gap!.start)).toBe(false);
    expect(coveragePercent(shifts, ...week)).toBeCloseTo(100 - (12 / (7 * 24)) * 100, 1);
    expect(coveragePercent(finalShifts(secondary!, NOW, ...week), ...week)).toBe(100);
    // During the gap nobody is on call at level 1, but level 2 still is.
    const during = policyOnCalls(setup('gap-service').policy, NOW, gap!.start + HOUR_MS, gap!.start + HOUR_MS);
    expect(during.map((e) => e.level)).toEqual([2]);
  });

  it('gives every level at every instant, a direct user without start or end', () => {
    const entries = policyOnCalls(setup('payments-api').policy, NOW, NOW, NOW);
    expect(entries.map((e) => [e.level, e.schedule ? 'schedule' : 'user'])).toEqual([
      [1, 'schedule'],
      [2, 'schedule'],
      [3, 'user'],
    ]);
    expect(entries[0]!.start! <= NOW && NOW < entries[0]!.end!).toBe(true);
    expect([entries[2]!.start, entries[2]!.end]).toEqual([undefined, undefined]);
    expect(entries[0]!.user).not.toBe(entries[1]!.user);
  });

  it('merges a one-person rota into one long shift', () => {
    const [only] = setup('solo-service').pagerduty!.schedules;
    const shifts = finalShifts(only!, NOW, NOW, NOW + 14 * DAY_MS);
    expect(shifts).toHaveLength(1);
    expect(shifts[0]!.end - shifts[0]!.start).toBeGreaterThan(100 * DAY_MS);
  });
});

describe('incidents', () => {
  const history = (component: string, now = NOW) => incidentHistory(at(now), component)!;

  it('is a pure function of scenario, seed and now', () => {
    const a = vendorIncidents(at(NOW), 'pagerduty');
    const b = vendorIncidents({ scenario: oncallScenario(), now: () => new Date(NOW) }, 'pagerduty');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(incidentHistory(at(NOW), 'gap-service')).toBeUndefined();
    const reseeded = vendorIncidents({ scenario: { ...scenario, seed: 12 }, now: () => TEST_NOW }, 'pagerduty');
    expect(reseeded[0]!.id).not.toBe(a[0]!.id);
  });

  it('keeps ids, numbers and times as the clock moves on', () => {
    const today = history('busy-service');
    const later = new Map(history('busy-service', NOW + 2 * DAY_MS).map((i) => [i.id, i]));
    const settled = today.filter((i) => i.status === 'resolved' && i.createdAt > NOW - 100 * DAY_MS);
    expect(settled.length).toBeGreaterThan(50);
    for (const i of settled) {
      const same = later.get(i.id)!;
      expect(same, i.id).toBeDefined();
      expect([same.number, same.createdAt, same.resolvedAt, same.acknowledgedAt]).toEqual([
        i.number,
        i.createdAt,
        i.resolvedAt,
        i.acknowledgedAt,
      ]);
    }
  });

  it('has unique ids and numbers growing with creation, within the window', () => {
    for (const vendor of ['pagerduty', 'opsgenie'] as const) {
      const all = vendorIncidents(at(NOW), vendor);
      expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
      for (const [k, i] of all.entries()) {
        if (k > 0) expect(i.number).toBeGreaterThan(all[k - 1]!.number);
        expect(i.createdAt).toBeLessThanOrEqual(NOW);
        expect(i.createdAt).toBeGreaterThanOrEqual(NOW - 121 * DAY_MS);
      }
    }
    for (const i of vendorIncidents(at(NOW), 'pagerduty')) expect(i.id).toMatch(/^Q[A-Z0-9]{13}$/);
  });

  it('follows trigger -> assign -> escalate -> acknowledge -> resolve, acknowledged by whoever it reached', () => {
    const all = [...history('busy-service'), ...history('payments-api')];
    let escalated = 0;
    let auto = 0;
    for (const i of all) {
      const times = i.events.map((e) => e.at);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(i.events[0]).toMatchObject({ type: 'trigger', at: i.createdAt });
      expect(i.events[1]).toMatchObject({ type: 'assign', level: 1 });
      const ack = i.events.find((e) => e.type === 'acknowledge');
      const lastAssign = i.events.filter((e) => e.type === 'assign' || e.type === 'escalate').at(-1)!;
      if (ack) {
        expect(ack.at).toBe(i.acknowledgedAt);
        expect(ack.user).toBe(lastAssign.user);
        expect(i.acknowledgedAt! - i.createdAt).toBeLessThan(12 * HOUR_MS);
      }
      if (i.events.some((e) => e.type === 'escalate')) escalated++;
      if (i.status === 'resolved') {
        expect(i.events.at(-1)).toMatchObject({ type: 'resolve', at: i.resolvedAt });
        if (!i.resolvedBy) auto++;
        expect(i.resolvedAt!).toBeGreaterThan(i.createdAt + 2 * MINUTE_MS);
      }
    }
    expect(escalated).toBeGreaterThan(0);
    expect(auto).toBeGreaterThan(0);
  });

  it('comes at about perMonth, resolves in about mttrHours, mostly acknowledged within minutes', () => {
    const busy = history('busy-service');
    const days = 120;
    expect(busy.length / (days / 30.44)).toBeGreaterThan(22);
    expect(busy.length / (days / 30.44)).toBeLessThan(38);
    const resolved = busy.filter((i): i is Incident & { resolvedAt: number } => i.resolvedAt !== undefined);
    const mttr = resolved.reduce((sum, i) => sum + (i.resolvedAt - i.createdAt), 0) / resolved.length / HOUR_MS;
    expect(mttr).toBeGreaterThan(1.5);
    expect(mttr).toBeLessThan(5);
    const acked = busy.filter((i) => i.acknowledgedAt !== undefined);
    const medianAck = acked.map((i) => i.acknowledgedAt! - i.createdAt).sort((a, b) => a - b)[Math.floor(acked.length / 2)]!;
    expect(medianAck).toBeLessThan(30 * MINUTE_MS);
    expect(new Set(busy.map((i) => i.urgency))).toEqual(new Set(['high', 'low']));
  });

  it('holds the openNow most recent incidents open, their resolution not visible yet', () => {
    for (const [component, n] of [['busy-service', 2], ['auth-service', 1]] as const) {
      const h = history(component);
      const latest = h.slice(-n);
      for (const i of latest) {
        expect(i.heldOpen).toBe(true);
        expect(['triggered', 'acknowledged']).toContain(i.status);
        expect(i.resolvedAt).toBeUndefined();
        expect(i.events.some((e) => e.type === 'resolve')).toBe(false);
      }
      expect(h.filter((i) => i.heldOpen)).toHaveLength(n);
    }
    // Once newer incidents come along, the held one shows its own resolution, in the past.
    const held = history('busy-service').at(-2)!;
    const later = history('busy-service', NOW + 5 * DAY_MS).find((i) => i.id === held.id)!;
    expect(later.status).toBe('resolved');
    expect(later.heldOpen).toBe(false);
    expect(history('payments-api').every((i) => !i.heldOpen)).toBe(true);
  });
});
