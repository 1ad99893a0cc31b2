import { HOUR_MS, type Scorecard } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer } from '@opsfolio/backstage-plugin-node';
import { compileScorecard, evaluateScorecard } from './engine';
import type { EntityInfo } from './filter';

const NOW = new Date('2026-11-22T12:00:00Z');

// Two checks at bronze, one at silver (tier-1 only), one at gold.
const scorecard: Scorecard = {
  id: 'ready',
  title: 'Ready',
  filter: { kind: ['component'] },
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  targets: { '1': 'gold' },
  checks: [
    { id: 'owned', title: 'Owned', fact: 'ownership.ownerIsGroup', operator: '=', threshold: true, level: 'bronze', description: 'd', fix: { text: 'f' } },
    { id: 'runbook', title: 'Runbook', fact: 'catalog.runbook', operator: '=', threshold: true, level: 'bronze', description: 'd', fix: { text: 'f' } },
    { id: 'levels', title: 'Levels', fact: 'oncall.escalationLevels', operator: '>=', threshold: 2, level: 'silver', description: 'd', fix: { text: 'f' }, filter: { tier: ['1'] } },
    { id: 'cfr', title: 'CFR', fact: 'deployments.changeFailureRateBand', operator: 'in', threshold: ['elite', 'high'], level: 'gold', description: 'd', fix: { text: 'f' } },
  ],
};
const compiled = compileScorecard(scorecard);
const info = (over: Partial<EntityInfo> = {}): EntityInfo => ({ entityRef: 'component:default/a', kind: 'component', tier: '1', ...over });
const titles = new Map([['oncall.escalationLevels', 'Escalation levels']]);
const good: Record<string, FactAnswer> = {
  'ownership.ownerIsGroup': { value: true },
  'catalog.runbook': { value: true },
  'oncall.escalationLevels': { value: 3, observedAt: new Date(NOW.getTime() - HOUR_MS).toISOString(), maxAgeMs: 2 * HOUR_MS },
  'deployments.changeFailureRateBand': { value: 'elite' },
};
const run = (facts: Record<string, FactAnswer>, over: Partial<EntityInfo> = {}, exemptions = [] as Parameters<typeof evaluateScorecard>[1]['exemptions']) =>
  evaluateScorecard(compiled, { info: info(over), facts, exemptions, factTitles: titles, now: NOW });
const stateOf = (r: ReturnType<typeof run>, id: string) => r.results.find(x => x.checkId === id)!.state;

describe('evaluateScorecard', () => {
  it('reaches the top level when every check passes, and says so with the target', () => {
    const r = run(good);
    expect(r.level?.id).toBe('gold');
    expect(r.target?.id).toBe('gold');
    expect(r.next).toBeUndefined();
    expect(r.results.map(x => x.state)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('stops at the first level with a failing check, even when higher checks pass', () => {
    const r = run({ ...good, 'catalog.runbook': { value: false } });
    expect(r.level).toBeNull();
    // Bronze's two checks: one passes.
    expect(r.next).toEqual({ level: { id: 'bronze', title: 'Bronze' }, passing: 1, total: 2 });
    expect(stateOf(r, 'cfr')).toBe('pass');
  });

  it('fails a number below its threshold and explains it with the value and the threshold', () => {
    const r = run({ ...good, 'oncall.escalationLevels': { value: 1, observedAt: NOW.toISOString(), maxAgeMs: HOUR_MS } });
    expect(r.level?.id).toBe('bronze');
    expect(r.next).toEqual({ level: { id: 'silver', title: 'Silver' }, passing: 2, total: 3 });
    const levels = r.results.find(x => x.checkId === 'levels')!;
    expect(levels).toMatchObject({ state: 'fail', value: 1, reason: 'Escalation levels: 1 (needs >= 2).', observedAt: NOW.toISOString() });
  });

  it('reads a missing fact as not reported, never as a failure, and does not reach its level', () => {
    const { 'deployments.changeFailureRateBand': _gone, ...rest } = good;
    const r = run({ ...rest, 'oncall.escalationLevels': { notReported: 'not mapped to an on-call service' } });
    expect(stateOf(r, 'levels')).toBe('not-reported');
    expect(r.results.find(x => x.checkId === 'levels')!.reason).toContain('not mapped to an on-call service');
    expect(stateOf(r, 'cfr')).toBe('not-reported');
    expect(r.results.some(x => x.state === 'fail')).toBe(false);
    expect(r.level?.id).toBe('bronze');
  });

  it('reads a fact older than its source allows as stale, keeping its value', () => {
    const old = new Date(NOW.getTime() - 3 * HOUR_MS).toISOString();
    const r = run({ ...good, 'oncall.escalationLevels': { value: 3, observedAt: old, maxAgeMs: 2 * HOUR_MS } });
    const levels = r.results.find(x => x.checkId === 'levels')!;
    expect(levels.state).toBe('stale');
    expect(levels.value).toBe(3);
    expect(levels.reason).toContain('older than');
    expect(r.level?.id).toBe('bronze');
  });

  it('leaves a check out where its filter does not apply, counting it as passing', () => {
    const r = run({ ...good, 'oncall.escalationLevels': { value: 1 } }, { tier: '3' });
    expect(stateOf(r, 'levels')).toBe('not-applicable');
    expect(r.level?.id).toBe('gold');
    expect(r.target).toBeUndefined();
  });

  it('does not hold a fact with nothing to judge against the entity: not applicable counts as passing', () => {
    const r = run({ ...good, 'deployments.changeFailureRateBand': { notApplicable: 'no production deploy failed in 30 days' } });
    const cfr = r.results.find(x => x.checkId === 'cfr')!;
    expect(cfr).toMatchObject({ state: 'not-applicable', condition: 'in elite, high' });
    expect(cfr.reason).toContain('no production deploy failed in 30 days');
    expect(r.level?.id).toBe('gold');
  });

  it('does not apply to entities outside the scorecard filter', () => {
    const r = run(good, { kind: 'api' });
    expect(r.applicable).toBe(false);
    expect(r.results).toEqual([]);
    expect(r.level).toBeNull();
  });

  it('counts an unexpired exemption as passing and an expired one not at all, reporting it', () => {
    const facts = { ...good, 'catalog.runbook': { value: false } };
    const exempt = run(facts, {}, [{ check: 'runbook', reason: 'Batch job', until: '2026-12-31', expired: false }]);
    expect(stateOf(exempt, 'runbook')).toBe('exempt');
    expect(exempt.results.find(x => x.checkId === 'runbook')!.reason).toMatch(/^Exempt until 2026-12-31: Batch job/);
    expect(exempt.level?.id).toBe('gold');

    const expired = run(facts, {}, [{ check: 'ready/runbook', reason: 'Batch job', until: '2026-11-21', expired: true }]);
    expect(stateOf(expired, 'runbook')).toBe('fail');
    expect(expired.results.find(x => x.checkId === 'runbook')!.exemption).toMatchObject({ expired: true });
    expect(expired.level).toBeNull();
    expect(expired.exemptionProblems).toEqual(['The exemption for ready/runbook expired on 2026-11-21 and no longer counts.']);
  });

  it('leaves a passing check passing when it also has an exemption', () => {
    const r = run(good, {}, [{ check: 'runbook', reason: 'x', until: '2027-01-01', expired: false }]);
    expect(stateOf(r, 'runbook')).toBe('pass');
  });
});
