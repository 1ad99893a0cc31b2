import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { finalShifts, incidentHistory, oncallDirectory, onCallAt, vendorIncidents } from '../../data/oncall';
import { createSimulator } from '../../server';
import { oncallScenario, TEST_NOW } from '../../testing/fixtures';
import { DAY_MS, HOUR_MS } from '../../time';

const scenario = oncallScenario();
const ctx = { scenario, now: () => TEST_NOW };
const HOST = 'sim.test:7081';
const simulator = createSimulator({ scenario, now: () => TEST_NOW });
const get = (path: string) => request(simulator).get(`/opsgenie${path}`).set('Host', HOST).set('Authorization', 'GenieKey test-key');
const NOW = TEST_NOW.getTime();
const identity = oncallDirectory(scenario).opsgenie.teams.find((t) => t.name === 'identity')!;
const growth = oncallDirectory(scenario).opsgenie.teams.find((t) => t.name === 'growth')!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectEnvelope(res: request.Response): void {
  expect(res.body).toMatchObject({ took: expect.any(Number), requestId: expect.stringMatching(UUID) });
  expect(res.headers['x-request-id']).toBe(res.body.requestId);
  expect(res.headers['x-ratelimit-state']).toBe('OK');
}

describe('Opsgenie teams and schedules', () => {
  it('answers GET /v2/teams/{name}?identifierType=name with members and roles', async () => {
    const res = await get('/v2/teams/identity?identifierType=name').expect(200);
    expectEnvelope(res);
    expect(res.body.data).toMatchObject({ id: identity.id, name: 'identity', links: { api: `http://${HOST}/opsgenie/v2/teams/${identity.id}` } });
    expect(res.body.data.members).toEqual([
      ...['nadia.rahman', 'oscar.lindqvist', 'priya.sharma'].map((u) => ({
        user: { id: expect.stringMatching(UUID), username: `${u}@acme.example` },
        role: 'user',
      })),
      { user: { id: expect.any(String), username: 'helen.park@acme.example' }, role: 'admin' },
    ]);
    await get(`/v2/teams/${identity.id}`).expect(200);
    const missing = await get('/v2/teams/payments?identifierType=name').expect(404);
    expect(missing.body).toMatchObject({ message: expect.stringContaining('does not exist'), requestId: expect.any(String) });
    await get('/v2/teams/identity?identifierType=email').expect(422);
    expect((await get('/v2/teams').expect(200)).body.data.map((t: any) => t.name)).toEqual(['identity', 'growth']);
  });

  it('lists schedules with their owner team; rotations with expand=rotation', async () => {
    const plain = await get('/v2/schedules').expect(200);
    expectEnvelope(plain);
    expect(plain.body.expandable).toEqual(['rotation']);
    expect(plain.body.data[0]).toEqual({
      id: identity.schedule.id,
      name: 'identity_schedule',
      description: expect.any(String),
      timezone: 'Europe/Berlin',
      enabled: true,
      ownerTeam: { id: identity.id, name: 'identity' },
    });
    const expanded = await get('/v2/schedules?expand=rotation').expect(200);
    const [primary, escalation] = expanded.body.data[0].rotations;
    expect(primary).toMatchObject({ name: 'primary', type: 'weekly', length: 1, startDate: expect.any(String) });
    expect(primary.participants.map((p: any) => p.username)).toEqual([
      'nadia.rahman@acme.example',
      'oscar.lindqvist@acme.example',
      'priya.sharma@acme.example',
    ]);
    expect(escalation.participants).toEqual([{ type: 'escalation', id: identity.escalation.id, name: 'identity_escalation' }]);
    expect(expanded.body.data[1].rotations).toEqual([expect.objectContaining({ name: 'primary', type: 'weekly', length: 2 })]);
  });

  it('gives on-call participants: the level-1 user and the escalation with every level', async () => {
    const res = await get('/v2/schedules/identity_schedule/on-calls?identifierType=name&flat=false').expect(200);
    expectEnvelope(res);
    const levelOne = onCallAt(identity.schedule, NOW);
    const next = onCallAt({ ...identity.schedule, offset: 1 }, NOW);
    expect(res.body.data).toEqual({
      _parent: { id: identity.schedule.id, name: 'identity_schedule', enabled: true },
      onCallParticipants: [
        { id: levelOne.opsgenieId, name: levelOne.email, type: 'user' },
        {
          id: identity.escalation.id,
          name: 'identity_escalation',
          type: 'escalation',
          onCallParticipants: [
            { id: levelOne.opsgenieId, name: levelOne.email, type: 'user', escalationTime: 0, notifyType: 'default' },
            { id: next.opsgenieId, name: next.email, type: 'user', escalationTime: 10, notifyType: 'next' },
            { id: expect.any(String), name: 'helen.park@acme.example', type: 'user', escalationTime: 20, notifyType: 'default' },
          ],
        },
      ],
    });
    const flat = await get(`/v2/schedules/${identity.schedule.id}/on-calls?flat=true`).expect(200);
    expect(flat.body.data.onCallRecipients).toEqual([levelOne.email, next.email, 'helen.park@acme.example']);
    // A one-level team has only users.
    const single = await get('/v2/schedules/growth_schedule/on-calls?scheduleIdentifierType=name').expect(200);
    expect(single.body.data.onCallParticipants.map((p: any) => p.type)).toEqual(['user']);
  });

  it('answers for another date, written with an offset (a "+" that arrived as a space too)', async () => {
    const later = NOW + 9 * DAY_MS;
    const expected = onCallAt(identity.schedule, later).email;
    const date = new Date(later + 2 * HOUR_MS).toISOString().slice(0, 19) + '+02:00';
    const escaped = await get(`/v2/schedules/identity_schedule/on-calls?identifierType=name&date=${encodeURIComponent(date)}`).expect(200);
    expect(escaped.body.data.onCallParticipants[0].name).toBe(expected);
    const raw = await get(`/v2/schedules/identity_schedule/on-calls?identifierType=name&date=${date}`).expect(200);
    expect(raw.body.data.onCallParticipants[0].name).toBe(expected);
    await get('/v2/schedules/identity_schedule/on-calls?identifierType=name&date=tomorrow').expect(422);
    await get('/v2/schedules/nope_schedule/on-calls?identifierType=name').expect(404);
  });

  it('gives the timeline of the next two weeks rotation by rotation', async () => {
    const res = await get('/v2/schedules/identity_schedule/timeline?identifierType=name&interval=2&intervalUnit=weeks').expect(200);
    expectEnvelope(res);
    const { data } = res.body;
    expect(Date.parse(data.startDate)).toBe(NOW);
    expect(Date.parse(data.endDate)).toBe(NOW + 14 * DAY_MS);
    const [primary, escalation] = data.finalTimeline.rotations;
    expect(primary.name).toBe('primary');
    const shifts = finalShifts(identity.schedule, NOW, NOW, NOW + 14 * DAY_MS);
    expect(primary.periods.map((p: any) => p.recipient.name)).toEqual(shifts.map((s) => s.user.email));
    for (let i = 1; i < primary.periods.length; i++) expect(primary.periods[i].startDate).toBe(primary.periods[i - 1].endDate);
    expect(primary.periods[0]).toMatchObject({ type: 'default', recipient: { type: 'user', id: expect.stringMatching(UUID) } });
    expect(escalation.periods).toEqual([expect.objectContaining({ recipient: expect.objectContaining({ type: 'escalation' }) })]);
    const base = await get('/v2/schedules/identity_schedule/timeline?identifierType=name&expand=base').expect(200);
    expect(base.body.data.baseTimeline).toEqual(base.body.data.finalTimeline);
    await get('/v2/schedules/identity_schedule/timeline?identifierType=name&intervalUnit=years').expect(422);
  });

  it('lists escalations: the schedule, its next on-call after 10 minutes, the manager after 20', async () => {
    const res = await get('/v2/escalations/identity_escalation?identifierType=name').expect(200);
    expect(res.body.data).toMatchObject({
      id: identity.escalation.id,
      ownerTeam: { name: 'identity' },
      rules: [
        { notifyType: 'default', delay: { timeAmount: 0 }, recipient: { type: 'schedule', id: identity.schedule.id } },
        { notifyType: 'next', delay: { timeAmount: 10 }, recipient: { type: 'schedule', id: identity.schedule.id } },
        { notifyType: 'default', delay: { timeAmount: 20 }, recipient: { type: 'user', username: 'helen.park@acme.example' } },
      ],
    });
    expect((await get('/v2/escalations').expect(200)).body.data.map((e: any) => e.rules.length)).toEqual([3, 1]);
    expect(growth.escalation.levels).toHaveLength(1);
  });
});

