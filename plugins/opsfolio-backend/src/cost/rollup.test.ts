import type { Entity } from '@backstage/catalog-model';
import type { CostFigures, Money } from '@opsfolio/backstage-plugin-common';
import { buildCostIndex, ownTagKeys, tagValuesOf } from './costIndex';
import { sumFigures } from './figures';
import { rollUpCost } from './rollup';

const group = (name: string, children: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children },
  relations: children.map(c => ({ type: 'parentOf', targetRef: `group:default/${c}` })),
});
const costed = (kind: string, name: string, spec: Record<string, string>, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, annotations },
  spec: { type: 'service', ...spec },
});

// eng ─┬─ payments
//      └─ platform ── sre          finance (no services)
const catalog: Entity[] = [
  group('eng', ['payments', 'platform']),
  group('payments'),
  group('platform', ['sre']),
  group('sre'),
  group('finance'),
  { apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata: { name: 'build' }, spec: { owner: 'platform', domain: 'devtools' } },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Domain', metadata: { name: 'devtools', title: 'Developer tools' }, spec: { owner: 'platform' } },
  costed('Component', 'pay-api', { owner: 'payments' }),
  costed('Component', 'ledger', { owner: 'group:default/payments' }, { 'opsfolio.io/cost-tag': 'service=ledger-v2' }),
  costed('Component', 'infra-dns', { owner: 'sre' }),
  costed('Component', 'ci', { owner: 'platform', system: 'build' }),
  costed('Component', 'orphan', {}),
  costed('Component', 'sso-bridge', { owner: 'user:default/helen' }),
  costed('Component', 'bad', { owner: 'sre' }, { 'opsfolio.io/cost-tag': 'nonsense' }),
  costed('Component', 'other-key', { owner: 'sre' }, { 'opsfolio.io/cost-tag': 'app=dns' }),
  // Claims the same tag value as the component pay-api: the component wins, the clash is reported.
  costed('Resource', 'pay-api', { owner: 'sre' }),
];

const mtd = (monthToDate: Money): CostFigures => ({ monthToDate, lastMonth: {}, forecast: {} });
const spend = new Map<string, CostFigures>([
  ['pay-api', mtd({ USD: 100 })],
  ['ledger-v2', mtd({ USD: 50 })],
  ['ledger', mtd({ USD: 7 })],
  ['infra-dns', mtd({ USD: 20, EUR: 5 })],
  ['ci', mtd({ USD: 30 })],
  ['orphan', mtd({ USD: 4 })],
  ['sso-bridge', mtd({ USD: 6 })],
  ['', mtd({ USD: 40 })],
  ['mystery', mtd({ USD: 3 })],
]);

