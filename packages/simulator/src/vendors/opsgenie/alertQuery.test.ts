import { describe, expect, it } from 'vitest';
import { parseAlertQuery, QueryError, type QueryableAlert } from './alertQuery';

const alert = (overrides: Partial<QueryableAlert['text']> = {}, createdAt = 1_700_000_000_000): QueryableAlert => ({
  text: {
    tag: ['service:payments-api', 'urgency:high', 'datadog'],
    teams: ['Payments', 'team-uuid'],
    status: 'open',
    acknowledged: 'false',
    priority: 'P2',
    message: 'High error rate on payments-api',
    'details.component': 'payments-api',
    ...overrides,
  },
  times: { createdAt, count: 2 },
});

const matches = (query: string, a = alert()) => parseAlertQuery(query)(a);

describe('Opsgenie alert query', () => {
  it('reads component selectors as the catalog writes them', () => {
    expect(matches('tag:"service:payments-api"')).toBe(true);
    expect(matches('tag:"service:payments"')).toBe(false);
    expect(matches('tags: "service:payments-api"')).toBe(true);
    expect(matches('teams:Payments AND tag:"service:payments-api"')).toBe(true);
    expect(matches('teams:payments AND tag:component=foo')).toBe(false);
    expect(matches('tag:component=foo', alert({ tag: ['component=foo'] }))).toBe(true);
  });

  it('combines with AND, OR, NOT, juxtaposition and parentheses', () => {
    expect(matches('status:closed OR priority:P2')).toBe(true);
    expect(matches('status:closed or priority:P1')).toBe(false);
    expect(matches('NOT status:closed')).toBe(true);
    expect(matches('status:open priority:P2')).toBe(true);
    expect(matches('status:open priority:P1')).toBe(false);
    expect(matches('(priority:P1 OR priority:P2) AND NOT acknowledged:true')).toBe(true);
    expect(matches('')).toBe(true);
  });

  it('matches text by contains, exact with =, wildcards, free text, details and time comparisons', () => {
    expect(matches('message:"error rate"')).toBe(true);
    expect(matches('message = "error rate"')).toBe(false);
    expect(matches('message="High error rate on payments-api"')).toBe(true);
    expect(matches('tag:service:pay*')).toBe(true);
    expect(matches('priority!=P2')).toBe(false);
    expect(matches('error')).toBe(true);
    expect(matches('component:payments-api')).toBe(true);
    expect(matches('createdAt > 1699999999999')).toBe(true);
    expect(matches('createdAt>=1700000000001')).toBe(false);
    expect(matches('createdAt < 15-11-2023')).toBe(true);
  });

  it('rejects broken queries', () => {
    for (const bad of ['tag:"open', '(status:open', 'status:open)', 'status:', 'message > 3']) {
      expect(() => parseAlertQuery(bad), bad).toThrow(QueryError);
    }
  });
});
