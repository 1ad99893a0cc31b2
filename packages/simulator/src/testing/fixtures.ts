import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

/** A fixed instant for tests: data is relative to it, so assertions don't depend on the calendar. */
export const TEST_NOW = new Date('2026-04-12T10:30:00Z');

export const TEST_SCENARIO_YAML = `
seed: 7
historyDays: 90
components:
  payments-api:
    repo: { github: acme/payments-api }
    deploys: { perWeek: 20, environments: [staging, production] }
    oncall: { vendor: pagerduty, serviceId: PPAYAPI, rota: [ada.okafor], rotationDays: 7, escalationLevels: 2 }
    cost: { monthly: 1000, services: { AmazonEC2: 1 }, tagged: true, tag: service=payments-api }
  invoice-renderer:
    repo: { github: acme/invoice-renderer }
    deploys: { everyDays: 30, environments: [production], lastDeployDaysAgo: 60 }
  payouts-worker:
    repo: { gitlab: acme/payments/payouts-worker }
`;

export function testScenario(): Scenario {
  return parseScenario(TEST_SCENARIO_YAML, 'test-scenario.yaml');
}
