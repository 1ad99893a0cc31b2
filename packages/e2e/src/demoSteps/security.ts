import { writeFileSync } from 'node:fs';
import { BACKEND_URL } from '../demo';
import { fuzzer } from '../security/fuzz';
import { CI_TOKEN, SCREENSHOTS, guestToken } from './session';

/** Hostile input last: it pushes events, to a resource no page above shows. */
export function securitySteps() {
  it('never answers 5xx or slower than 2 s to fuzzed parameters, and keeps pushes all-or-nothing and exact, on SQLite', async () => {
    const fuzz = fuzzer({ baseUrl: BACKEND_URL, readToken: await guestToken(), pushToken: CI_TOKEN, scorecardId: 'production-readiness', runs: 250, timeLimitMs: 40_000 });
    await fuzz.routeParameters();
    await fuzz.deploymentBatches();
    await fuzz.incidentBatches();
    writeFileSync(`${SCREENSHOTS}fuzz-sqlite.json`, JSON.stringify(fuzz.report, null, 2));
    expect(fuzz.report.requests['route parameters']).toBeGreaterThan(50);
  }, 180_000);
}