describe('cost roll-up', () => {
  const index = buildCostIndex(catalog, 'service');

  it('maps tag values to entities, reporting clashes and unusable annotations', () => {
    expect(index.byTag.get('pay-api')).toBe('component:default/pay-api');
    expect(index.byTag.get('ledger-v2')).toBe('component:default/ledger');
    expect(index.byTag.has('ledger')).toBe(false);
    expect(index.conflicts).toEqual([{ tagValue: 'pay-api', refs: ['component:default/pay-api', 'resource:default/pay-api'] }]);
    expect(index.entities.get('component:default/bad')!.tagProblem).toContain('must be key=value');
    // Another tag key is read by that key for the entity itself, not a problem; the overview leaves it out.
    expect(index.entities.get('component:default/other-key')!.tagProblem).toBeUndefined();
    expect(index.byOwnTag.get('app\u0000dns')).toBe('component:default/other-key');
    expect(ownTagKeys(index)).toEqual(['app']);
    expect(tagValuesOf(index, 'component:default/other-key')).toEqual([
      { entityRef: 'component:default/other-key', tag: { key: 'app', value: 'dns', annotated: true } },
    ]);
  });

  it('rolls spend up the group tree and reconciles with the organisation', () => {
    const { rows, unmapped, untagged, organisation } = rollUpCost(index, spend, 'owner');
    const row = (key: string) => rows.find(r => r.key === key)!;
    // Direct: payments 100 + 50; sre 20 USD + 5 EUR (the resource lost its clash, bad/other-key map nothing).
    expect(row('group:default/payments').direct.monthToDate).toEqual({ USD: 150 });
    expect(row('group:default/sre').direct.monthToDate).toEqual({ USD: 20, EUR: 5 });
    expect(row('group:default/platform').direct.monthToDate).toEqual({ USD: 30 });
    expect(row('group:default/eng').direct.monthToDate).toEqual({});
    // Totals: platform 30 + sre 20 = 50 (+5 EUR); eng = payments 150 + platform 50 = 200 (+5 EUR).
    expect(row('group:default/platform').total.monthToDate).toEqual({ USD: 50, EUR: 5 });
    expect(row('group:default/eng').total.monthToDate).toEqual({ USD: 200, EUR: 5 });
    expect(row('group:default/platform').parentRef).toBe('group:default/eng');
    // Every team is listed, a team without services too.
    expect(row('group:default/finance')).toMatchObject({ entities: 0, total: { monthToDate: {} } });
    expect(row('user:default/helen').direct.monthToDate).toEqual({ USD: 6 });
    expect(row('').direct.monthToDate).toEqual({ USD: 4 });
    expect(unmapped.values.map(v => [v.tagValue, v.monthToDate])).toEqual([['ledger', { USD: 7 }], ['mystery', { USD: 3 }]]);
    expect(untagged.monthToDate).toEqual({ USD: 40 });
    // 100 + 50 + 7 + 20 + 30 + 4 + 6 + 40 + 3 = 260 USD; 5 EUR, never added to the dollars.
    expect(organisation.monthToDate).toEqual({ USD: 260, EUR: 5 });
    // Rows' direct (210) + unmapped (10) + untagged (40) = 260.
    expect(sumFigures([...rows.map(r => r.direct), unmapped.figures, untagged]).monthToDate).toEqual(organisation.monthToDate);
  });

  it('rounds to cents so that the shown rows, unmapped and untagged add up to the shown organisation', () => {
    // Fractions of a cent everywhere: payments 100.004 + 50.004, sre 20.004, platform (ci) 30.004, no owner 4.004,
    // helen 6.004, unmapped 7.004 + 3.004, untagged 40.004. Organisation: 260 + 9 × 0.004 = 260.036 → 260.04.
    const fractional = new Map([...spend].map(([tag, f]) => [tag, mtd({ ...f.monthToDate, USD: f.monthToDate.USD! + 0.004 })]));
    const { rows, unmapped, untagged, organisation } = rollUpCost(index, fractional, 'owner');
    expect(organisation.monthToDate).toEqual({ USD: 260.04, EUR: 5 });
    // Rounded one by one the seven parts would show 150.01 + 20 + 30 + 4 + 6 + 10.01 + 40 = 260.02, two cents short.
    // In cents: 15000.8, 2000.4, 3000.4, 400.4, 600.4, 1000.8, 4000.4 → floors 26000, 4 cents left: the two .8
    // remainders (payments, unmapped), then the first two .4 in row order (sre, platform).
    const cents = (m: Money) => Math.round((m.USD ?? 0) * 100);
    const row = (key: string) => rows.find(r => r.key === key)!;
    expect(row('group:default/payments').direct.monthToDate).toEqual({ USD: 150.01 });
    expect(unmapped.figures.monthToDate).toEqual({ USD: 10.01 });
    expect(row('group:default/sre').direct.monthToDate).toEqual({ USD: 20.01, EUR: 5 });
    expect(row('group:default/platform').direct.monthToDate).toEqual({ USD: 30.01 });
    expect(row('').direct.monthToDate).toEqual({ USD: 4 });
    expect(untagged.monthToDate).toEqual({ USD: 40 });
    const shown = [...rows.map(r => r.direct.monthToDate), unmapped.figures.monthToDate, untagged.monthToDate];
    expect(shown.reduce((sum, m) => sum + cents(m), 0)).toBe(26004);
    // A team's total is the sum of the shown figures under it: platform 30.01 + sre 20.01 = 50.02; eng adds payments
    // 150.01 = 200.03 (exact 200.012: its own rounding would show 200.01).
    expect(row('group:default/platform').total.monthToDate).toEqual({ USD: 50.02, EUR: 5 });
    expect(row('group:default/eng').total.monthToDate).toEqual({ USD: 200.03, EUR: 5 });
  });

  it('groups by system and by domain, with what has none in the empty row', () => {
    const bySystem = rollUpCost(index, spend, 'system');
    expect(bySystem.rows.find(r => r.key === 'system:default/build')!.direct.monthToDate).toEqual({ USD: 30 });
    // 100 + 50 + 20 + 4 + 6 = 180 USD and 5 EUR without a system.
    expect(bySystem.rows.find(r => r.key === '')!.direct.monthToDate).toEqual({ USD: 180, EUR: 5 });
    const byDomain = rollUpCost(index, spend, 'domain');
    expect(byDomain.rows.find(r => r.key === 'domain:default/devtools')).toMatchObject({ title: 'Developer tools', direct: { monthToDate: { USD: 30 } } });
  });

  it("finds the tag values of a team (with sub-teams), a system and a single entity", () => {
    const values = (ref: string) => tagValuesOf(index, ref).map(t => t.tag.value).sort();
    expect(values('group:default/platform')).toEqual(['ci', 'infra-dns']);
    expect(values('group:default/eng')).toEqual(['ci', 'infra-dns', 'ledger-v2', 'pay-api']);
    expect(values('system:default/build')).toEqual(['ci']);
    expect(values('domain:default/devtools')).toEqual(['ci']);
    expect(values('component:default/ledger')).toEqual(['ledger-v2']);
    // The resource lost its clash: it shows nothing rather than the component's spend twice.
    expect(values('resource:default/pay-api')).toEqual([]);
  });
});
