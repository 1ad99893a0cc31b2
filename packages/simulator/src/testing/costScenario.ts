import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

/**
 * Cost cases for the Cost Explorer tests: tagged spenders, one with a jump after a deploy, one untagged,
 * one tagged with another key than `service`, and an untagged pool; 7 groups a page, so days split.
 */
export const COST_SCENARIO_YAML = `
seed: 5
historyDays: 60
currency: EUR
vendors:
  aws: { accountId: '210987654321', accountName: acme-test, pageSize: 7 }
untaggedCost:
  monthly: 300
  services: { AmazonVPC: 1, AWSDataTransfer: 1 }
components:
  payments-api:
    repo: { github: acme/payments-api }
    cost: { monthly: 3000, trendPctPerMonth: 10, services: { AmazonEC2: 2, AmazonRDS: 1 }, tagged: true, tag: service=payments-api }
  search-service:
    repo: { github: acme/search-service }
    deploys: { perWeek: 2, environments: [staging, production] }
    cost:
      monthly: 1600
      services: { AmazonES: 4, AmazonEC2: 1 }
      tagged: true
      tag: service=search-service
      jumpAfterDeploy: { pct: 60 }
  reporting-service:
    repo: { github: acme/reporting-service }
    cost: { monthly: 900, services: { AmazonEC2: 1, AmazonS3: 1 }, tagged: false }
  billing-batch:
    repo: { github: acme/billing-batch }
    cost: { monthly: 450, services: { AWSLambda: 1 }, tagged: true, tag: team=billing }
`;

export function costScenario(): Scenario {
  return parseScenario(COST_SCENARIO_YAML, 'cost-scenario.yaml');
}
