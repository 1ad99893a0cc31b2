import type { PillarWaitingTexts } from '../components/PillarWaitingState';

/** What the cost card and page say while there is no spend to show. */
export function costWaitingTexts(tagKey: string, fills: string): PillarWaitingTexts {
  return {
    noSource: {
      title: 'No cost module is installed',
      body: (
        <>
          Opsfolio reads spend from a cost source in the backend: add the AWS Cost Explorer or FOCUS Opsfolio module to
          the backend and set the organisation&apos;s cost allocation tag.
        </>
      ),
    },
    nothingFound: ({ sources, syncedAgo }) => ({
      title: 'No spend this month',
      body: (
        <>
          {sources.join(', ')} synced {syncedAgo} and found no spend for this month. Check that the <code>{tagKey}</code>{' '}
          tag is active for cost allocation and that the export covers this month.
        </>
      ),
    }),
    fills,
  };
}
