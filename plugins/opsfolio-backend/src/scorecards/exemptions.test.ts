import { exemptionFor, parseExemptions } from './exemptions';

const TODAY = '2026-11-22';

describe('parseExemptions', () => {
  it('reads a YAML list with unquoted dates, and marks the ones past their last day expired', () => {
    const { exemptions, problems } = parseExemptions(
      `- check: rollback-exercised
  reason: Batch job; a redeploy of the previous image is the rollback.
  until: 2027-03-31
  approvedBy: group:default/team-sre
- check: production-readiness/runbook
  reason: Runbook being written
  until: 2026-11-21
- check: dashboard
  reason: Last day is today
  until: '2026-11-22'
`,
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(exemptions).toEqual([
      { check: 'rollback-exercised', reason: 'Batch job; a redeploy of the previous image is the rollback.', until: '2027-03-31', approvedBy: 'group:default/team-sre', expired: false },
      { check: 'production-readiness/runbook', reason: 'Runbook being written', until: '2026-11-21', expired: true },
      { check: 'dashboard', reason: 'Last day is today', until: '2026-11-22', expired: false },
    ]);
  });

  it('reports entries without a reason or with a bad date, naming the entry, and keeps the good ones', () => {
    const { exemptions, problems } = parseExemptions(
      `- { check: a, reason: '', until: 2027-01-01 }
- { check: b, reason: ok, until: 2027-02-30 }
- { check: c, reason: ok, until: 2027-01-01, by: me }
- { check: d, reason: ok, until: 2027-01-01 }`,
      TODAY,
    );
    expect(exemptions.map(e => e.check)).toEqual(['d']);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/entry 1: reason gives no reason/);
    expect(problems[1]).toMatch(/entry 2: until is not a real day/);
    expect(problems[2]).toMatch(/entry 3: .*by/);
  });

  it('reports an annotation that is not YAML or not a list', () => {
    expect(parseExemptions('check: a', TODAY).problems[0]).toMatch(/must be a YAML list/);
    expect(parseExemptions('- [unclosed', TODAY).problems[0]).toMatch(/is not valid YAML/);
    expect(parseExemptions(undefined, TODAY)).toEqual({ exemptions: [], problems: [] });
  });

  it('prefers an exemption naming the scorecard over a bare check id', () => {
    const list = [
      { check: 'runbook', reason: 'any scorecard', until: '2027-01-01', expired: false },
      { check: 'Production-Readiness/runbook', reason: 'this one', until: '2027-01-01', expired: false },
    ];
    expect(exemptionFor(list, 'production-readiness', 'runbook')?.reason).toBe('this one');
    expect(exemptionFor(list, 'other', 'runbook')?.reason).toBe('any scorecard');
    expect(exemptionFor(list, 'other', 'dashboard')).toBeUndefined();
  });
});
