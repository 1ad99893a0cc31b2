import type { SourceHealth, SyncProgress } from '@opsfolio/backstage-plugin-common';

const VENDOR_NAMES: Record<string, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  aws: 'AWS Cost Explorer',
  focus: 'FOCUS',
  scm: 'CODEOWNERS',
  opsfolio: 'scorecards',
};

/** A source as people name it: "GitHub", or "FOCUS (focus-azure)" when one vendor feeds several sources. */
export function sourceLabel(source: Pick<SourceHealth, 'id' | 'vendor'>): string {
  const name = VENDOR_NAMES[source.vendor];
  if (!name) return source.id;
  return source.id === source.vendor || VENDOR_NAMES[source.id] ? name : `${name} (${source.id})`;
}

/** "12 of 40 repositories", "3 files", "4 of 10 services (incidents)". */
export function progressText(progress: SyncProgress): string {
  const count = progress.total !== undefined ? `${progress.done} of ${progress.total}` : `${progress.done}`;
  return `${count} ${progress.unit}${progress.phase ? ` (${progress.phase})` : ''}`;
}

/**
 * What a running source is doing: "First sync of GitHub in progress: 12 of 40 repositories", or "Syncing GitHub"
 * once it has synced before. Undefined when the source is not running.
 */
export function runningLine(source: SourceHealth): string | undefined {
  if (source.lastRun?.status !== 'running') return undefined;
  const what = source.lastSuccessAt ? `Syncing ${sourceLabel(source)}` : `First sync of ${sourceLabel(source)} in progress`;
  return source.lastRun.progress ? `${what}: ${progressText(source.lastRun.progress)}` : what;
}
