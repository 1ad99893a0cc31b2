import { Text } from '@backstage/ui';
import type { PillarId, SourceHealth } from '@opsfolio/backstage-plugin-common';
import type { ReactNode } from 'react';
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
function firstSyncTitle(waiting: Extract<PillarWaiting, { kind: 'first-sync' }>): string {
  if (waiting.lines.length === 1) return waiting.lines[0];
  const sources = waiting.sources.join(', ');
  return waiting.since ? `First sync of ${sources} in progress` : `Waiting for the first sync of ${sources}`;
}

/**
 * The empty state of a pillar whose data has not arrived, telling apart: no module installed, the first sync
 * running (with how far it has got), the first sync failed, and synced but nothing found.
 */
export function PillarWaitingState(props: { pillar: PillarId; sources: SourceHealth[] | undefined; texts: PillarWaitingTexts }) {
  const waiting = pillarWaiting(props.pillar, props.sources);
  switch (waiting.kind) {
    case 'no-source':
      return <PillarEmptyState title={props.texts.noSource.title}>{props.texts.noSource.body}</PillarEmptyState>;
    case 'first-sync':
      return (
        <PillarEmptyState title={firstSyncTitle(waiting)}>
          {waiting.lines.length > 1 &&
            waiting.lines.map(line => (
              <Text key={line} as="p" data-testid="opsfolio-sync-progress">
                {line}
              </Text>
            ))}
          {waiting.since ? `Started ${waiting.since}. ` : 'It starts on the source\'s schedule. '}
          {props.texts.fills} fills in when it ends.
        </PillarEmptyState>
      );
    case 'failed':
      return (
        <PillarEmptyState
          title={`The ${waiting.lastGood ? 'last' : 'first'} sync of ${waiting.source} failed ${waiting.failedAgo}`}
        >
          {waiting.error}{' '}
          {waiting.lastGood
            ? `Its last good data, from ${waiting.lastGood}, has nothing here;`
            : 'Nothing has been stored yet;'}{' '}
          it is retried on its schedule, and <code>/api/opsfolio/health</code> shows each run.
        </PillarEmptyState>
      );
    case 'nothing-found': {
      const { title, body } = props.texts.nothingFound(waiting);
      return <PillarEmptyState title={title}>{body}</PillarEmptyState>;
    }
    default:
      return (
        <PillarEmptyState title="No data yet">
          The sources of this pillar could not be read; if one is installed, its first sync has not finished yet.
        </PillarEmptyState>
      );
  }
}
