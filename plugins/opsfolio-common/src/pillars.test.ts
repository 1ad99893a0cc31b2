import { describePillars } from './pillars';

const component = (annotations: Record<string, string>, spec: Record<string, unknown> = { owner: 'group:team-a' }) => ({
  kind: 'Component',
  metadata: { name: 'svc', annotations },
  spec,
});

describe('describePillars', () => {
  it('marks a pillar configured only by its own annotations', () => {
    const pillars = describePillars(
      component({ 'github.com/project-slug': 'acme/svc', 'opsgenie.com/team': 'Payments' }),
    );
    expect(pillars.deployments).toEqual({
      pillar: 'deployments',
      configured: true,
      found: { 'github.com/project-slug': 'acme/svc' },
      fix: ['github.com/project-slug', 'gitlab.com/project-slug'],
    });
    expect(pillars.oncall.configured).toBe(true);
    expect(pillars.oncall.found).toEqual({ 'opsgenie.com/team': 'Payments' });
    expect(pillars.cost.configured).toBe(false);
    expect(pillars.cost.fix).toEqual(['opsfolio.io/cost-tag']);
  });

  it('ignores blank annotation values', () => {
    expect(describePillars(component({ 'pagerduty.com/service-id': '  ' })).oncall.configured).toBe(false);
  });

  it('reads ownership from spec.owner and scores components only', () => {
    expect(describePillars(component({})).ownership.found).toEqual({ 'spec.owner': 'group:team-a' });
    expect(describePillars(component({}, {})).ownership.configured).toBe(false);
    expect(describePillars({ kind: 'API', metadata: { name: 'x' } }).scorecards.configured).toBe(false);
    expect(describePillars(component({ 'opsfolio.io/tier': '1' })).scorecards.found).toEqual({ 'opsfolio.io/tier': '1' });
  });
});
