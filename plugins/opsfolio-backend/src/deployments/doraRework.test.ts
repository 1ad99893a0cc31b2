import type { DoraThresholds } from './doraBands';
import { at, daily, dep, run } from './doraCases';

describe('computeDora: deployment rework rate', () => {
  // Ten deploys, 1..10 March at noon (started and finished then), plus a staging hotfix.
  const deployments = () => [
    ...daily(10),
    dep(at(4, 13), { environment: 'staging' }), // not production: in neither count
  ];
  const incidents = [
    { startedAt: at(2, 20) }, // 2 March 20:00: the 3 March deploy starts 16 h later → rework
    { startedAt: '2025-03-05T07:00:00-05:00' }, // 5 March 12:00Z: the 5 March deploy starts at that instant → rework
    { startedAt: at(7, 12, 30) }, // 7 March 12:30: the next deploy (8 March) starts 23.5 h later → rework
    { startedAt: at(8, 13) }, // 8 March 13:00: the 9 March deploy starts 23 h later → rework (8 March counted once)
    { startedAt: at(9, 12, 1) }, // one minute after the 9 March deploy started: the 10 March one is 23 h 59 min later → rework
  ];

  it('counts finished production deploys that started within the window after an incident', () => {
    const figure = run(deployments(), { incidents }).figures.reworkRate;
    // Rework: 3, 5, 8, 9 and 10 March = 5 of 10 finished production deploys → 0.5. No DORA 2024 band.
    expect(figure).toMatchObject({ value: 0.5, unit: 'ratio', sampleSize: 10, enoughData: true });
    expect(figure.band).toBeUndefined();
    expect(figure.explanation).toBe(
      '5 of 10 finished production deploys were made for an incident: 0 named one, 5 started within 24 h after an ' +
        'incident on this entity began. No band: DORA 2024 gives this metric none.',
    );
    // Within 12 h only: 5 March (0 h) alone; 3 March is 16 h, the others 23 h or more → 1/10 = 0.1.
    expect(run(deployments(), { incidents, reworkWindowHours: 12 }).figures.reworkRate.value).toBe(0.1);
  });

  it('counts a deploy that names its incident whatever its time, once', () => {
    const named = daily(4); // 1..4 March
    named[0].incidentId = 'Q1INCIDENT'; // named, no incident near it
    named[2].incidentId = 'Q2INCIDENT'; // named and 16 h after an incident: once
    const figure = run(named, { incidents: [{ startedAt: at(2, 20) }] }).figures.reworkRate;
    // 1 and 3 March → 2/4 = 0.5.
    expect(figure).toMatchObject({ value: 0.5, sampleSize: 4 });
    expect(figure.explanation).toMatch(/^2 of 4 finished production deploys were made for an incident: 2 named one, 0 started/);
  });

  it('counts failed deploys in both counts, leaves cancelled and running ones out, and needs three', () => {
    const mixed = [
      dep(at(1)),
      dep(at(2, 13), { status: 'failure' }), // 1 h after the incident: rework, failed
      dep(at(2, 14)), // the hotfix that worked: rework
      dep(at(2, 15), { status: 'cancelled', finishedAt: at(2, 15) }), // left out
      dep(at(3), { status: 'in_progress', finishedAt: undefined }), // left out
      dep(at(20)),
    ];
    // Finished: 1 March, 2 March 13:00, 2 March 14:00, 20 March = 4; rework 2 → 0.5.
    expect(run(mixed, { incidents: [{ startedAt: at(2, 12) }] }).figures.reworkRate).toMatchObject({ value: 0.5, sampleSize: 4 });
    const two = run(daily(2), { incidents: [{ startedAt: at(1, 1) }] }).figures.reworkRate;
    expect(two).toMatchObject({ value: null, enoughData: false, sampleSize: 2 });
    expect(two.explanation).toBe('Only 2 finished production deploys in the window; 3 needed.');
  });

  it('bands the rework rate when the thresholds set bands for it; an empty list gives none', () => {
    const thresholds: DoraThresholds = {
      source: 'Team targets 2025',
      deploymentFrequency: [{ band: 'elite', limit: 1 }],
      leadTime: [{ band: 'elite', limit: 24 }],
      changeFailureRate: [{ band: 'elite', limit: 0.05 }],
      recoveryTime: [],
      reworkRate: [
        { band: 'elite', limit: 0.05 },
        { band: 'high', limit: 0.15 },
        { band: 'medium', limit: 0.3 },
      ],
    };
    const result = run(deployments(), { incidents, thresholds });
    expect(result.unbanded).toEqual(['recoveryTime']);
    // 0.5 > 0.3 → low; within 12 h 0.1 ≤ 0.15 → high.
    expect(result.figures.reworkRate).toMatchObject({ value: 0.5, band: 'low' });
    expect(result.figures.reworkRate.explanation).not.toMatch(/No band/);
    expect(run(deployments(), { incidents, thresholds, reworkWindowHours: 12 }).figures.reworkRate).toMatchObject({
      value: 0.1,
      band: 'high',
    });
  });
});
