import type { DoraThresholds } from './doraBands';
import { FROM, TO, at, commit, daily, dep, run } from './doraCases';

describe('computeDora: window and shape', () => {
  it('reports the window, the environments and the thresholds source', () => {
    const result = run([], { productionEnvironments: [' prod-eu', 'PROD-US', 'prod-eu', ''] });
    expect(result.window).toEqual({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-31T00:00:00.000Z', days: 30 });
    expect(result.environments).toEqual(['prod-eu', 'PROD-US']); // trimmed, deduplicated case-insensitively
    expect(result.thresholdsSource).toBe('DORA 2024');
    expect(result.unbanded).toEqual(['reworkRate']);
    expect(Object.keys(result.figures)).toEqual([
      'deploymentFrequency',
      'leadTime',
      'changeFailureRate',
      'recoveryTime',
      'reworkRate',
    ]);
    expect(result.figures.reworkRate.definition).toBe(
      'Deployment rework rate: the ratio of deployments that are unplanned but happen as a result of an incident in production.',
    );
  });

  it('has no figures for an empty or reversed window', () => {
    for (const to of [FROM, new Date('2025-02-01T00:00:00Z')]) {
      const result = run(daily(5), { window: { from: FROM, to } });
      for (const figure of Object.values(result.figures)) {
        expect(figure).toMatchObject({ value: null, enoughData: false, sampleSize: 0 });
        expect(figure.band).toBeUndefined();
        expect(figure.explanation).toMatch(/window is empty/);
      }
    }
  });

  it('rejects invalid dates', () => {
    expect(() => run([], { window: { from: new Date('nope'), to: TO } })).toThrow(TypeError);
  });

  it('has not enough data for an entity that never deployed to production', () => {
    const staging = [dep(at(3), { environment: 'staging' }), dep(at(4), { environment: 'staging' })];
    const result = run(staging);
    expect(result.figures.deploymentFrequency).toMatchObject({ value: null, enoughData: false, sampleSize: 0 });
    expect(result.figures.deploymentFrequency.explanation).toMatch(/No deploys to the production environments/);
    expect(result.figures.recoveryTime.explanation).toBe('No failed deployments in the window.');
    expect(run(staging, { productionEnvironments: [] }).figures.deploymentFrequency.explanation).toMatch(
      /none configured/,
    );
  });
});

describe('computeDora: deployment frequency', () => {
  it('counts successful production deploys, rollbacks included', () => {
    const deployments = [
      dep(at(2), { version: 'v1' }),
      dep(at(5), { version: 'v2' }),
      dep(at(9), { version: 'v1' }), // a rollback: still a deploy
      dep(at(14)),
      dep(at(20)),
      dep(at(27)),
      dep(at(3), { environment: 'staging' }), // not production
      dep(at(10), { status: 'failure' }),
      dep(at(11), { status: 'cancelled' }),
      dep(at(12), { status: 'pending', finishedAt: undefined }),
    ];
    const figure = run(deployments).figures.deploymentFrequency;
    // 6 successes / 30 days = 0.2 per day; 1/7 ≈ 0.143 ≤ 0.2 < 1 → high.
    expect(figure).toMatchObject({ value: 0.2, unit: 'deploysPerDay', band: 'high', sampleSize: 6, enoughData: true });
    expect(figure.explanation).toMatch(/^6 successful production deploys finished in 30 days, 0\.2 per day/);
  });

  it('counts every listed production environment, case-insensitively', () => {
    const deployments = [
      dep(at(2), { environment: 'Prod-EU' }),
      dep(at(3), { environment: 'prod-us' }),
      dep(at(4), { environment: 'prod-us ' }),
      dep(at(5), { environment: 'production' }), // not listed for this entity
      dep(at(6), { environment: 'staging' }),
    ];
    const figure = run(deployments, { productionEnvironments: ['prod-eu', 'PROD-US'] }).figures.deploymentFrequency;
    // 3 / 30 = 0.1 per day; 1/30 ≈ 0.033 ≤ 0.1 < 1/7 → medium.
    expect(figure).toMatchObject({ value: 0.1, band: 'medium', sampleSize: 3 });
  });

  it('places a deploy by its finish (else its start), from inclusive and to exclusive', () => {
    const deployments = [
      dep('2025-02-28T23:50:00Z', { finishedAt: '2025-03-01T00:10:00Z' }), // finished inside → in
      dep('2025-03-30T23:50:00Z', { finishedAt: '2025-03-31T00:10:00Z' }), // finished after `to` → out
      dep(at(15), { finishedAt: undefined }), // no finish: its start, 15 March → in
      dep('2025-03-01T00:00:00Z'), // exactly `from` → in
      dep('2025-03-31T00:00:00Z'), // exactly `to` → out
    ];
    // 3 / 30 = 0.1
    expect(run(deployments).figures.deploymentFrequency).toMatchObject({ value: 0.1, sampleSize: 3 });
  });

  it('compares instants, whatever the offset', () => {
    const deployments = [
      dep('2025-03-01T01:30:00+02:00'), // 28 Feb 23:30Z → out, although its local date is 1 March
      dep('2025-02-28T19:30:00-05:00'), // 1 Mar 00:30Z → in, although its local date is 28 Feb
      dep('2025-03-30T21:00:00-05:00'), // 31 Mar 02:00Z → out, although its local date is 30 March
      dep('2025-03-31T01:59:59+02:00'), // 30 Mar 23:59:59Z → in, although its local date is 31 March
      dep('2025-03-31T02:00:00+02:00'), // 31 Mar 00:00Z, exactly `to` → out
    ];
    // 2 / 30
    expect(run(deployments).figures.deploymentFrequency).toMatchObject({ value: 2 / 30, sampleSize: 2 });
  });

  it('puts exactly once a day in elite and just below in high', () => {
    // 30 / 30 = 1 ≥ 1 → elite; 29 / 30 ≈ 0.967 < 1 → high.
    expect(run(daily(30)).figures.deploymentFrequency).toMatchObject({ value: 1, band: 'elite' });
    expect(run(daily(29)).figures.deploymentFrequency).toMatchObject({ value: 29 / 30, band: 'high' });
  });

  it('puts exactly once a week in high and just below in medium', () => {
    const fortnight = { window: { from: FROM, to: new Date('2025-03-15T00:00:00Z') } }; // 14 days
    // 2 / 14 = 1/7 ≥ 1/7 → high; 1 / 14 < 1/7 → medium.
    expect(run(daily(2), fortnight).figures.deploymentFrequency).toMatchObject({ value: 1 / 7, band: 'high' });
    expect(run(daily(1), fortnight).figures.deploymentFrequency).toMatchObject({ value: 1 / 14, band: 'medium' });
  });

  it('puts exactly once in 30 days in medium, less often and none in low', () => {
    // 1 / 30 ≥ 1/30 → medium; 1 / 31 (1 March to 1 April) < 1/30 → low.
    expect(run(daily(1)).figures.deploymentFrequency).toMatchObject({ value: 1 / 30, band: 'medium' });
    const month31 = { window: { from: FROM, to: new Date('2025-04-01T00:00:00Z') } };
    expect(run(daily(1), month31).figures.deploymentFrequency).toMatchObject({ value: 1 / 31, band: 'low' });
    // Deploys before the window only: a real 0 per day, not missing data.
    expect(run([dep(at(-10))]).figures.deploymentFrequency).toMatchObject({
      value: 0,
      band: 'low',
      sampleSize: 0,
      enoughData: true,
    });
  });
});

describe('computeDora: change lead time', () => {
  it('takes the median of an odd number of commits', () => {
    const deployments = [
      dep(at(5), { commits: [commit('c1', at(5, 10)), commit('c2', at(5, 7))] }), // 2 h, 5 h
      dep(at(10), { commits: [commit('c3', at(9, 6))] }), // 10 Mar 12:00 − 9 Mar 06:00 = 30 h
    ];
    // [2, 5, 30] → 5 h < 24 → elite.
    expect(run(deployments).figures.leadTime).toMatchObject({
      value: 5,
      unit: 'hours',
      band: 'elite',
      sampleSize: 3,
      enoughData: true,
    });
  });

  it('takes the mean of the middle two of an even number of commits', () => {
    const commits = [
      commit('a', at(20, 2)), // 20 Mar 12:00 − 20 Mar 02:00 = 10 h
      commit('b', at(19, 16)), // 20 h
      commit('c', at(19, 6)), // 30 h
      commit('d', at(12, 4)), // 8 days 8 h = 200 h
    ];
    // [10, 20, 30, 200] → (20 + 30) / 2 = 25 h; 24 ≤ 25 < 168 → high.
    expect(run([dep(at(20), { commits })]).figures.leadTime).toMatchObject({ value: 25, band: 'high', sampleSize: 4 });
  });

  it('leaves out zero and negative durations', () => {
    const commits = [
      commit('zero', at(8, 12)), // 0 h: left out
      commit('later', at(8, 13)), // −1 h: left out
      commit('a', at(8, 11)), // 1 h
      commit('b', at(8, 9)), // 3 h
      commit('c', at(7, 12)), // 24 h
    ];
    const figure = run([dep(at(8), { commits })]).figures.leadTime;
    // [1, 3, 24] → 3 h.
    expect(figure).toMatchObject({ value: 3, sampleSize: 3 });
    expect(figure.explanation).toMatch(/2 commits with zero or negative durations left out/);
  });

  it('counts each commit once, at its first successful production deploy', () => {
    const deployments = [
      dep(at(9), { environment: 'staging', commits: [commit('a', at(9, 8))] }), // staging is not production
      dep(at(10), { environment: 'prod-eu', commits: [commit('a', at(10, 10)), commit('b', at(10, 8))] }),
      dep(at(11), {
        environment: 'prod-us',
        commits: [commit('a', at(10, 10)), commit('b', at(10, 8)), commit('c', at(11, 6))],
      }),
    ];
    // a: 10 Mar 12:00 − 10:00 = 2 h; b: 4 h (both on prod-eu); c: 11 Mar 12:00 − 06:00 = 6 h (prod-us).
    // [2, 4, 6] → 4 h. Counting prod-us again would give [2, 4, 26, 28, 6] → 6 h.
    const figure = run(deployments, { productionEnvironments: ['prod-eu', 'prod-us'] }).figures.leadTime;
    expect(figure).toMatchObject({ value: 4, sampleSize: 3 });
  });

  it('does not credit commits shipped before the window to a redeploy inside it', () => {
    const commits = [commit('x', at(-1, 6)), commit('y', at(-1, 7)), commit('z', at(-1, 8))];
    const deployments = [dep(at(-1), { version: 'v1', commits }), dep(at(3), { version: 'v1', commits })];
    expect(run(deployments).figures.leadTime).toMatchObject({ value: null, sampleSize: 0, enoughData: false });
  });

  it('identifies commits by instant when only their times are known', () => {
    const deployments = [
      dep(at(6, 12), {
        environment: 'prod-eu',
        commitTimestamps: ['2025-03-06T12:00:00+02:00', '2025-03-06T03:00:00-05:00'], // 10:00Z → 2 h, 08:00Z → 4 h
      }),
      dep(at(6, 18), {
        environment: 'prod-us',
        // The first two are the same instants as above: already counted. The third: 18:00 − 12:00 = 6 h.
        commitTimestamps: ['2025-03-06T10:00:00Z', '2025-03-06T08:00:00Z', '2025-03-06T12:00:00Z'],
      }),
      dep(at(7), { environment: 'prod-eu', status: 'failure', commitTimestamps: [at(7, 10)] }), // did not ship
      dep(at(8), { environment: 'prod-eu', commitTimestamps: [at(7, 10)] }), // 8 Mar 12:00 − 7 Mar 10:00 = 26 h
    ];
    // [2, 4, 6, 26] → (4 + 6) / 2 = 5 h.
    const figure = run(deployments, { productionEnvironments: ['prod-eu', 'prod-us'] }).figures.leadTime;
    expect(figure).toMatchObject({ value: 5, sampleSize: 4 });
  });

  it('needs minSampleSize commits', () => {
    const deployments = [dep(at(5), { commits: [commit('a', at(5, 10)), commit('b', at(5, 6))] })]; // 2 h, 6 h
    const figure = run(deployments).figures.leadTime;
    expect(figure).toMatchObject({ value: null, sampleSize: 2, enoughData: false });
    expect(figure.band).toBeUndefined();
    expect(figure.explanation).toMatch(/Only 2 commits .* 3 needed/);
    // With 2 allowed: (2 + 6) / 2 = 4 h.
    expect(run(deployments, { minSampleSize: 2 }).figures.leadTime).toMatchObject({ value: 4, enoughData: true });
  });
});

describe('computeDora: change failure rate and recovery time', () => {
  // Production unless said: successes at noon unless said.
  const history = () => [
    dep(at(2), { version: 'v1' }), // #1
    dep(at(4), { version: 'v2' }), // #2
    dep(at(6), { version: 'v3', status: 'failure' }), // #3 failed
    dep(at(7), { version: 'v3' }), // #4 recovers #3 after 24 h
    dep(at(9), { version: 'v4' }), // #5 rolled back by #6
    dep(at(9, 13), { version: 'v3' }), // #6 rollback (v3 shipped before live v4): recovers #5 after 1 h
    dep(at(12), { version: 'v5', status: 'cancelled' }), // left out
    dep(at(14), { version: 'v5' }), // #8
    dep(at(20), { version: 'v6', status: 'pending', finishedAt: undefined }), // left out
    dep(at(21), { version: 'v6' }), // #10
    dep(at(5), { version: 'v9', environment: 'staging', status: 'failure' }), // not production
  ];

  it('counts failed and rolled-back deploys over finished production deploys', () => {
    const { changeFailureRate, recoveryTime, deploymentFrequency } = run(history()).figures;
    // Finished: #1 #2 #3 #4 #5 #6 #8 #10 = 8; failing: #3 (failed), #5 (rolled back) = 2 → 2/8 = 0.25 > 0.2 → low.
    expect(changeFailureRate).toMatchObject({ value: 0.25, unit: 'ratio', band: 'low', sampleSize: 8 });
    expect(changeFailureRate.explanation).toMatch(
      /^2 of 8 finished production deploys failed \(1\), were rolled back \(1\)/,
    );
    // Recovery: #3 → #4 = 24 h, #5 → #6 = 1 h → (1 + 24) / 2 = 12.5 h; 1 ≤ 12.5 < 24 → high.
    expect(recoveryTime).toMatchObject({ value: 12.5, unit: 'hours', band: 'high', sampleSize: 2 });
    // Successes #1 #2 #4 #5 #6 #8 #10 = 7 → 7/30 ≈ 0.233; 1/7 ≤ 0.233 < 1 → high.
    expect(deploymentFrequency).toMatchObject({ value: 7 / 30, band: 'high' });
  });

  it('counts a deploy followed by an incident within the incident window, before the next deploy', () => {
    const deployments = daily(10); // 1..10 March at noon
    const incidents = [
      { startedAt: '2025-03-03T20:00:00Z' }, // 8 h after the 3 March deploy
      { startedAt: '2025-03-03T17:00:00-05:00' }, // 22:00Z: 10 h after the same deploy, counted once
      { startedAt: '2025-03-06T11:00:00Z' }, // 23 h after 5 March, before the 6 March deploy
      { startedAt: '2025-03-07T12:30:00Z' }, // 0.5 h after 7 March: not 6 March, a newer deploy came between
      { startedAt: '2025-03-20T12:00:00Z' }, // 240 h after the last deploy: none
      { startedAt: '2025-02-20T00:00:00Z' }, // before any deploy: none
    ];
    const figure = run(deployments, { incidents }).figures.changeFailureRate;
    // Flagged 3, 5 and 7 March → 3/10 = 0.3 → low.
    expect(figure).toMatchObject({ value: 0.3, band: 'low', sampleSize: 10 });
    expect(figure.explanation).toMatch(/followed within 24 h by an incident \(3\)/);
    // Within 12 h only: 3 March (8 h) and 7 March (0.5 h); 5 March (23 h) no longer → 2/10 = 0.2 → medium.
    expect(run(deployments, { incidents, incidentWindowHours: 12 }).figures.changeFailureRate).toMatchObject({
      value: 0.2,
      band: 'medium',
    });
    // Incidents do not make a failure to recover from.
    expect(run(deployments, { incidents }).figures.recoveryTime.enoughData).toBe(false);
  });

  it('counts a failed deploy with an incident once, and incidents after the window end', () => {
    const deployments = [
      dep(at(1)),
      dep(at(2), { status: 'failure' }),
      dep(at(3)),
      dep(at(30)), // 30 March noon, in the window
    ];
    const incidents = [
      { startedAt: at(2, 13) }, // 1 h after the failed deploy: already failing
      { startedAt: '2025-03-31T01:00:00Z' }, // after `to`, 13 h after the 30 March deploy
    ];
    // Failing: 2 March (failed + incident, once), 30 March (incident) → 2/4 = 0.5.
    expect(run(deployments, { incidents }).figures.changeFailureRate).toMatchObject({ value: 0.5, sampleSize: 4 });
    // An incident at the very instant the 3 March deploy finished counts against it (0 h), not 2 March (24 h).
    const atFinish = [...incidents, { startedAt: at(3) }];
    // 2 March, 3 March, 30 March → 3/4 = 0.75.
    expect(run(deployments, { incidents: atFinish }).figures.changeFailureRate).toMatchObject({ value: 0.75 });
  });

  it('places the elite, high and medium boundaries inclusively', () => {
    const cfr = (count: number, failures: number) => run(daily(count, failures)).figures.changeFailureRate;
    expect(cfr(20, 1)).toMatchObject({ value: 0.05, band: 'elite' }); // 1/20 = 5 % ≤ 5 %
    expect(cfr(19, 1)).toMatchObject({ value: 1 / 19, band: 'high' }); // ≈ 5.3 % > 5 %
    expect(cfr(20, 2)).toMatchObject({ value: 0.1, band: 'high' }); // 2/20 = 10 % ≤ 10 %
    expect(cfr(29, 3)).toMatchObject({ value: 3 / 29, band: 'medium' }); // ≈ 10.3 % > 10 %
    expect(cfr(20, 4)).toMatchObject({ value: 0.2, band: 'medium' }); // 4/20 = 20 % ≤ 20 %
    expect(cfr(24, 5)).toMatchObject({ value: 5 / 24, band: 'low' }); // ≈ 20.8 % > 20 %
    expect(cfr(20, 0)).toMatchObject({ value: 0, band: 'elite' });
  });

  it('needs minSampleSize finished deploys', () => {
    const deployments = [
      dep(at(1)),
      dep(at(2), { status: 'failure' }),
      dep(at(3), { status: 'cancelled' }),
      dep(at(4), { status: 'in_progress', finishedAt: undefined }),
    ];
    const figure = run(deployments).figures.changeFailureRate;
    expect(figure).toMatchObject({ value: null, sampleSize: 2, enoughData: false });
    expect(figure.explanation).toMatch(/Only 2 finished production deploys in the window; 3 needed/);
    // 1 failed of 2 finished = 0.5
    expect(run(deployments, { minSampleSize: 2 }).figures.changeFailureRate).toMatchObject({ value: 0.5 });
  });

  it('measures recovery per environment and leaves out failures unrecovered at the window end', () => {
    const eu = { environment: 'prod-eu' };
    const us = { environment: 'prod-us' };
    const deployments = [
      dep(at(0), { ...eu, status: 'failure' }), // 28 Feb: before the window, not counted
      dep(at(10), { ...eu, version: 'v1' }),
      dep(at(10), { ...us, version: 'v1' }),
      dep(at(12), { ...eu, version: 'v2', status: 'failure' }), // recovered by eu 12 Mar 18:00 → 6 h
      dep(at(12, 13), { ...us, version: 'v2' }), // prod-us does not recover prod-eu
      dep(at(12, 18), { ...eu, version: 'v2' }),
      dep(at(15), { ...us, version: 'v3', status: 'failure' }), // recovered by us 15 Mar 12:45 → 0.75 h
      dep(at(15, 12, 45), { ...us, version: 'v3' }),
      dep(at(20), { ...eu, version: 'v3', status: 'failure' }), // recovered by eu 21 Mar noon → 24 h
      dep(at(21), { ...eu, version: 'v3' }),
      dep(at(29), { ...eu, version: 'v4', status: 'failure' }), // next success is after `to`: unrecovered
      dep('2025-03-31T06:00:00Z', { ...eu, version: 'v4' }),
    ];
    const figure = run(deployments, { productionEnvironments: ['prod-eu', 'prod-us'] }).figures.recoveryTime;
    // [6, 0.75, 24] → 6 h; 1 ≤ 6 < 24 → high.
    expect(figure).toMatchObject({ value: 6, band: 'high', sampleSize: 3, enoughData: true });
    expect(figure.explanation).toMatch(/1 still unrecovered at the window end left out/);
  });

  it('recovers each of several failures, a redeploy of the live version included', () => {
    const deployments = [
      dep(at(2), { version: 'v1' }),
      dep(at(3), { version: 'v2', status: 'failure' }), // → 3 Mar 15:00: 3 h
      dep(at(3, 15), { version: 'v1' }), // a redeploy of the live v1 (v2 never shipped): recovers
      dep(at(8), { version: 'v4', status: 'failure' }), // → 9 Mar noon: 24 h
      dep(at(8, 22), { version: 'v4', status: 'failure' }), // → 9 Mar noon: 14 h
      dep(at(9), { version: 'v4' }),
      dep(at(16), { version: 'v5' }), // rolled back by the next: → 16 Mar 12:30: 0.5 h
      dep(at(16, 12, 30), { version: 'v4' }),
    ];
    // [3, 24, 14, 0.5] → sorted [0.5, 3, 14, 24] → (3 + 14) / 2 = 8.5 h → high.
    expect(run(deployments).figures.recoveryTime).toMatchObject({ value: 8.5, band: 'high', sampleSize: 4 });
  });

  it('has not enough data without failures or without any recovery', () => {
    expect(run(daily(10)).figures.recoveryTime).toMatchObject({
      value: null,
      enoughData: false,
      explanation: 'No failed deployments in the window.',
    });
    const open = run([dep(at(1)), dep(at(2), { status: 'failure' })]).figures.recoveryTime;
    expect(open).toMatchObject({ value: null, enoughData: false, sampleSize: 0 });
    expect(open.explanation).toMatch(/1 failed or rolled-back production deploy in the window, none recovered/);
  });
});

describe('computeDora: custom thresholds', () => {
  it('bands by the configured tiers and names their source', () => {
    const thresholds: DoraThresholds = {
      source: 'Team targets 2025',
      deploymentFrequency: [{ band: 'elite', limit: 2 }],
      leadTime: [{ band: 'elite', limit: 4 }],
      changeFailureRate: [{ band: 'high', limit: 0.3 }],
      recoveryTime: [],
    };
    const deployments = [
      ...daily(30), // 30 / 30 = 1 per day: elite by DORA 2024, below 2 → low here
      dep(at(30, 18), { commits: [commit('a', at(30, 16)), commit('b', at(30, 14)), commit('c', at(30, 12))] }),
    ];
    // Frequency: 31 / 30 ≈ 1.03 < 2 → low. Lead time: [2, 4, 6] → 4 h, not < 4 → low.
    const result = run(deployments, { thresholds, incidents: [{ startedAt: at(5, 13) }, { startedAt: at(6, 13) }] });
    expect(result.thresholdsSource).toBe('Team targets 2025');
    expect(result.figures.deploymentFrequency).toMatchObject({ value: 31 / 30, band: 'low' });
    expect(result.figures.leadTime).toMatchObject({ value: 4, band: 'low' });
    // 2 incident-linked of 31 ≈ 0.065 ≤ 0.3 → high (DORA 2024 would say high too: 5 % < 6.5 % ≤ 10 %).
    expect(result.figures.changeFailureRate).toMatchObject({ value: 2 / 31, band: 'high' });
  });
});
