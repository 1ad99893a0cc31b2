import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import { LaggingTeams } from './LaggingTeams';
import { rollbackProgress } from './testing/campaignTestData';

type Lagging = CampaignProgressResponse['lagging'];

const [search] = rollbackProgress.lagging;

// Search lists its 3 entities and has 3 more; Data lists 1 and has 1 more; Billing lists all it has.
const lagging: Lagging = [
  { ...search, notDone: 6, more: 3 },
  {
    ownerRef: 'group:default/team-data',
    title: 'Data',
    notDone: 2,
    entities: [{ ...search.entities[0], entityRef: 'component:default/etl', ownerRef: 'group:default/team-data' }],
    more: 1,
  },
  { ...search, ownerRef: 'group:default/team-billing', title: 'Billing', notDone: 3, more: 0 },
];

async function renderLagging(teams: Lagging) {
  await renderInTestApp(<LaggingTeams lagging={teams} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('LaggingTeams', () => {
  it("counts a team's entities beyond those listed and sends to the CSV for them, in the singular for one", async () => {
    await renderLagging(lagging);
    const teams = screen.getAllByTestId('opsfolio-campaign-lagging-team');
    expect(teams.map(t => t.dataset.team)).toEqual([
      'group:default/team-search',
      'group:default/team-data',
      'group:default/team-billing',
    ]);
    // The heading counts every entity not done; the table lists the first ones.
    expect(within(teams[0]).getByRole('heading')).toHaveTextContent('Search: 6 entities not done');
    expect(within(teams[0]).getAllByTestId('opsfolio-campaign-lagging-entity')).toHaveLength(3);
    expect(within(teams[0]).getByTestId('opsfolio-campaign-lagging-more')).toHaveTextContent(
      'and 3 more: download the CSV for all of them',
    );
    expect(within(teams[1]).getAllByTestId('opsfolio-campaign-lagging-entity')).toHaveLength(1);
    expect(within(teams[1]).getByTestId('opsfolio-campaign-lagging-more')).toHaveTextContent(
      'and 1 more: download the CSV for the full list',
    );
    expect(within(teams[2]).queryByTestId('opsfolio-campaign-lagging-more')).toBeNull();
  });

  it('adds no line when every entity is listed', async () => {
    await renderLagging(rollbackProgress.lagging);
    expect(screen.getAllByTestId('opsfolio-campaign-lagging-entity')).toHaveLength(3);
    expect(screen.queryByTestId('opsfolio-campaign-lagging-more')).toBeNull();
  });
});
