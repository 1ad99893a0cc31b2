import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { gapWindows, oncallDirectory } from '../../data/oncall';
import { createSimulator } from '../../server';
import { oncallScenario, TEST_NOW } from '../../testing/fixtures';
import { DAY_MS, HOUR_MS } from '../../time';

const scenario = oncallScenario();
const HOST = 'sim.test:7081';
const simulator = createSimulator({ scenario, now: () => TEST_NOW });
const get = (path: string) => request(simulator).get(`/pagerduty${path}`).set('Host', HOST).set('Authorization', 'Token token=k');
const { services, policies } = oncallDirectory(scenario).pagerduty;
const service = (component: string) => services.find((s) => s.component === component)!;
const policyOf = (component: string) => service(component).policy.id;
const iso = (ms: number) => new Date(ms).toISOString();

describe('PagerDuty GET /oncalls', () => {
  it('gives every level of a policy, a direct user target with schedule, start and end null', async () => {
    const res = await get(`/oncalls?time_zone=UTC&include[]=users&escalation_policy_ids[]=${policyOf('payments-api')}`).expect(200);
    expect(res.body).toMatchObject({ limit: 25, offset: 0, more: false, total: null });
    const rows = res.body.oncalls;
    expect(rows.map((o: any) => o.escalation_level)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({
      escalation_policy: { id: policyOf('payments-api'), type: 'escalation_policy_reference' },
      schedule: { id: service('payments-api').schedules[0]!.id, type: 'schedule_reference', summary: 'payments-api primary' },
      user: { type: 'user', name: expect.any(String), email: expect.stringMatching(/@acme\.example$/), html_url: expect.any(String) },
    });
    expect(Date.parse(rows[0].start)).toBeLessThanOrEqual(TEST_NOW.getTime());
    expect(Date.parse(rows[0].end)).toBeGreaterThan(TEST_NOW.getTime());
    expect(rows[2]).toMatchObject({
      escalation_level: 3,
      schedule: null,
      start: null,
      end: null,
      user: { name: 'Diego Ramos', email: 'diego.ramos@acme.example' },
    });
    // Without include[]=users, users are references.
    const refs = await get(`/oncalls?escalation_policy_ids[]=${policyOf('payments-api')}`).expect(200);
    expect(refs.body.oncalls[0].user).toEqual({
      id: expect.stringMatching(/^P[A-Z0-9]{6}$/),
      type: 'user_reference',
      summary: expect.any(String),
      self: expect.stringMatching(`^http://${HOST}/pagerduty/users/P`),
      html_url: expect.stringMatching(/^https:\/\/acme\.pagerduty\.com\/users\/P/),
    });
  });

  it('takes several escalation_policy_ids[] at once (batching) and pages through them', async () => {
    const ids = ['payments-api', 'busy-service', 'solo-service'].map(policyOf);
    const query = ids.map((id) => `escalation_policy_ids[]=${id}`).join('&');
    const all = await get(`/oncalls?${query}&total=true`).expect(200);
    expect(all.body.total).toBe(3 + 2 + 1);
    const byPolicy = (rows: any[]) =>
      Object.fromEntries(ids.map((id) => [id, rows.filter((o) => o.escalation_policy.id === id).map((o) => o.escalation_level)]));
    expect(byPolicy(all.body.oncalls)).toEqual({ [ids[0]!]: [1, 2, 3], [ids[1]!]: [1, 2], [ids[2]!]: [1] });

    const pages: any[] = [];
    for (let offset = 0, more = true; more; offset += 4) {
      const page = await get(`/oncalls?${query}&limit=4&offset=${offset}`).expect(200);
      pages.push(...page.body.oncalls);
      ({ more } = page.body);
    }
    expect(pages).toEqual(all.body.oncalls);
    // No filter: every policy of the account.
    expect((await get('/oncalls?total=true').expect(200)).body.total).toBe(policies.reduce((n, p) => n + p.levels.length, 0));
  });

  it('gives every shift overlapping since/until, whole; earliest keeps the first per level and user', async () => {
    const since = TEST_NOW.getTime();
    const until = since + 21 * DAY_MS;
    const policy = policyOf('busy-service');
    const res = await get(`/oncalls?escalation_policy_ids[]=${policy}&since=${iso(since)}&until=${iso(until)}&limit=100`).expect(200);
    const level1 = res.body.oncalls.filter((o: any) => o.escalation_level === 1);
    expect(level1.length).toBeGreaterThanOrEqual(3);
    expect(Date.parse(level1[0].start)).toBeLessThanOrEqual(since);
    for (let i = 1; i < level1.length; i++) expect(level1[i].start).toBe(level1[i - 1].end);
    expect(new Set(level1.map((o: any) => o.user.id)).size).toBe(2);

    const earliest = await get(`/oncalls?escalation_policy_ids[]=${policy}&since=${iso(since)}&until=${iso(until)}&earliest=true`).expect(200);
    expect(earliest.body.oncalls).toHaveLength(4); // 2 levels x 2 people
    expect(earliest.body.oncalls.filter((o: any) => o.escalation_level === 1).map((o: any) => o.start)).toEqual(
      level1.slice(0, 2).map((o: any) => o.start),
    );
  });

  it('shows a gap as a missing level-1 entry, and offsets in time_zone', async () => {
    const gap = gapWindows(service('gap-service').schedules[0]!, TEST_NOW.getTime())[0]!;
    const during = iso(gap.start + 2 * HOUR_MS);
    const res = await get(`/oncalls?escalation_policy_ids[]=${policyOf('gap-service')}&since=${during}&until=${during}&time_zone=Europe/Madrid`).expect(200);
    expect(res.body.oncalls.map((o: any) => o.escalation_level)).toEqual([2]);
    expect(res.body.oncalls[0].start).toMatch(/\+0[12]:00$/);
    const week = await get(
      `/oncalls?escalation_policy_ids[]=${policyOf('gap-service')}&since=${iso(TEST_NOW.getTime())}&until=${iso(TEST_NOW.getTime() + 7 * DAY_MS)}`,
    ).expect(200);
    const level1 = week.body.oncalls.filter((o: any) => o.escalation_level === 1);
    expect(level1.some((o: any) => o.end === iso(gap.start).replace('.000Z', 'Z'))).toBe(true);
    expect(level1.some((o: any) => o.start === iso(gap.end).replace('.000Z', 'Z'))).toBe(true);
  });

  it('filters by schedule_ids[] ("null" for direct targets) and user_ids[]', async () => {
    const pay = service('payments-api');
    const bySchedule = await get(`/oncalls?schedule_ids[]=${pay.schedules[1]!.id}`).expect(200);
    expect(bySchedule.body.oncalls.map((o: any) => [o.escalation_policy.id, o.escalation_level])).toEqual([[pay.policy.id, 2]]);
    const direct = await get('/oncalls?schedule_ids[]=null').expect(200);
    expect(direct.body.oncalls.map((o: any) => o.user.summary)).toEqual(['Diego Ramos']);
    const marco = oncallDirectory(scenario).users.find((u) => u.user === 'marco.rossi')!;
    const byUser = await get(`/oncalls?user_ids[]=${marco.pagerdutyId}`).expect(200);
    expect(byUser.body.oncalls.map((o: any) => o.escalation_policy.id)).toEqual([policyOf('solo-service')]);
  });

  it('expands schedules and escalation_policies with include[]', async () => {
    const res = await get(`/oncalls?escalation_policy_ids[]=${policyOf('payments-api')}&include[]=schedules&include[]=escalation_policies`).expect(200);
    expect(res.body.oncalls[0].schedule).toMatchObject({ type: 'schedule', time_zone: 'Europe/London', users: expect.any(Array) });
    expect(res.body.oncalls[0].escalation_policy).toMatchObject({ type: 'escalation_policy', escalation_rules: expect.any(Array) });
  });

  it('rejects unreadable or reversed dates', async () => {
    expect((await get('/oncalls?since=yesterday').expect(400)).body.error).toMatchObject({ code: 2001, errors: ['Since must be a valid date'] });
    await get(`/oncalls?since=${iso(TEST_NOW.getTime())}&until=${iso(TEST_NOW.getTime() - DAY_MS)}`).expect(400);
  });
});

describe('PagerDuty escalation policies', () => {
  it('answers GET /escalation_policies/{id} with rules and targets', async () => {
    const pay = service('payments-api');
    const res = await get(`/escalation_policies/${pay.policy.id}`).expect(200);
    expect(res.body.escalation_policy).toMatchObject({
      id: pay.policy.id,
      type: 'escalation_policy',
      name: 'payments-api escalation',
      num_loops: 1,
      services: [{ id: 'PPAYAPI', type: 'service_reference' }],
      escalation_rules: [
        { escalation_delay_in_minutes: 15, targets: [{ type: 'schedule_reference', id: pay.schedules[0]!.id }] },
        { escalation_delay_in_minutes: 15, targets: [{ type: 'schedule_reference', id: pay.schedules[1]!.id }] },
        { escalation_delay_in_minutes: 30, targets: [{ type: 'user_reference', summary: 'Diego Ramos' }] },
      ],
    });
    const expanded = await get(`/escalation_policies/${pay.policy.id}?include[]=targets`).expect(200);
    expect(expanded.body.escalation_policy.escalation_rules[2].targets[0]).toMatchObject({ type: 'user', email: 'diego.ramos@acme.example' });
    const single = await get(`/escalation_policies/${policyOf('solo-service')}`).expect(200);
    expect(single.body.escalation_policy).toMatchObject({ num_loops: 0, escalation_rules: [expect.any(Object)] });
    await get('/escalation_policies/PNOPE00').expect(404);
  });

  it('lists policies with query, user_ids[] and classic pagination', async () => {
    const all = await get('/escalation_policies?total=true&limit=2').expect(200);
    expect(all.body).toMatchObject({ total: 4, more: true, limit: 2 });
    const marco = oncallDirectory(scenario).users.find((u) => u.user === 'marco.rossi')!;
    const mine = await get(`/escalation_policies?user_ids[]=${marco.pagerdutyId}`).expect(200);
    expect(mine.body.escalation_policies.map((p: any) => p.name)).toEqual(['solo-service escalation']);
    expect((await get('/escalation_policies?query=GAP').expect(200)).body.escalation_policies).toHaveLength(1);
  });
});