describe('Opsgenie alerts', () => {
  const selector = encodeURIComponent('tag:"service:auth-service"');

  it('lists the alerts a component selector matches, newest first, with absolute paging URLs', async () => {
    const expected = incidentHistory(ctx, 'auth-service')!;
    expect(expected.length).toBeGreaterThan(25);
    const first = await get(`/v2/alerts?query=${selector}&limit=10`).expect(200);
    expectEnvelope(first);
    expect(first.body.data).toHaveLength(10);
    expect(first.body.paging.next).toBe(`http://${HOST}/opsgenie/v2/alerts?query=${selector}&limit=10&offset=10`);
    expect(first.body.paging.first).toContain('offset=0');
    const ids: string[] = [];
    let url: string | undefined = `http://${HOST}/opsgenie/v2/alerts?query=${selector}&limit=10`;
    while (url) {
      const next: URL = new URL(url);
      const res: request.Response = await get(`${next.pathname.replace('/opsgenie', '')}${next.search}`).expect(200);
      ids.push(...res.body.data.map((a: any) => a.id));
      url = res.body.paging.next;
    }
    expect(ids).toEqual([...expected].reverse().map((i) => i.id));
    const asc = await get(`/v2/alerts?query=${selector}&sort=createdAt&order=asc&limit=1`).expect(200);
    expect(asc.body.data[0].id).toBe(expected[0]!.id);
  });

  it('shapes alerts as Opsgenie does, with ack and close times in the report', async () => {
    const res = await get(`/v2/alerts?query=${selector}&limit=100`).expect(200);
    const model = new Map(incidentHistory(ctx, 'auth-service')!.map((i) => [i.id, i]));
    for (const a of res.body.data) {
      const i = model.get(a.id)!;
      expect(a).toMatchObject({
        id: expect.stringMatching(UUID),
        tinyId: String(i.number),
        message: i.title,
        status: i.status === 'resolved' ? 'closed' : 'open',
        acknowledged: i.acknowledgedAt !== undefined,
        tags: expect.arrayContaining(['service:auth-service']),
        priority: i.severity,
        teams: [{ id: identity.id }],
        responders: [{ type: 'team', id: identity.id }],
        createdAt: new Date(i.createdAt).toISOString(),
      });
      if (i.acknowledgedAt !== undefined) {
        expect(a.report).toMatchObject({ ackTime: i.acknowledgedAt - i.createdAt, acknowledgedBy: i.acknowledgedBy!.email });
      }
      if (i.resolvedAt !== undefined) expect(a.report.closeTime).toBe(i.resolvedAt - i.createdAt);
    }
    expect(res.body.data.filter((a: any) => a.status === 'open').length).toBeGreaterThanOrEqual(1); // openNow: 1
    const one = await get(`/v2/alerts/${res.body.data[0].id}`).expect(200);
    expect(one.body.data).toMatchObject({ id: res.body.data[0].id, entity: 'auth-service', details: { component: 'auth-service' } });
    await get(`/v2/alerts/${res.body.data[0].tinyId}?identifierType=tiny`).expect(200);
    await get('/v2/alerts/nope').expect(404);
  });

  it('answers team and status queries, and rejects what Opsgenie rejects', async () => {
    const team = await get(`/v2/alerts?query=${encodeURIComponent('teams:identity AND status:open')}&limit=100`).expect(200);
    const open = vendorIncidents(ctx, 'opsgenie').filter((i) => i.status !== 'resolved');
    expect(team.body.data.map((a: any) => a.id).sort()).toEqual(open.map((i) => i.id).sort());
    expect(team.body.paging.next).toBeUndefined();
    const none = await get(`/v2/alerts?query=${encodeURIComponent('tag:"service:storefront-web"')}`).expect(200);
    expect(none.body.data).toEqual([]);
    await get('/v2/alerts?limit=101').expect(422);
    await get('/v2/alerts?sort=colour').expect(422);
    const bad = await get(`/v2/alerts?query=${encodeURIComponent('tag:"open')}`).expect(422);
    expect(bad.body.message).toMatch(/^Invalid query/);
  });
});

