import plugin from './index';

// The new frontend system's plugin: every card, tab, page and the API under its stable extension id, which
// adopters name in app-config (`app.extensions`) to place, configure or disable them.
describe('the opsfolio frontend plugin (new frontend system)', () => {
  it.each([
    'api:opsfolio',
    'entity-card:opsfolio/ownership',
    'entity-card:opsfolio/deployments',
    'entity-card:opsfolio/oncall',
    'entity-card:opsfolio/team-oncall',
    'entity-card:opsfolio/cost',
    'entity-card:opsfolio/team-cost',
    'entity-card:opsfolio/scorecard',
    'entity-card:opsfolio/team-portfolio',
    'entity-content:opsfolio/deployments',
    'entity-content:opsfolio/cost',
    'entity-content:opsfolio/scorecards',
    'page:opsfolio/cost',
    'page:opsfolio/ownership',
    'page:opsfolio/scorecards',
    'page:opsfolio/campaigns',
  ])('has %s', id => {
    expect(plugin.getExtension(id as never)).toBeDefined();
  });

  it('routes its four pages', () => {
    expect(Object.keys(plugin.routes).sort()).toEqual(['campaignsPage', 'costPage', 'ownershipPage', 'scorecardsPage']);
  });
});
