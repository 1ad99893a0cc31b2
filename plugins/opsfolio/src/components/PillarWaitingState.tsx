import { Text } from '@backstage/ui';
import type { PillarId, SourceHealth } from '@opsfolio/backstage-plugin-common';
import type { ReactNode } from 'react';
import type { OpsfolioText } from '../translation/format';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { PillarEmptyState } from './PillarEmptyState';
import { pillarWaiting, type PillarWaiting } from './pillarWaiting';

/** What a pillar says in each case; the sync cases are worded the same everywhere. */
export interface PillarWaitingTexts {
  /** No module for the pillar is installed in the backend. */
  noSource: { title: string; body: ReactNode };
  /** The sources synced and found nothing (for this entity, or this month). */
  nothingFound: (found: { sources: string[]; syncedAgo: string }) => { title: string; body: ReactNode };
  /** What fills in when the first sync ends, e.g. "This card". */
  fills: string;
}

/** One source's own line, or for several: in progress once one has started, else waiting. */
function firstSyncTitle({ t }: OpsfolioText, waiting: Extract<PillarWaiting, { kind: 'first-sync' }>): string {
  if (waiting.lines.length === 1) return waiting.lines[0];
  const sources = waiting.sources.join(t('common.listSeparator'));
  return waiting.since
    ? t('common.waiting.firstSyncOfSeveral', { sources })
    : t('common.waiting.waitingForSeveral', { sources });
}

/**
 * The empty state of a pillar whose data has not arrived, telling apart: no module installed, the first sync
 * running (with how far it has got), the first sync failed, and synced but nothing found.
 */
export function PillarWaitingState(props: {
  pillar: PillarId;
  sources: SourceHealth[] | undefined;
  texts: PillarWaitingTexts;
}) {
  const text = useOpsfolioText();
  const { t } = text;
  const waiting = pillarWaiting(text, props.pillar, props.sources);
  switch (waiting.kind) {
    case 'no-source':
      return <PillarEmptyState title={props.texts.noSource.title}>{props.texts.noSource.body}</PillarEmptyState>;
    case 'first-sync':
      return (
        <PillarEmptyState title={firstSyncTitle(text, waiting)}>
          {waiting.lines.length > 1 &&
            waiting.lines.map(line => (
              <Text key={line} as="p" data-testid="opsfolio-sync-progress">
                {line}
              </Text>
            ))}
          {waiting.since ? t('common.waiting.started', { age: waiting.since }) : t('common.waiting.onSchedule')}
          {t('common.waiting.fillsIn', { what: props.texts.fills })}
        </PillarEmptyState>
      );
    case 'failed':
      return (
        <PillarEmptyState
          title={
            waiting.lastGood
              ? t('common.waiting.lastFailed', { source: waiting.source, age: waiting.failedAgo })
              : t('common.waiting.firstFailed', { source: waiting.source, age: waiting.failedAgo })
          }
        >
          {waiting.error}{' '}
          {waiting.lastGood
            ? t('common.waiting.lastGoodEmpty', { age: waiting.lastGood })
            : t('common.waiting.nothingStored')}{' '}
          {t('common.waiting.retried', { health: <code>/api/opsfolio/health</code> })}
        </PillarEmptyState>
      );
    case 'nothing-found': {
      const { title, body } = props.texts.nothingFound(waiting);
      return <PillarEmptyState title={title}>{body}</PillarEmptyState>;
    }
    default:
      return (
        <PillarEmptyState title={t('common.waiting.unknownTitle')}>{t('common.waiting.unknownBody')}</PillarEmptyState>
      );
  }
}