describe('Opsgenie auth and faults', () => {
  it('needs Authorization: GenieKey …', async () => {
    const res = await request(simulator).get('/opsgenie/v2/schedules').expect(401);
    expect(res.body).toEqual({ message: 'Could not authenticate', took: expect.any(Number), requestId: expect.any(String) });
    await request(simulator).get('/opsgenie/v2/alerts').set('Authorization', 'Token token=x').expect(401);
  });

  it('answers an injected 429 in Opsgenie\'s throttling shape', async () => {
    const app = createSimulator({ scenario, now: () => TEST_NOW });
    await request(app).post('/_control/faults').send({ vendor: 'opsgenie', path: '/v2/schedules/**', status: 429, times: 1 }).expect(201);
    const throttled = await request(app)
      .get('/opsgenie/v2/schedules/identity_schedule/on-calls?identifierType=name')
      .set('Authorization', 'GenieKey k')
      .expect(429);
    expect(throttled.headers['x-ratelimit-state']).toBe('THROTTLED');
    expect(throttled.headers['x-ratelimit-period-in-sec']).toBe('60');
    expect(throttled.body).toMatchObject({ message: expect.stringContaining('too many requests'), requestId: expect.any(String) });
    await request(app).get('/opsgenie/v2/schedules/identity_schedule/on-calls?identifierType=name').set('Authorization', 'GenieKey k').expect(200);
  });
});
