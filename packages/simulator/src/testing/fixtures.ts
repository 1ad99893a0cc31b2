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
    deploys: { perWeek: 4, environments: [staging, production], failureRate: 0.1, leadTimeHours: { median: 20, p90: 60 } }
  fraud-scoring:
    repo: { github: acme/fraud-scoring }
    deploys:
      perWeek: 6
      environments: [staging, production]
      failureRate: 0.35
      rollbackRate: 0.25
    oncall: { vendor: pagerduty, serviceId: PFRAUDS, rota: [ben.carter, chloe.martin], rotationDays: 7, escalationLevels: 2 }
`;

export function testScenario(): Scenario {
  return parseScenario(TEST_SCENARIO_YAML, 'test-scenario.yaml');
}
