import type { Incident, OnCallNow, OnCallPerson, OnCallShift } from '@opsfolio/backstage-plugin-common';
import { escalationFacts, responseTimes } from './responseTimes';

// The window: 2025-03-01 00:00Z (inclusive) to 2025-03-31 00:00Z (exclusive), 30 days.
const WINDOW = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-31T00:00:00Z') };

/** An instant in March 2025 (day 0 is 28 Feb, day 31 is 31 Mar), UTC. */
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2025, 2, day, hour, minute)).toISOString();

let n = 0;
const incident = (createdAt: string, over: Partial<Incident> = {}): Incident => ({
  source: 'pagerduty',
  externalId: `Q${++n}`,
  entityRef: 'component:default/payments-api',
  title: `incident ${n}`,
  status: 'resolved',
  urgency: 'high',
  createdAt,
  ...over,
});

/**
 * The hand-made month, hours from creation:
 *   #1  2 Mar 10:00   ack 10:15 (0.25)        resolved 12:00 (2)
 *   #2  5 Mar 22:00   ack 23:00 (1)           resolved 6 Mar 04:00 (6)
 *   #3 10 Mar 08:00   ack 08:30 (0.5)         resolved 09:00 (1)
 *   #4 12 Mar 03:00   never acked             resolved 03:20 (1/3)     auto-resolved: out of MTTA
 *   #5 20 Mar 14:00   ack 14:45 (0.75)        still acknowledged       open
 *   #6 25 Mar 09:00   never acked             still triggered          open
 * MTTA = (0.25 + 1 + 0.5 + 0.75) / 4 = 2.5 / 4 = 0.625 h over 4 (#4 left out, #6 not acked yet).
 * MTTR = (2 + 6 + 1 + 1/3) / 4 = (28/3) / 4 = 7/3 h over 4 (#4 counts, #5 and #6 are not resolved).
 */
const march = () => [
  incident(at(2, 10), { acknowledgedAt: at(2, 10, 15), resolvedAt: at(2, 12) }),
  incident(at(5, 22), { acknowledgedAt: at(5, 23), resolvedAt: at(6, 4) }),
  incident(at(10, 8), { acknowledgedAt: at(10, 8, 30), resolvedAt: at(10, 9) }),
  incident(at(12, 3), { resolvedAt: at(12, 3, 20), urgency: 'low' }),
  incident(at(20, 14), { status: 'acknowledged', acknowledgedAt: at(20, 14, 45) }),
  incident(at(25, 9), { status: 'triggered' }),
];

