import type { CampaignDefinition, Scorecard } from '@opsfolio/backstage-plugin-common';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { promoteCampaign, promotionDiff } from './promotion';

const check = (id: string, title: string, level: string) => ({ id, title, fact: 'f', operator: 'exists' as const, level, description: 'd', fix: { text: 'x' } });
const SCORECARD: Scorecard = {
  id: 'ready',
  title: 'Ready',
  filter: { kind: ['component'] },
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  checks: [check('runbook', 'Runbook linked', 'bronze'), check('dashboard', 'Dashboard linked', 'silver'), check('drills', 'Rollback drilled', 'gold')],
  targets: { '1': 'silver' },
};
const campaign = (over: Partial<CampaignDefinition>): CampaignDefinition => ({
  id: 'c',
  title: 'Drills for all',
  owner: 'group:default/team-sre',
  scorecardId: 'ready',
  startDate: '2026-11-01',
  targetDate: '2026-11-30',
  endedOn: '2026-11-29',
  ...over,
});

// A scorecard file as people write them: comments, a list of two scorecards, ours second.
const FILE = `# Our scorecards
- id: other
  title: Other
  filter: {}
  levels: [{ id: one, title: One }]
  checks: []
- id: ready
  title: Ready
  filter: { kind: [component] }
  levels:
    - { id: bronze, title: Bronze }
    - { id: silver, title: Silver }
    - { id: gold, title: Gold }
  targets:
    '1': silver
  checks:
    - id: runbook
      title: Runbook linked
      fact: f
      operator: exists
      level: bronze # everyone
      description: d
      fix: { text: x }
    - id: dashboard
      title: Dashboard linked
      fact: f
      operator: exists
      level: silver
      description: d
      fix: { text: x }
    - id: drills
      title: Rollback drilled
      fact: f
      operator: exists
      level: gold # the best only, for now
      description: d
      fix: { text: x }
`;

describe('campaign promotion', () => {
  it("moves a check campaign's checks down to the level asked for, and leaves those already there", () => {
    const c = campaign({ checks: ['runbook', 'dashboard', 'drills'] });
    const toBronze = promoteCampaign(c, SCORECARD);
    expect(toBronze.level).toEqual({ id: 'bronze', title: 'Bronze' });
    expect(toBronze.changes.map(x => x.text)).toEqual(['Dashboard linked: from Silver to Bronze', 'Rollback drilled: from Gold to Bronze']);
    expect(toBronze.promoted.checks.map(k => k.level)).toEqual(['bronze', 'bronze', 'bronze']);
    expect(promoteCampaign(c, SCORECARD, 'silver').changes.map(x => x.text)).toEqual(['Rollback drilled: from Gold to Silver']);
    expect(promoteCampaign(c, SCORECARD, 'gold').changes).toEqual([]);
    expect(() => promoteCampaign(c, SCORECARD, 'platinum')).toThrow("level: 'platinum' is not a level of ready (bronze, silver, gold)");
  });

  it("raises the targets of a level campaign's tiers, or of every tier with a target", () => {
    expect(promoteCampaign(campaign({ targetLevel: 'gold', filter: { tier: ['1', '2'] } }), SCORECARD).promoted.targets).toEqual({ '1': 'gold', '2': 'gold' });
    const noTier = promoteCampaign(campaign({ targetLevel: 'gold' }), SCORECARD);
    expect(noTier.changes.map(x => x.text)).toEqual(['Tier 1 target: from Silver to Gold']);
    expect(promoteCampaign(campaign({ targetLevel: 'bronze' }), SCORECARD).changes).toEqual([]);
  });

  it('edits the YAML file the scorecard came from, comments kept, as a diff git applies', () => {
    const repo = mkdtempSync(join(tmpdir(), 'opsfolio-promotion-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'scorecards.yaml'), FILE);
    const path = relative(process.cwd(), join(repo, 'scorecards.yaml'));
    const answer = promotionDiff(campaign({ checks: ['drills'] }), SCORECARD, { kind: 'file', path, index: 1 }, 'silver');
    expect(answer).toMatchObject({ source: { kind: 'file', path }, file: path, changes: ['Rollback drilled: from Gold to Silver'], followUp: [] });
    // One line changes, in the second scorecard, and its comment stays.
    expect(answer.diff.split('\n').filter(l => /^[-+][^-+]/.test(l))).toEqual(['-      level: gold # the best only, for now', '+      level: silver # the best only, for now']);
    writeFileSync(join(repo, 'change.patch'), answer.diff.replaceAll(`a/${path}`, 'a/scorecards.yaml').replaceAll(`b/${path}`, 'b/scorecards.yaml'));
    execFileSync('git', ['apply', 'change.patch'], { cwd: repo });
    const applied = parse(readFileSync(join(repo, 'scorecards.yaml'), 'utf8'));
    expect(applied[1].checks.map((c: { level: string }) => c.level)).toEqual(['bronze', 'silver', 'silver']);
    expect(applied[0].id).toBe('other');
  });

  it("raises a file's tier targets, adding the tiers it lacks", () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsfolio-promotion-'));
    writeFileSync(join(dir, 'scorecards.yaml'), FILE);
    const path = relative(process.cwd(), join(dir, 'scorecards.yaml'));
    const inPlace = promotionDiff(campaign({ targetLevel: 'gold', filter: { tier: ['1'] } }), SCORECARD, { kind: 'file', path, index: 1 });
    expect(inPlace.diff.split('\n').filter(l => /^[-+][^-+]/.test(l))).toEqual(["-    '1': silver", "+    '1': gold"]);
    const added = promotionDiff(campaign({ targetLevel: 'gold', filter: { tier: ['1', '2'] } }), SCORECARD, { kind: 'file', path, index: 1 });
    expect(added.changes).toEqual(['Tier 1 target: from Silver to Gold', 'Tier 2 target: from none to Gold']);
    expect(added.diff.split('\n').filter(l => /^[-+][^-+]/.test(l))).toEqual(["-    '1': silver", "+    '1': gold", "+    '2': gold"]);
  });

  it('writes a new file for a shipped scorecard, which git applies and which replaces the shipped one by id', () => {
    const answer = promotionDiff(campaign({ checks: ['dashboard'] }), SCORECARD, { kind: 'shipped' });
    expect(answer).toMatchObject({
      source: { kind: 'shipped' },
      file: 'scorecards/ready.yaml',
      followUp: ['Add scorecards/ready.yaml to opsfolio.scorecards.files: its scorecard replaces the shipped one with the same id.'],
    });
    expect(answer.diff.split('\n').slice(0, 2)).toEqual(['--- /dev/null', '+++ b/scorecards/ready.yaml']);
    const repo = mkdtempSync(join(tmpdir(), 'opsfolio-promotion-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'change.patch'), answer.diff);
    execFileSync('git', ['apply', 'change.patch'], { cwd: repo });
    const written = parse(readFileSync(join(repo, 'scorecards/ready.yaml'), 'utf8'));
    expect(written).toEqual({ ...SCORECARD, checks: SCORECARD.checks.map(c => (c.id === 'dashboard' ? { ...c, level: 'bronze' } : c)) });
    // Nothing to change: no diff, nothing to do.
    expect(promotionDiff(campaign({ checks: ['runbook'] }), SCORECARD, { kind: 'shipped' })).toMatchObject({ changes: [], diff: '', followUp: [] });
  });
});
