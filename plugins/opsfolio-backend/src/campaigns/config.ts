import type { Config } from '@backstage/config';
import type { CampaignDefinition, Scorecard } from '@opsfolio/backstage-plugin-common';
import { readDefinitionFile } from '../platform/definitionFiles';
import { describeIssues } from '../platform/zodIssues';
import { campaignSchema, checkAgainstScorecards } from './schema';

/** A campaign configuration that cannot be used: every problem, each naming its file or config path. */
export class CampaignConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Opsfolio campaigns are misconfigured:\n  - ${problems.join('\n  - ')}`);
    this.name = 'CampaignConfigError';
  }
}

/**
 * Reads `opsfolio.campaigns` (inline `definitions` and YAML `files`, paths relative to the backend's working
 * directory), each checked against the scorecards. Throws one {@link CampaignConfigError} listing every
 * problem, so start-up fails with all of them.
 */
export function readCampaignDefinitions(config: Config, scorecards: Scorecard[]): CampaignDefinition[] {
  const root = config.getOptionalConfig('opsfolio.campaigns');
  const problems: string[] = [];
  const raw: Array<{ value: unknown; where: string }> = [];
  (root?.getOptional<unknown[]>('definitions') ?? []).forEach((value, i) =>
    raw.push({ value, where: `opsfolio.campaigns.definitions[${i}]` })
  );
  for (const path of root?.getOptionalStringArray('files') ?? []) raw.push(...readDefinitionFile(path, problems));

  const campaigns: CampaignDefinition[] = [];
  for (const { value, where } of raw) {
    // A file's own entries read `<file>: [0] <path>`; config entries `opsfolio.campaigns.definitions[0].<path>`.
    const inFile = where.endsWith(':') || where.includes(': [');
    const at = (path: string) => (inFile ? `${where} ${path}` : `${where}.${path}`);
    const parsed = campaignSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error).map(p => at(p)));
      continue;
    }
    problems.push(...checkAgainstScorecards(parsed.data, scorecards).map(p => at(`${p.path}: ${p.message}`)));
    if (campaigns.some(c => c.id === parsed.data.id))
      problems.push(`${where}: campaign id '${parsed.data.id}' is configured twice`);
    campaigns.push(parsed.data);
  }
  if (problems.length) throw new CampaignConfigError(problems);
  return campaigns;
}