describe('responseTimes', () => {
  it('means the hours to acknowledge and to resolve', () => {
    const result = responseTimes(march(), WINDOW);
    expect(result.mtta).toEqual({ hours: 0.625, sampleSize: 4, resolvedWithoutAck: 1 });
    expect(result.mttr.sampleSize).toBe(4);
    expect(result.mttr.hours).toBeCloseTo(7 / 3, 12);
    expect(result.open).toBe(2); // #5 acknowledged, #6 triggered
  });

  it('leaves incidents resolved without acknowledgement out of MTTA only', () => {
    // Two more auto-resolved alerts of 5 minutes each. Taken as acknowledgements they would pull MTTA down
    // to (2.5 + 2 × 1/12) / 6 ≈ 0.44 h; left out, MTTA stays 0.625 h.
    // MTTR takes them: (28/3 + 2 × 1/12) / 6 = (56/6 + 1/6) / 6 = (57/6) / 6 = 57/36 = 19/12 h.
    const alerts = [
      incident(at(14, 1), { resolvedAt: at(14, 1, 5) }),
      incident(at(15, 1), { resolvedAt: at(15, 1, 5) }),
    ];
    const result = responseTimes([...march(), ...alerts], WINDOW);
    expect(result.mtta).toEqual({ hours: 0.625, sampleSize: 4, resolvedWithoutAck: 3 });
    expect(result.mttr.sampleSize).toBe(6);
    expect(result.mttr.hours).toBeCloseTo(19 / 12, 12);
  });

  it('counts incidents created in the window: from inclusive, to exclusive, as instants', () => {
    const edges = [
      // Created exactly at `from`: in. Ack after 1 h, resolved after 3 h.
      incident('2025-03-01T00:00:00Z', { acknowledgedAt: at(1, 1), resolvedAt: at(1, 3) }),
      // 1 Mar 01:00 at +02:00 is 28 Feb 23:00Z: out, although its text says March.
      incident('2025-03-01T01:00:00+02:00', { acknowledgedAt: at(1, 0), resolvedAt: at(1, 20) }),
      // Created before the window, acknowledged and resolved in it: out.
      incident(at(0, 20), { acknowledgedAt: at(1, 2), resolvedAt: at(1, 6) }),
      // Created exactly at `to`: out.
      incident('2025-03-31T00:00:00Z', { acknowledgedAt: at(31, 1), resolvedAt: at(31, 2) }),
      // Created in the window, resolved after it ends: in (the window selects by creation). Ack 2 h, resolved 9 h.
      incident(at(30, 20), { acknowledgedAt: at(30, 22), resolvedAt: at(31, 5) }),
      // 30 Mar 23:00 at -03:00 is 31 Mar 02:00Z: out.
      incident('2025-03-30T23:00:00-03:00', { acknowledgedAt: at(31, 3), resolvedAt: at(31, 4) }),
    ];
    // In: the first and the fifth. MTTA (1 + 2) / 2 = 1.5 h; MTTR (3 + 9) / 2 = 6 h.
    const result = responseTimes(edges, WINDOW, 2);
    expect(result.mtta).toEqual({ hours: 1.5, sampleSize: 2, resolvedWithoutAck: 0 });
    expect(result.mttr).toEqual({ hours: 6, sampleSize: 2 });
  });

  it('counts open incidents now, whenever they were created', () => {
    const incidents = [
      ...march(), // #5 and #6 open
      incident('2025-01-10T08:00:00Z', { status: 'triggered' }), // long forgotten, still open
      incident('2025-04-02T08:00:00Z', { status: 'acknowledged', acknowledgedAt: '2025-04-02T08:05:00Z' }), // after
      incident('2025-01-11T08:00:00Z', { resolvedAt: '2025-01-11T09:00:00Z' }), // resolved: not open
    ];
    expect(responseTimes(incidents, WINDOW).open).toBe(4);
    expect(responseTimes([], WINDOW).open).toBe(0);
  });

  it('has no figure below the minimum sample size', () => {
    // Only #1 and #2: MTTA over 2, MTTR over 2, fewer than the default 3.
    const two = march().slice(0, 2);
    expect(responseTimes(two, WINDOW)).toEqual({
      mtta: { hours: null, sampleSize: 2, resolvedWithoutAck: 0 },
      mttr: { hours: null, sampleSize: 2 },
      open: 0,
    });
    // With a minimum of 2: MTTA (0.25 + 1) / 2 = 0.625 h; MTTR (2 + 6) / 2 = 4 h.
    expect(responseTimes(two, WINDOW, 2)).toMatchObject({ mtta: { hours: 0.625 }, mttr: { hours: 4 } });
    // No incident at all is no figure, whatever the minimum.
    expect(responseTimes([], WINDOW, 0)).toMatchObject({ mtta: { hours: null, sampleSize: 0 }, mttr: { hours: null } });
  });

  it('leaves out durations below zero and unusable times, keeps zero', () => {
    const incidents = [
      // Auto-acknowledged at creation: 0 h counts. Resolved after 1 h.
      incident(at(3, 10), { acknowledgedAt: at(3, 10), resolvedAt: at(3, 11) }),
      // Acknowledged and resolved "before" it was created (clock skew): out of both means.
      incident(at(4, 10), { acknowledgedAt: at(4, 9), resolvedAt: at(4, 9, 30) }),
      // Resolved but its resolution time is unknown: out of MTTR. Ack 0.5 h.
      incident(at(5, 10), { acknowledgedAt: at(5, 10, 30) }),
      // An unparseable creation time: out of everything but the open count (it is resolved, so not open).
      incident('yesterday', { acknowledgedAt: at(6, 10), resolvedAt: at(6, 11) }),
    ];
    // MTTA (0 + 0.5) / 2 = 0.25 h; MTTR 1 / 1 = 1 h.
    expect(responseTimes(incidents, WINDOW, 1)).toEqual({
      mtta: { hours: 0.25, sampleSize: 2, resolvedWithoutAck: 0 },
      mttr: { hours: 1, sampleSize: 1 },
      open: 0,
    });
  });

  it('rejects a window with invalid dates', () => {
    expect(() => responseTimes([], { from: WINDOW.from, to: new Date('nope') })).toThrow(TypeError);
  });
});

// People for the escalation facts.
const ana: OnCallPerson = { id: 'PANA', name: 'Ana Souza', email: 'ana@example.com' };
const ben: OnCallPerson = { id: 'PBEN', name: 'Ben Ito', email: 'ben@example.com' };
const cho: OnCallPerson = { id: 'PCHO', name: 'Cho Park', email: 'cho@example.com' };
const lead: OnCallPerson = { id: 'PLEAD', name: 'Dana Lead', email: 'dana@example.com' };

const READ_AT = '2025-03-12T10:00:00Z';
/** A schedule shift from 10 Mar 09:00Z to 17 Mar 09:00Z, running at READ_AT. */
const shift = (level: number, person: OnCallPerson, over: Partial<OnCallShift> = {}): OnCallShift => ({
  level,
  person,
  start: '2025-03-10T09:00:00Z',
  end: '2025-03-17T09:00:00Z',
  scheduleName: `Level ${level} rota`,
  ...over,
});
/** A direct target: on call permanently, no start, no end, no schedule. */
const direct = (level: number, person: OnCallPerson): OnCallShift => ({ level, person });

