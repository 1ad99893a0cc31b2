import { ConfigReader } from '@backstage/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCTION_READINESS } from '../scorecards/productionReadiness';
import { CampaignConfigError, readCampaignDefinitions } from './config';

const campaign = { id: 'drills', title: 'Drills', owner: 'team-sre', scorecardId: 'production-readiness', targetLevel: 'silver', startDate: '2027-01-04', targetDate: '2027-01-31' };
const read = (campaigns: object) => readCampaignDefinitions(new ConfigReader({ opsfolio: { campaigns } }), [PRODUCTION_READINESS]);

describe('readCampaignDefinitions', () => {
  it('reads inline campaigns and YAML files, owners as full refs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaigns-'));
    const file = join(dir, 'campaigns.yaml');
    writeFileSync(file, `- id: runbooks\n  title: Runbooks\n  owner: group:platform/team-sre\n  scorecardId: production-readiness\n  checks: [runbook]\n  startDate: 2027-02-01\n  targetDate: 2027-02-28\n`);
    const campaigns = read({ definitions: [campaign], files: [file] });
    expect(campaigns.map(c => [c.id, c.owner])).toEqual([
      ['drills', 'group:default/team-sre'],
      ['runbooks', 'group:platform/team-sre'],
    ]);
  });

  it('fails start-up with every problem, each naming where it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaigns-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'id: broken\ntitle: Broken\nowner: team-a\nscorecardId: production-readiness\nchecks: [no-such-check]\nstartDate: 2027-13-01\ntargetDate: 2027-01-31\n');
    let problems: string[] = [];
    try {
      read({
        definitions: [
          { ...campaign, targetLevel: 'platinum', milestones: [{ date: '2027-03-01', share: 1.5 }] },
          { ...campaign, scorecardId: 'nope' },
          campaign,
        ],
        files: [file, join(dir, 'missing.yaml')],
      });
    } catch (error) {
      expect(error).toBeInstanceOf(CampaignConfigError);
      problems = (error as CampaignConfigError).problems;
    }
    expect(problems).toEqual([
      `${join(dir, 'missing.yaml')}: ENOENT: no such file or directory, open '${join(dir, 'missing.yaml')}'`,
      'opsfolio.campaigns.definitions[0].milestones[0].share: must be at most 1',
      'opsfolio.campaigns.definitions[0].milestones[0].date: must be between the start and target dates (2027-01-04 to 2027-01-31)',
      "opsfolio.campaigns.definitions[1].scorecardId: unknown scorecard 'nope' (known: production-readiness)",
      "opsfolio.campaigns.definitions[2]: campaign id 'drills' is configured twice",
      `${file}: startDate: must be a date, YYYY-MM-DD`,
    ]);
  });
});
