import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { gapWindows, oncallDirectory } from '../../data/oncall';
import { createSimulator } from '../../server';
import { oncallScenario, TEST_NOW } from '../../testing/fixtures';
import { DAY_MS } from '../../time';

const scenario = oncallScenario();
const simulator = createSimulator({ scenario, now: () => TEST_NOW });
const get = (path: string) => request(simulator).get(`/pagerduty${path}`).set('Authorization', 'Token token=k');
const service = (component: string) => oncallDirectory(scenario).pagerduty.services.find((s) => s.component === component)!;
const NOW = TEST_NOW.getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const span = (entries: { start: string; end: string }[]) => entries.map((e) => [Date.parse(e.start), Date.parse(e.end)]);

describe('PagerDuty schedules', () => {
  it('renders the final schedule for since/until, a gap as missing coverage', async () => {
    const primary = service('gap-service').schedules[0]!;
    const gap = gapWindows(primary, NOW)[0]!;
    const since = NOW;
    const until = NOW + 14 * DAY_MS;
    const res = await get(`/schedules/${primary.id}?since=${iso(since)}&until=${iso(until)}`).expect(200);
    const { schedule } = res.body;
    expect(schedule).toMatchObject({ id: primary.id, type: 'schedule', name: 'gap-service primary', time_zone: 'Europe/Madrid' });
    const final = span(schedule.final_schedule.rendered_schedule_entries);
    expect(final[0]![0]).toBe(since);
    expect(final.at(-1)![1]).toBe(until);
    const holes = final.slice(1).map(([start], i) => [final[i]![1], start]).filter(([end, start]) => start! > end!);
    expect(holes).toEqual([[gap.start, gap.end]]);
    expect(schedule.final_schedule.rendered_coverage_percentage).toBeCloseTo(100 * (1 - 12 / (14 * 24)), 2);
    expect(schedule.final_schedule.rendered_schedule_entries[0].start).toMatch(/\+0[12]:00$/); // the schedule's zone
    // The gap splits the layer: the rotation ends where the gap starts and a new layer takes over after it.
    expect(schedule.schedule_layers.map((l: any) => [l.name, l.end === null])).toEqual([
      ['Layer 2', true],
      ['Layer 1', false],
    ]);
    expect(Date.parse(schedule.schedule_layers[1].end)).toBe(gap.start);
    expect(Date.parse(schedule.schedule_layers[0].start)).toBe(gap.end);
    expect(schedule.schedule_layers[0].rotation_turn_length_seconds).toBe(7 * 86_400);
    expect(schedule.overrides_subschedule.rendered_schedule_entries).toEqual([]);
    expect(schedule.users.map((u: any) => u.summary).sort()).toEqual(['Ada Okafor', 'Ben Carter']);
  });

  it('covers 100% without a gap, defaults to the next two weeks, and overflows on request', async () => {
    const secondary = service('gap-service').schedules[1]!;
    const res = await get(`/schedules/${secondary.id}`).expect(200);
    const final = res.body.schedule.final_schedule;
    expect(final.rendered_coverage_percentage).toBe(100);
    expect(Date.parse(final.rendered_schedule_entries[0].start)).toBe(NOW);
    expect(Date.parse(final.rendered_schedule_entries.at(-1).end)).toBe(NOW + 14 * DAY_MS);
    const overflow = await get(`/schedules/${secondary.id}?overflow=true&time_zone=UTC`).expect(200);
    const first = overflow.body.schedule.final_schedule.rendered_schedule_entries[0];
    expect(Date.parse(first.start)).toBeLessThan(NOW);
    expect(first.start).toMatch(/Z$/);
  });

  it('lists schedules with query and classic pagination', async () => {
    const all = await get('/schedules?total=true').expect(200);
    expect(all.body.total).toBe(2 + 2 + 2 + 1);
    expect(all.body.schedules[0]).toMatchObject({ type: 'schedule', escalation_policies: [expect.objectContaining({ type: 'escalation_policy_reference' })] });
    expect(all.body.schedules[0].final_schedule).toBeUndefined();
    const found = await get('/schedules?query=payments').expect(200);
    expect(found.body.schedules.map((s: any) => s.name)).toEqual(['payments-api primary', 'payments-api secondary']);
    await get('/schedules/PNOPE00').expect(404);
    await get(`/schedules/${service('gap-service').schedules[0]!.id}?since=${iso(NOW)}&until=${iso(NOW - DAY_MS)}`).expect(400);
  });
});