const onCall = (shifts: OnCallShift[], levels?: number): OnCallNow => ({
  source: 'pagerduty',
  service: { id: 'PSVC', name: 'payments-api' },
  ...(levels === undefined ? {} : { escalationPolicy: { id: 'PEP', name: 'Payments', levels } }),
  shifts,
  readAt: READ_AT,
});

describe('escalationFacts', () => {
  it('counts distinct people per level', () => {
    // Level 1: Ana from the primary rota, Ben from a follow-the-sun rota, Ana again from an override
    // layer → Ana, Ben = 2. Level 2: Cho = 1. Level 3: the manager as a direct target = 1.
    const facts = escalationFacts(
      onCall(
        [
          shift(1, ana),
          shift(1, ben, { scheduleName: 'APAC rota' }),
          shift(1, { ...ana, name: 'Ana S.' }, { scheduleName: 'Overrides' }),
          shift(2, cho),
          direct(3, lead),
        ],
        3,
      ),
    );
    expect(facts).toEqual({ levels: 3, respondersPerLevel: { 1: 2, 2: 1, 3: 1 }, emptyLevels: [] });
  });

  it('finds an empty level 1', () => {
    // A two-level policy whose level-1 schedule has nobody right now: level 1 has 0 people.
    const facts = escalationFacts(onCall([shift(2, cho)], 2));
    expect(facts).toEqual({ levels: 2, respondersPerLevel: { 1: 0, 2: 1 }, emptyLevels: [1] });
  });

  it('counts only shifts running at the read instant; direct targets always run', () => {
    const shifts = [
      // Level 1: Ana's shift ended at 09:00 on the 12th, Ben's starts at 10:00 on the 12th (start inclusive).
      shift(1, ana, { start: '2025-03-05T09:00:00Z', end: '2025-03-12T09:00:00Z' }),
      shift(1, ben, { start: '2025-03-12T10:00:00Z', end: '2025-03-19T10:00:00Z' }),
      // Level 2: Cho's shift ends exactly at READ_AT (end exclusive): not on call. Nobody else.
      shift(2, cho, { start: '2025-03-05T10:00:00Z', end: READ_AT }),
      // Level 3: a direct target and, later this week, a schedule shift of Ana's that has not begun.
      direct(3, lead),
      shift(3, ana, { start: '2025-03-14T09:00:00Z', end: '2025-03-15T09:00:00Z' }),
      // Offsets: 12 Mar 11:30+02:00 is 09:30Z, before READ_AT → Cho is on level 4 until 12:00Z.
      shift(4, cho, { start: '2025-03-12T11:30:00+02:00', end: '2025-03-12T12:00:00Z' }),
    ];
    const facts = escalationFacts(onCall(shifts, 4));
    expect(facts).toEqual({ levels: 4, respondersPerLevel: { 1: 1, 2: 0, 3: 1, 4: 1 }, emptyLevels: [2] });
  });

  it('handles direct targets only, several on one level', () => {
    // Level 1: Ana and Ben paged directly; level 2: Ben directly too (people count per level).
    const facts = escalationFacts(onCall([direct(1, ana), direct(1, ben), direct(1, ana), direct(2, ben)], 2));
    expect(facts).toEqual({ levels: 2, respondersPerLevel: { 1: 2, 2: 1 }, emptyLevels: [] });
  });

  it('takes the levels from the shifts without a policy, or when they go beyond it', () => {
    // Opsgenie-style: no policy, everyone on level 1 → one level.
    expect(escalationFacts(onCall([shift(1, ana), shift(1, ben)]))).toEqual({
      levels: 1,
      respondersPerLevel: { 1: 2 },
      emptyLevels: [],
    });
    // The policy says 1 level but a shift sits at level 3: 3 levels, level 2 empty.
    expect(escalationFacts(onCall([shift(1, ana), shift(3, cho)], 1))).toEqual({
      levels: 3,
      respondersPerLevel: { 1: 1, 2: 0, 3: 1 },
      emptyLevels: [2],
    });
    // A policy with three levels and nobody on call at all.
    expect(escalationFacts(onCall([], 3))).toEqual({
      levels: 3,
      respondersPerLevel: { 1: 0, 2: 0, 3: 0 },
      emptyLevels: [1, 2, 3],
    });
    // No policy, no shifts: no escalation.
    expect(escalationFacts(onCall([]))).toEqual({ levels: 0, respondersPerLevel: {}, emptyLevels: [] });
  });

  it('rejects an unusable read instant', () => {
    expect(() => escalationFacts({ ...onCall([]), readAt: 'now' })).toThrow(TypeError);
  });
});
