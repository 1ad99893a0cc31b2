import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_SCENARIO_YAML } from '../testing/fixtures';
import { loadScenario, parseScenario, ScenarioError } from './load';

function problemsOf(yaml: string): string[] {
  try {
    parseScenario(yaml, 'bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario loading', () => {
  it('parses a valid scenario and fills defaults', () => {
    const s = parseScenario(TEST_SCENARIO_YAML);
    expect(s.currency).toBe('USD');
    expect(s.vendors.pagerduty.subdomain).toBe('acme');
    const deploys = s.components['payments-api']!.deploys!;
    expect(deploys.production).toEqual(['production']);
    expect(deploys.failureRate).toBe(0);
    expect(s.components['payments-api']!.oncall!.timeZone).toBe('UTC');
  });

  it('names the bad path and its line', () => {
    const yaml = TEST_SCENARIO_YAML.replace('perWeek: 20,', 'perWeek: 20, failureRate: 1.5,');
    const problems = problemsOf(yaml);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^components\.payments-api\.deploys\.failureRate \(line 7\): Too big: expected number to be <=1$/);
  });

  it('reports every problem at once, with a readable message', () => {
    const yaml = `
seed: 1
historyDays: 30
components:
  a:
    repo: { github: acme/a, gitlab: acme/x/a }
    deploys: { perWeek: 1, everyDays: 2, environments: [staging] }
    incidents: { perMonth: 1, severity: { P9: 1 }, mttrHours: 1 }
    cost: { monthly: 10, services: { AmazonEC3: 1 }, tagged: true }
  b:
    repo: { github: ACME/A }
    deploys: { perWeek: 1, environments: [production], lastDeployDaysAgo: 40 }
    oncall: { vendor: pagerduty, serviceId: nope, rota: [x, x], rotationDays: 7, escalationLevels: 9 }
    colour: blue
`;
    const text = (() => {
      try {
        parseScenario(yaml, 'bad.yaml');
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(text).toMatch(/^Invalid scenario bad\.yaml:\n/);
    for (const expected of [
      'components.a.repo (line 6): set exactly one of github or gitlab',
      'components.a.deploys (line 7): set exactly one cadence',
      'components.a.deploys.production',
      'components.a.incidents.severity',
      'components.a.incidents (line 8): incidents are served by the on-call vendor',
      'components.a.cost.services',
      'components.a.cost.tag',
      'components.b.oncall.serviceId (line 13): must be a PagerDuty id',
      'components.b.oncall.rota.1',
      'components.b.oncall.escalationLevels',
      'components.b (line 11): Unrecognized key: "colour"',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('checks rules that span components', () => {
    const problems = problemsOf(`
seed: 1
historyDays: 30
components:
  a:
    repo: { github: acme/a }
    deploys: { perWeek: 1, environments: [production], lastDeployDaysAgo: 40 }
    oncall: { vendor: opsgenie, team: data, rota: [x], rotationDays: 7, escalationLevels: 1 }
  b:
    repo: { github: ACME/A }
    oncall: { vendor: opsgenie, team: data, rota: [y], rotationDays: 7, escalationLevels: 1 }
`);
    expect(problems.join('\n')).toContain('components.a.deploys.lastDeployDaysAgo (line 7): must be less than historyDays');
    expect(problems.join('\n')).toContain('components.b.repo.github (line 10): github repo "ACME/A" is already used by a');
    expect(problems.join('\n')).toContain(`components.b.oncall (line 11): Opsgenie team "data" has one schedule`);
  });

  it('explains broken YAML and a missing file', () => {
    const yamlProblems = problemsOf('seed: 1\ncomponents: { a: [\n');
    expect(yamlProblems[0]).toMatch(/^YAML: /);
    expect(() => loadScenario('/nonexistent/scenario.yaml')).toThrow(/Invalid scenario \/nonexistent\/scenario\.yaml:\n {2}- cannot read/);
  });

  it('loads from a file and ignores x- extension keys used for anchors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'scenario.yaml');
    writeFileSync(
      file,
      `seed: 3
x-rota: &rota [ada]
components:
  a: { repo: { github: acme/a }, oncall: { vendor: pagerduty, serviceId: PABCDEF, rota: *rota, rotationDays: 7, escalationLevels: 1 } }
`,
    );
    const s = loadScenario(file);
    expect(s.components.a!.oncall!.rota).toEqual(['ada']);
  });
});
