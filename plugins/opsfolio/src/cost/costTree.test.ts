import type { CostFigures, CostOverviewRow } from '@opsfolio/backstage-plugin-common';
import { costTree } from './costTree';

const figures = (mtd: number): CostFigures => ({ monthToDate: { USD: mtd }, lastMonth: {}, forecast: {} });
const row = (key: string, total: number, parentRef?: string): CostOverviewRow => ({
  key,
  parentRef,
  direct: figures(total),
  total: figures(total),
  entities: 1,
});

const order = (rows: CostOverviewRow[]) => costTree(rows).map(r => `${'  '.repeat(r.depth)}${r.row.key}${r.hasChildren ? '/' : ''}`);

describe('costTree', () => {
  it('puts parents before children, siblings by spend, and the no-owner row last', () => {
    const rows = [
      row('', 500),
      row('group:default/checkout', 10, 'group:default/payments'),
      row('group:default/payments', 60, 'group:default/eng'),
      row('user:default/jane', 5),
      row('group:default/search', 80, 'group:default/eng'),
      row('group:default/eng', 150),
    ];
    expect(order(rows)).toEqual([
      'group:default/eng/',
      '  group:default/search',
      '  group:default/payments/',
      '    group:default/checkout',
      'user:default/jane',
      '',
    ]);
  });

  it('makes a row whose parent is not in the table a root', () => {
    expect(order([row('group:default/a', 1, 'group:default/gone'), row('group:default/b', 2)])).toEqual(['group:default/b', 'group:default/a']);
  });

  it('ranks by the largest currency and breaks ties by key', () => {
    const eur = { ...row('group:default/eur', 0), total: { ...figures(0), monthToDate: { EUR: 90, USD: 1 } } };
    expect(order([row('group:default/z', 50), row('group:default/y', 50), eur])).toEqual([
      'group:default/eur',
      'group:default/y',
      'group:default/z',
    ]);
  });

  it('still lists every row of a cycle in the group tree', () => {
    const rows = [row('group:default/a', 2, 'group:default/b'), row('group:default/b', 1, 'group:default/a')];
    expect(order(rows)).toEqual(['group:default/a/', '  group:default/b/']);
  });
});
