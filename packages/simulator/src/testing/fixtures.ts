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

/**
 * On-call and incidents, every case the PagerDuty and Opsgenie routes need: three levels with a manager
 * paged directly (payments-api), a busy service with held-open incidents and an integration key, a gap,
 * one level, and two Opsgenie teams (one shared by two components).
 */
export const ONCALL_SCENARIO_YAML = `
seed: 11
historyDays: 120
components:
  payments-api:
    repo: { github: acme/payments-api }
    incidents: { perMonth: 2, severity: { P1: 1, P2: 2, P3: 3 }, mttrHours: 1 }
    oncall:
      vendor: pagerduty
      serviceId: PPAYAPI
      rota: [ada.okafor, ben.carter, chloe.martin]
      rotationDays: 7
      escalationLevels: 3
      manager: diego.ramos
      timeZone: Europe/London
  busy-service:
    repo: { github: acme/busy-service }
    incidents: { perMonth: 30, severity: { P2: 1, P3: 2, P4: 1 }, mttrHours: 3, openNow: 2 }
    oncall:
      vendor: pagerduty
      serviceId: PBUSY01
      integrationKey: 0123456789abcdef0123456789abcdef
      rota: [ben.carter, chloe.martin]
      rotationDays: 7
      escalationLevels: 2
  gap-service:
    repo: { github: acme/gap-service }
    oncall:
      vendor: pagerduty
      serviceId: PGAPSV1
      rota: [ada.okafor, ben.carter]
      rotationDays: 7
      escalationLevels: 2
      timeZone: Europe/Madrid
      gaps: [{ inDays: 4, fromHour: 20, hours: 12 }]
  solo-service:
    repo: { github: acme/solo-service }
    oncall: { vendor: pagerduty, serviceId: PSOLO01, rota: [marco.rossi], rotationDays: 7, escalationLevels: 1 }
  auth-service:
    repo: { github: acme/auth-service }
    incidents: { perMonth: 10, severity: { P1: 1, P3: 3 }, mttrHours: 2, openNow: 1 }
    oncall: &identity
      vendor: opsgenie
      team: identity
      rota: [nadia.rahman, oscar.lindqvist, priya.sharma]
      rotationDays: 7
      escalationLevels: 3
      manager: helen.park
      timeZone: Europe/Berlin
  user-profile:
    repo: { github: acme/user-profile }
    incidents: { perMonth: 4, severity: { P3: 1 }, mttrHours: 1 }
    oncall: *identity
  storefront-web:
    repo: { github: acme/storefront-web }
    oncall: { vendor: opsgenie, team: growth, rota: [jade.wilson, kofi.mensah], rotationDays: 14, escalationLevels: 1, timeZone: Europe/London }
`;

export function oncallScenario(): Scenario {
  return parseScenario(ONCALL_SCENARIO_YAML, 'oncall-scenario.yaml');
}
