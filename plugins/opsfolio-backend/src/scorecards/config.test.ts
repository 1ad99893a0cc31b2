import { ConfigReader } from '@backstage/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScorecardSettings, ScorecardConfigError } from './config';
import { PRODUCTION_READINESS } from './productionReadiness';

const FACTS = new Set(['catalog.runbook', 'oncall.escalationLevels']);
const shipped = { builtIn: PRODUCTION_READINESS, fromModules: [] };
const check = { id: 'runbook', title: 'Runbook', fact: 'catalog.runbook', operator: '=', threshold: true, level: 'bronze', description: 'd', fix: { text: 'f' } };
const read = (scorecards: object) => readScorecardSettings(new ConfigReader({ opsfolio: { scorecards } }), shipped, FACTS);
const problemsOf = (scorecards: object) => {
  try {
    read(scorecards);
  } catch (error) {
    expect(error).toBeInstanceOf(ScorecardConfigError);
    return (error as ScorecardConfigError).problems;
  }
  throw new Error('expected the configuration to be rejected');
};

describe('readScorecardSettings', () => {
  it('ships the production readiness scorecard with default levels and retention', () => {
    const settings = readScorecardSettings(new ConfigReader({}), shipped, new Set());
    expect(settings.scorecards.map(s => s.id)).toEqual(['production-readiness']);
    expect(settings).toMatchObject({ historyDays: 365, backfillDays: 30 });
  });

  it('adds configured scorecards with Bronze, Silver and Gold when no levels are given, and replaces a shipped one by id', () => {
    const settings = read({
      definitions: [
        { id: 'basics', title: 'Basics', checks: [check] },
        { id: 'production-readiness', title: 'Ours', checks: [check] },
      ],
    });
    expect(settings.scorecards.map(s => [s.id, s.title])).toEqual([
      ['basics', 'Basics'],
      ['production-readiness', 'Ours'],
    ]);
    expect(settings.scorecards[0].levels.map(l => l.id)).toEqual(['bronze', 'silver', 'gold']);
    expect(read({ includeDefault: false }).scorecards).toEqual([]);
  });

  it('names the config path and the problem of every mistake at once', () => {
    const problems = problemsOf({
      definitions: [
        {
          id: 'Bad Id',
          title: 'x',
          checks: [
            { ...check, level: 'platinum' },
            { ...check, id: 'levels', operator: '>=', threshold: 'two', fact: 'oncall.escalationLevels' },
            { ...check, id: 'exists', operator: 'exists' },
            { ...check, id: 'unknown', fact: 'nope.fact' },
            { ...check, id: 'regex', operator: 'matches', threshold: '(' },
          ],
        },
      ],
      historyDays: 0,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^opsfolio\.scorecards\.definitions\[0\]\.id: must be lower-case/),
        "opsfolio.scorecards.definitions[0].checks[0].level: 'platinum' is not a level of this scorecard (bronze, silver, gold)",
        'opsfolio.scorecards.definitions[0].checks[1].threshold: >= needs a number',
        'opsfolio.scorecards.definitions[0].checks[2].threshold: exists takes no threshold',
        expect.stringMatching(/^opsfolio\.scorecards\.definitions\[0\]\.checks\[4\]\.threshold: not a regular expression/),
        'opsfolio.scorecards.historyDays: must be a whole number of days, at least 1',
      ]),
    );
  });

  it('reports an unknown fact with the facts that exist', () => {
    expect(problemsOf({ definitions: [{ id: 'x', title: 'x', checks: [{ ...check, fact: 'nope.fact' }] }] })).toEqual([
      "opsfolio.scorecards.definitions[0].checks[0].fact: unknown fact 'nope.fact' (known: catalog.runbook, oncall.escalationLevels)",
    ]);
  });

  it('checks scorecards modules ship like configured ones', () => {
    const fromModule = { ...PRODUCTION_READINESS, id: 'module-card', checks: [{ ...check, level: 'platinum' }, { ...check, id: 'other', fact: 'nope.fact' }] };
    expect(() => readScorecardSettings(new ConfigReader({}), { builtIn: PRODUCTION_READINESS, fromModules: [fromModule as never] }, FACTS)).toThrow(
      "scorecard 'module-card' from a module: checks[0].level: 'platinum' is not a level of this scorecard (bronze, silver, gold)",
    );
  });

  it('reads scorecards from YAML files and names the file in its errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsfolio-scorecards-'));
    const good = join(dir, 'good.yaml');
    const bad = join(dir, 'bad.yaml');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(good, 'id: from-file\ntitle: From a file\nchecks:\n  - { id: runbook, title: Runbook, fact: catalog.runbook, operator: "=", threshold: true, level: bronze, description: d, fix: { text: f } }\n');
    writeFileSync(bad, '- id: listed\n  title: Listed\n  checks:\n    - { id: runbook, title: Runbook, fact: catalog.runbook, operator: "~", level: bronze, description: d, fix: { text: f } }\n');
    writeFileSync(broken, 'id: [unclosed\n');
    expect(read({ files: [good] }).scorecards.map(s => s.id)).toEqual(['production-readiness', 'from-file']);
    const problems = problemsOf({ files: [good, bad, broken, join(dir, 'missing.yaml')] });
    expect(problems.find(p => p.startsWith(bad))).toBe(`${bad}: [0].checks[0].operator: Invalid option: expected one of "="|"!="|"<"|"<="|">"|">="|"in"|"exists"|"matches"`);
    expect(problems.some(p => p.startsWith(`${broken}: `))).toBe(true);
    expect(problems.some(p => p.startsWith(`${join(dir, 'missing.yaml')}: ENOENT`))).toBe(true);
  });
});
