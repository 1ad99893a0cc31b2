import type { SourceHealth, SyncProgress } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioT } from '../translation/format';

// Product names: the same in every language.
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

/** "12 of 40 repositories", "3 files", "4 of 10 services (incidents)"; the unit and phase are the module's words. */
export function progressText(t: OpsfolioT, progress: SyncProgress): string {
  const count =
    progress.total !== undefined
      ? t('common.sync.doneOfTotal', { done: progress.done, total: progress.total, unit: progress.unit })
      : t('common.sync.done', { done: progress.done, unit: progress.unit });
  return progress.phase ? t('common.sync.phase', { progress: count, phase: progress.phase }) : count;
}

/**
 * What a running source is doing: "First sync of GitHub in progress: 12 of 40 repositories", or "Syncing GitHub"
 * once it has synced before. Undefined when the source is not running.
 */
export function runningLine(t: OpsfolioT, source: SourceHealth): string | undefined {
  if (source.lastRun?.status !== 'running') return undefined;
  const what = source.lastSuccessAt
    ? t('common.sync.syncing', { source: sourceLabel(source) })
    : t('common.sync.firstSyncRunning', { source: sourceLabel(source) });
  return source.lastRun.progress
    ? t('common.sync.withProgress', { what, progress: progressText(t, source.lastRun.progress) })
    : what;
}
