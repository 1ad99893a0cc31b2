import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError } from '../../scenario/load';
import { TEST_NOW } from '../../testing/fixtures';
import { blobSha, codeownersFile } from './codeownersFiles';

const problemsOf = (yaml: string): string[] => {
  try {
    parseScenario(yaml, 'bad.yaml');
  } catch (error) {
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be invalid');
};

describe('scenario codeowners', () => {
  const base = `
seed: 1
components:
  a: { repo: { github: acme/a } }
  b: { repo: { gitlab: acme/g/b } }
`;

  it('defaults to none, so every repository answers 404', () => {
    const scenario = parseScenario(base);
    expect(scenario.codeowners).toEqual({});
    expect(codeownersFile({ scenario, now: () => TEST_NOW }, 'a')).toBeUndefined();
  });

  it('turns owners into a * rule at .github/CODEOWNERS, and keeps lines as written at their path', () => {
    const scenario = parseScenario(`${base}codeowners:\n  a: ' @acme/x   jane@acme.example '\n`);
    const ctx = { scenario, now: () => TEST_NOW };
    const text = '# Code owners of acme/a: the last matching pattern wins.\n*  @acme/x jane@acme.example\n';
    expect(codeownersFile(ctx, 'a')).toEqual({ path: '.github/CODEOWNERS', text, sha: blobSha(text) });

    const lines = parseScenario(`${base}codeowners:\n  a: { path: docs/CODEOWNERS, lines: ['* @x', 'broken line'] }\n`);
    expect(codeownersFile({ scenario: lines, now: () => TEST_NOW }, 'a')).toMatchObject({ path: 'docs/CODEOWNERS', text: '* @x\nbroken line\n' });
  });

  it('rejects bad owners, unknown paths, unknown components and the short form on GitLab', () => {
    const problems = problemsOf(`${base}codeowners:
  a: 'acme-team'
  b: '@acme/x'
  c: '@acme/x'
`).join('\n');
    expect(problems).toContain('codeowners.a');
    expect(problemsOf(`${base}codeowners:\n  a: { path: src/CODEOWNERS, lines: ['* @x'] }\n`).join('\n')).toContain('codeowners.a');
    const crossProblems = problemsOf(`${base}codeowners:\n  b: '@acme/x'\n  c: '@acme/x'\n`).join('\n');
    expect(crossProblems).toContain('codeowners.b (line 7): "b" is on GitLab: give { path, lines }');
    expect(crossProblems).toContain('codeowners.c (line 8): "c" is not a component of this scenario');
    // GitLab's own paths, as written.
    const gitlab = parseScenario(`${base}codeowners:\n  b: { path: .gitlab/CODEOWNERS, lines: ['[Team] @acme/g/x', '*'] }\n`);
    expect(codeownersFile({ scenario: gitlab, now: () => TEST_NOW }, 'b')).toMatchObject({ path: '.gitlab/CODEOWNERS', text: '[Team] @acme/g/x\n*\n' });
  });

  it("computes git's blob sha", () => {
    expect(blobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a'); // git hash-object
  });
});

// The demo: every GitHub repository in examples/catalog serves a CODEOWNERS naming its catalog owner's team,
// except storefront-web, the one deliberate drift.
describe('examples: CODEOWNERS agree with the catalog but for one drift', () => {
  const examples = fileURLToPath(new URL('../../../../../examples/', import.meta.url));
  const index = resolve(examples, 'catalog/index.yaml');
  const read = (file: string) => parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());
  const targets: string[] = read(index)[0].spec.targets;
  const entities = targets.flatMap((t) => read(resolve(dirname(index), t)));
  const scenario = loadScenario(resolve(examples, 'scenario.yaml'));
  const ctx = { scenario, now: () => TEST_NOW };
  const onGithub = entities.filter((e) => e.kind === 'Component' && e.metadata.annotations?.['github.com/project-slug']);
  const onGitlab = entities.filter((e) => e.kind === 'Component' && e.metadata.annotations?.['gitlab.com/project-slug']);

  /** The owners of the last `*` rule: what GitHub assigns to the repository root. */
  const rootOwners = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([pattern]) => pattern === '*')
      .at(-1)
      ?.slice(1);

  it('serves a CODEOWNERS for every GitHub component, and for GitLab projects owned by a team', () => {
    expect(onGithub.length).toBeGreaterThanOrEqual(15);
    const names = Object.keys(scenario.codeowners);
    expect(names.filter((n) => onGithub.some((e) => e.metadata.name === n)).sort()).toEqual(onGithub.map((e) => e.metadata.name).sort());
    // GitLab, in GitLab's syntax at each of its three paths; legacy-sso-bridge (owned by a person) and
    // marketing-site have none.
    expect(names.filter((n) => onGitlab.some((e) => e.metadata.name === n)).sort()).toEqual(['feature-flags', 'payouts-worker', 'reporting-service']);
    expect(['feature-flags', 'reporting-service', 'payouts-worker'].map((n) => codeownersFile(ctx, n)!.path)).toEqual([
      'CODEOWNERS',
      'docs/CODEOWNERS',
      '.gitlab/CODEOWNERS',
    ]);
  });

  it('names the owning group as @acme/<group>, except storefront-web (owned by team-growth, names team-checkout)', () => {
    const drift: string[] = [];
    for (const component of onGithub) {
      const owner = /^(?:group:)?(?:default\/)?(.+)$/.exec(component.spec.owner)![1];
      const owners = rootOwners(codeownersFile(ctx, component.metadata.name)!.text);
      if (owners?.join(' ') !== `@acme/${owner}`) drift.push(`${component.metadata.name}: ${owner} vs ${owners?.join(' ')}`);
    }
    expect(drift).toEqual(['storefront-web: team-growth vs @acme/team-checkout']);
  });

  it('keeps one GitHub file at the root, so readers fall back past .github/CODEOWNERS', () => {
    const paths = onGithub.map((e) => codeownersFile(ctx, e.metadata.name)!.path);
    expect(paths.filter((p) => p === 'CODEOWNERS')).toHaveLength(1);
    expect(codeownersFile(ctx, 'events-pipeline')!.path).toBe('CODEOWNERS');
  });
});
