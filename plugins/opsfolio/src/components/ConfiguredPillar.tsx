import { Text } from '@backstage/ui';
import type { PillarId, PillarSummary } from '@opsfolio/backstage-plugin-common';
import { PillarWaitingState } from './PillarWaitingState';

/**
 * What a configured pillar shows while no data has arrived for the entity: the annotations found, then whether
 * a module is installed, its first sync is running (and how far it has got) or failed, or it synced and found
 * nothing for them.
 */
export function ConfiguredPillar(props: { pillar: PillarId; summary: PillarSummary; waitingFor: string; installHint: string }) {
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
          noSource: { title: `No ${props.waitingFor} yet`, body: props.installHint },
          nothingFound: ({ sources, syncedAgo }) => ({
            title: `No ${props.waitingFor} yet`,
            body: `${sources.join(', ')} synced ${syncedAgo} and found none for the annotation above: check its value.`,
          }),
          fills: 'This card',
        }}
      />
    </>
  );
}
