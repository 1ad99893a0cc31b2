import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { incidentHistory, vendorIncidents } from '../../data/oncall';
import { createSimulator } from '../../server';
import { oncallScenario, TEST_NOW } from '../../testing/fixtures';
import { DAY_MS } from '../../time';

const scenario = oncallScenario();
const ctx = { scenario, now: () => TEST_NOW };
const simulator = createSimulator({ scenario, now: () => TEST_NOW });
const get = (path: string) => request(simulator).get(`/pagerduty${path}`).set('Authorization', 'Token token=k');
const NOW = TEST_NOW.getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const last90 = `since=${iso(NOW - 90 * DAY_MS)}&until=${iso(NOW)}`;

async function allPages(query: string, limit = 25): Promise<{ items: any[]; requests: number }> {
  const items: any[] = [];
  let requests = 0;
  for (let offset = 0, more = true; more; offset += limit) {
    const res = await get(`/incidents?${query}&limit=${limit}&offset=${offset}`).expect(200);
    requests++;
    expect(res.body).toMatchObject({ limit, offset });
    items.push(...res.body.incidents);
    ({ more } = res.body);
  }
  return { items, requests };
}

describe('PagerDuty GET /incidents', () => {
  it('pages through 60+ incidents of the last 90 days, 25 at a time', async () => {
    const expected = incidentHistory(ctx, 'busy-service')!.filter((i) => i.createdAt >= NOW - 90 * DAY_MS);
    expect(expected.length).toBeGreaterThanOrEqual(60);
    const first = await get(`/incidents?service_ids[]=PBUSY01&${last90}&total=true`).expect(200);
    expect(first.body).toMatchObject({ limit: 25, offset: 0, more: true, total: expected.length });
    expect(first.body.incidents).toHaveLength(25);
    const { items, requests } = await allPages(`service_ids[]=PBUSY01&${last90}`);
    expect(requests).toBe(Math.ceil(expected.length / 25));
    expect(items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    // The default window is the month before now; limit is capped at 100.
    const month = await get('/incidents?service_ids[]=PBUSY01&total=true&limit=500').expect(200);
    expect(month.body.limit).toBe(100);
    expect(month.body.total).toBe(expected.filter((i) => i.createdAt >= NOW - 30 * DAY_MS).length);
  });

  it('takes several service_ids[] at once', async () => {
    const both = await allPages(`service_ids[]=PPAYAPI&service_ids[]=PBUSY01&${last90}`, 100);
    const expected = vendorIncidents(ctx, 'pagerduty').filter((i) => i.createdAt >= NOW - 90 * DAY_MS);
    expect(both.items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    expect(new Set(both.items.map((i) => i.service.id))).toEqual(new Set(['PPAYAPI', 'PBUSY01']));
  });

  it('lists items in PagerDuty shape; acknowledgements only while acknowledged, resolved_at once resolved', async () => {
    const { items } = await allPages(`service_ids[]=PBUSY01&${last90}`, 100);
    for (const i of items) {
      expect(i).toMatchObject({
        id: expect.stringMatching(/^Q[A-Z0-9]{13}$/),
        type: 'incident',
        incident_number: expect.any(Number),
        title: expect.any(String),
        status: expect.stringMatching(/^(triggered|acknowledged|resolved)$/),
        urgency: expect.stringMatching(/^(high|low)$/),
        created_at: expect.stringMatching(/Z$/),
        last_status_change_at: expect.any(String),
        service: { id: 'PBUSY01', type: 'service_reference' },
        escalation_policy: { type: 'escalation_policy_reference' },
        html_url: `https://acme.pagerduty.com/incidents/${i.id}`,
        priority: { type: 'priority_reference', summary: expect.stringMatching(/^P[1-5]$/) },
      });
      expect(i.summary).toBe(`[#${i.incident_number}] ${i.title}`);
      if (i.status === 'resolved') {
        expect(i.resolved_at).toBe(i.last_status_change_at);
        expect(i.acknowledgements).toEqual([]);
        expect(i.assignments).toEqual([]);
      } else {
        expect(i.resolved_at).toBeNull();
        expect(i.assignments).toHaveLength(1);
      }
      if (i.status === 'acknowledged') {
        expect(i.acknowledgements).toEqual([{ at: i.last_status_change_at, acknowledger: expect.objectContaining({ type: 'user_reference' }) }]);
      }
    }
    const open = items.filter((i) => i.status !== 'resolved');
    expect(open.length).toBeGreaterThanOrEqual(2); // openNow: 2
  });

  it('filters by statuses[], urgencies[] and user_ids[]; sorts; date_range=all', async () => {
    const open = await get('/incidents?service_ids[]=PBUSY01&statuses[]=triggered&statuses[]=acknowledged&date_range=all').expect(200);
    const model = incidentHistory(ctx, 'busy-service')!.filter((i) => i.status !== 'resolved');
    expect(open.body.incidents.map((i: any) => i.id)).toEqual(model.map((i) => i.id));
    const low = await allPages(`service_ids[]=PBUSY01&urgencies[]=low&${last90}`, 100);
    expect(low.items.length).toBeGreaterThan(0);
    expect(low.items.every((i) => i.urgency === 'low')).toBe(true);
    const assignee = model[0]!.assignee.pagerdutyId;
    const mine = await get(`/incidents?user_ids[]=${assignee}&date_range=all`).expect(200);
    expect(mine.body.incidents.map((i: any) => i.id)).toContain(model[0]!.id);
    expect(mine.body.incidents.every((i: any) => i.status !== 'resolved')).toBe(true);
    const desc = await get(`/incidents?service_ids[]=PBUSY01&${last90}&sort_by=created_at:desc&limit=3`).expect(200);
    const created = desc.body.incidents.map((i: any) => i.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    const everything = await get('/incidents?date_range=all&total=true&limit=1').expect(200);
    expect(everything.body.total).toBe(vendorIncidents(ctx, 'pagerduty').length);
  });

  it('rejects what PagerDuty rejects', async () => {
    const bad = await get('/incidents?statuses[]=open').expect(400);
    expect(bad.body).toEqual({
      error: { message: 'Invalid Input Provided', code: 2001, errors: ['Status must be a list of triggered, acknowledged, or resolved.'] },
    });
    await get('/incidents?urgencies[]=urgent').expect(400);
    await get('/incidents?sort_by=title').expect(400);
    await get(`/incidents?since=${iso(NOW - 200 * DAY_MS)}&until=${iso(NOW)}`).expect(400); // over six months
    await get('/incidents?limit=abc').expect(400);
    await get('/incidents/QNOPE/log_entries').expect(404);
  });
});

describe('PagerDuty incident log entries', () => {
  it('give the acknowledgement time of a resolved incident (the incident itself no longer has it)', async () => {
    const resolvedAcked = incidentHistory(ctx, 'busy-service')!.filter(
      (i) => i.status === 'resolved' && i.acknowledgedAt !== undefined,
    );
    expect(resolvedAcked.length).toBeGreaterThan(10);
    for (const incident of resolvedAcked.slice(-5)) {
      const one = await get(`/incidents/${incident.id}`).expect(200);
      expect(one.body.incident.acknowledgements).toEqual([]);
      const res = await get(`/incidents/${incident.id}/log_entries`).expect(200);
      const entries = res.body.log_entries;
      const times = entries.map((e: any) => e.created_at);
      expect([...times].sort().reverse()).toEqual(times); // newest first
      const trigger = entries.find((e: any) => e.type === 'trigger_log_entry');
      const ack = entries.find((e: any) => e.type === 'acknowledge_log_entry');
      const resolve = entries.find((e: any) => e.type === 'resolve_log_entry');
      expect(Date.parse(ack.created_at) - Date.parse(trigger.created_at)).toBe(incident.acknowledgedAt! - incident.createdAt);
      expect(Date.parse(resolve.created_at)).toBe(incident.resolvedAt);
      expect(ack.agent).toMatchObject({ type: 'user_reference', id: incident.acknowledgedBy!.pagerdutyId });
      expect(trigger.agent).toMatchObject({ type: 'service_reference', id: 'PBUSY01' });
      expect(trigger.incident).toMatchObject({ id: incident.id, type: 'incident_reference' });
      expect(one.body.incident.first_trigger_log_entry.id).toBe(trigger.id);
    }
  });

  it('show escalations by timeout and integration resolutions, and page', async () => {
    const history = incidentHistory(ctx, 'busy-service')!;
    const escalated = history.find((i) => i.status === 'resolved' && i.events.some((e) => e.type === 'escalate'))!;
    const res = await get(`/incidents/${escalated.id}/log_entries?total=true&limit=2`).expect(200);
    expect(res.body).toMatchObject({ limit: 2, more: true, total: escalated.events.length });
    const all = await get(`/incidents/${escalated.id}/log_entries`).expect(200);
    const escalation = all.body.log_entries.find((e: any) => e.type === 'escalate_log_entry');
    expect(escalation).toMatchObject({ channel: { type: 'timeout' }, escalation_level: 2, assignees: [{ type: 'user_reference' }] });
    const overview = await get(`/incidents/${escalated.id}/log_entries?is_overview=true`).expect(200);
    expect(overview.body.log_entries.map((e: any) => e.type)).not.toContain('assign_log_entry');

    const auto = history.find((i) => i.status === 'resolved' && !i.resolvedBy)!;
    const autoEntries = (await get(`/incidents/${auto.id}/log_entries`).expect(200)).body.log_entries;
    expect(autoEntries.map((e: any) => e.type)).not.toContain('acknowledge_log_entry');
    expect(autoEntries[0]).toMatchObject({ type: 'resolve_log_entry', agent: { type: 'service_reference' }, channel: { type: 'api' } });
  });
});

describe('PagerDuty GET /log_entries (the whole account)', () => {
  it("lists every incident's entries in a range, newest first, with the acknowledgements of resolved incidents", async () => {
    const since = NOW - 30 * DAY_MS;
    const res = await get(`/log_entries?since=${iso(since)}&until=${iso(NOW)}&is_overview=true&limit=100`).expect(200);
    const entries: any[] = res.body.log_entries;
    expect(entries.length).toBeGreaterThan(0);
    const times = entries.map((e) => Date.parse(e.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(entries.every((e) => e.type !== 'assign_log_entry' && Date.parse(e.created_at) >= since)).toBe(true);
    // The same acknowledgement as the incident's own log.
    const acked = incidentHistory(ctx, 'busy-service')!.filter((i) => i.status === 'resolved' && i.acknowledgedAt !== undefined && i.createdAt >= since);
    const all: any[] = [];
    for (let offset = 0, more = true; more; offset += 100) {
      const page = await get(`/log_entries?since=${iso(since)}&until=${iso(NOW)}&is_overview=true&limit=100&offset=${offset}`).expect(200);
      all.push(...page.body.log_entries);
      more = page.body.more;
    }
    for (const incident of acked.slice(-3)) {
      const ack = all.find((e) => e.type === 'acknowledge_log_entry' && e.incident.id === incident.id);
      expect(Date.parse(ack.created_at)).toBe(incident.acknowledgedAt);
    }
  });

  it('refuses to page past an offset of 10,000, as PagerDuty does', async () => {
    await get('/log_entries?limit=100&offset=9900').expect(200);
    const res = await get('/log_entries?limit=100&offset=9901').expect(400);
    expect(res.body.error.errors[0]).toMatch(/offset/i);
    await get(`/log_entries?since=${iso(NOW)}&until=${iso(NOW - DAY_MS)}`).expect(400);
  });
});
