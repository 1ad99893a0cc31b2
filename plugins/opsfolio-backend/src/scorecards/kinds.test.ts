import type { Entity } from '@backstage/catalog-model';
import { startOpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import request from 'supertest';

// A scorecard for software templates: a kind the org-wide views never needed, so the shared catalog read left it out.
const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'new-service', links: [{ url: 'https://runbooks/templates', type: 'runbook' }] },
  spec: { type: 'service', owner: 'group:default/platform' },
};
const config = {
  opsfolio: {
    scorecards: {
      includeDefault: false,
      backfillDays: 0,
      definitions: [
        {
          id: 'templates',
          title: 'Templates',
          filter: { kind: ['Template'] },
          checks: [{ id: 'runbook', title: 'Runbook', fact: 'catalog.runbook', operator: '=', threshold: true, level: 'bronze', description: 'd', fix: { text: 'f' } }],
        },
      ],
    },
  },
};

describe('a scorecard filtered to a kind the other views do not read', () => {
  it('scores the entities of that kind', async () => {
    const backend = await startOpsfolioTestBackend({ features: [], entities: [template], config });
    try {
      await backend.runSync('scorecards');
      const res = await request(backend.server).get('/api/opsfolio/entities/template/default/new-service/scorecards').set('Authorization', backend.userHeader);
      expect(res.status).toBe(200);
      // Its only check is Bronze's and passes; Silver and Gold add none, so it reaches Gold.
      expect(res.body.scorecards[0]).toMatchObject({ applicable: true, level: { id: 'gold' } });
      expect(res.body.scorecards[0].results).toMatchObject([{ checkId: 'runbook', state: 'pass' }]);
      const overview = await request(backend.server).get('/api/opsfolio/overview/scorecards?scorecard=templates').set('Authorization', backend.userHeader);
      expect(overview.body.entities.map((e: { entityRef: string }) => e.entityRef)).toEqual(['template:default/new-service']);
    } finally {
      await backend.stop();
    }
  });
});
