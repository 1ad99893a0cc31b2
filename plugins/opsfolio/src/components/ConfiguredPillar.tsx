import { Text } from '@backstage/ui';
import type { PillarId, PillarSummary } from '@opsfolio/backstage-plugin-common';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { PillarWaitingState } from './PillarWaitingState';

/**
 * What a configured pillar shows while no data has arrived for the entity: the annotations found, then whether
 * a module is installed, its first sync is running (and how far it has got) or failed, or it synced and found
 * nothing for them.
 */
export function ConfiguredPillar(props: {
  pillar: PillarId;
  summary: PillarSummary;
  /** The empty state's title, e.g. "No deployments yet". */
  noneYet: string;
  installHint: string;
}) {
  const { t } = useOpsfolioText();
  const { summary } = props;
  return (
    <>
      {Object.entries(summary.found).map(([name, value]) => (
        <Text key={name} as="p">
          <code>{name}</code>: {value}
        </Text>
      ))}
      <PillarWaitingState
        pillar={props.pillar}
        sources={summary.sources}
        texts={{
          noSource: { title: props.noneYet, body: props.installHint },
          nothingFound: ({ sources, syncedAgo }) => ({
            title: props.noneYet,
            body: t('common.waiting.nothingForAnnotation', {
              sources: sources.join(t('common.listSeparator')),
              age: syncedAgo,
            }),
          }),
          fills: t('common.waiting.thisCard'),
        }}
      />
    </>
  );
}
