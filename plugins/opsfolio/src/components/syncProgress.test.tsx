import { renderInTestApp } from '@backstage/test-utils';
import type { SourceHealth, SyncProgress } from '@opsfolio/backstage-plugin-common';
import { screen } from '@testing-library/react';
import { SourceFreshness } from './SourceFreshness';
import { englishText } from '../translation/testing/englishText';
import { progressText as progressOf, runningLine as runningOf, sourceLabel } from './syncProgress';

const { t } = englishText();
const progressText = (p: SyncProgress) => progressOf(t, p);
const runningLine = (s: SourceHealth) => runningOf(t, s);

const at = '2026-12-05T10:00:00Z';
const running = (progress?: SyncProgress): SourceHealth['lastRun'] => ({
  sourceId: 'x',
  status: 'running',
  startedAt: at,
  progress,
});

describe('sync progress', () => {
  it('names sources as people do, and tells apart two of one vendor', () => {
    expect(sourceLabel({ id: 'github', vendor: 'github' })).toBe('GitHub');
    expect(sourceLabel({ id: 'focus-azure', vendor: 'focus' })).toBe('FOCUS (focus-azure)');
    expect(sourceLabel({ id: 'codeowners', vendor: 'scm' })).toBe('CODEOWNERS (codeowners)');
    expect(sourceLabel({ id: 'acme-cmdb', vendor: 'acme' })).toBe('acme-cmdb');
  });

  it('says how far a run has got, with or without a total and a phase', () => {
    expect(progressText({ unit: 'repositories', done: 12, total: 40, at })).toBe('12 of 40 repositories');
    expect(progressText({ unit: 'files', done: 3, at })).toBe('3 files');
    expect(progressText({ unit: 'services', done: 4, total: 10, phase: 'incidents', at })).toBe('4 of 10 services (incidents)');
  });

  it('words a first sync apart from a later one, and says nothing when not running', () => {
    const progress = { unit: 'projects', done: 1, total: 3, at };
    expect(runningLine({ id: 'gitlab', pillar: 'deployments', vendor: 'gitlab', lastRun: running(progress) })).toBe(
      'First sync of GitLab in progress: 1 of 3 projects',
    );
    expect(runningLine({ id: 'gitlab', pillar: 'deployments', vendor: 'gitlab', lastSuccessAt: at, lastRun: running(progress) })).toBe(
      'Syncing GitLab: 1 of 3 projects',
    );
    expect(runningLine({ id: 'gitlab', pillar: 'deployments', vendor: 'gitlab', lastRun: running() })).toBe('First sync of GitLab in progress');
    expect(runningLine({ id: 'gitlab', pillar: 'deployments', vendor: 'gitlab', lastSuccessAt: at })).toBeUndefined();
  });

  it('shows a running sync on a card that has data', async () => {
    const progress = { unit: 'services', done: 2, total: 5, phase: 'incidents', at };
    await renderInTestApp(
      <SourceFreshness
        sources={[
          { id: 'pagerduty', pillar: 'oncall', vendor: 'pagerduty', lastSuccessAt: at, lastRun: running(progress) },
          { id: 'opsgenie', pillar: 'oncall', vendor: 'opsgenie', lastRun: running({ unit: 'components', done: 0, total: 2, at }) },
        ]}
      />,
    );
    expect(screen.getAllByTestId('opsfolio-sync-progress').map(l => l.textContent)).toEqual([
      'Syncing PagerDuty: 2 of 5 services (incidents)',
      'First sync of Opsgenie in progress: 0 of 2 components',
    ]);
  });
});
