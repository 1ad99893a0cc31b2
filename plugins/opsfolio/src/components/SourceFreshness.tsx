import { Alert, Text } from '@backstage/ui';
import type { SourceHealth } from '@opsfolio/backstage-plugin-common';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { runDetailsLine } from './runDetails';
import { runningLine, sourceLabel } from './syncProgress';

/**
 * How fresh a card's data is. When a source's last run failed, the card keeps showing the last good data
 * and says so, with its age and the error. Sources that report what they read (rows, rows left out) get a
 * data-quality line each, and a running source says how far it has got.
 */
export function SourceFreshness(props: {
  sources: SourceHealth[];
  /** The card shows its empty state, which already says which sync failed or how far a first sync has got. */
  emptyStateShown?: boolean;
}) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const failed = props.emptyStateShown ? [] : props.sources.filter(s => s.lastRun?.status === 'failed');
  const running = props.sources
    .filter(s => !(props.emptyStateShown && !s.lastSuccessAt))
    .flatMap(s => {
      const line = runningLine(t, s);
      return line ? [{ id: s.id, line }] : [];
    });
  const newest = props.sources
    .map(s => s.lastSuccessAt)
    .filter((t): t is string => Boolean(t))
    .sort()
    .pop();
  return (
    <>
      {failed.map(source => (
        <Alert
          key={source.id}
          role="alert"
          status="warning"
          icon
          mb="2"
          title={t('common.freshness.failed', {
            source: sourceLabel(source),
            failedAgo: format.age(source.lastRun?.finishedAt ?? source.lastRun?.startedAt),
            lastGood: format.age(source.lastSuccessAt),
          })}
          description={source.lastRun?.error}
        />
      ))}
      {running.map(({ id, line }) => (
        <Text key={id} as="p" data-testid="opsfolio-sync-progress">
          {line}
        </Text>
      ))}
      {props.sources.map(source => {
        const line =
          source.lastRun?.status === 'succeeded' ? runDetailsLine(text, source.id, source.lastRun.details) : undefined;
        return (
          line && (
            <Text key={source.id} as="p" variant="body-small" color="secondary" data-testid="opsfolio-data-quality">
              {line}
            </Text>
          )
        );
      })}
      {newest && (
        <Text as="p" variant="body-small" color="secondary" data-testid="opsfolio-freshness">
          {t('common.freshness.synced', { age: format.age(newest) })}
        </Text>
      )}
    </>
  );
}
