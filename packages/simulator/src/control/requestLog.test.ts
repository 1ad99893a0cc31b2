import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../server';
import { testScenario, TEST_NOW } from '../testing/fixtures';
import { RequestLog } from './requestLog';

describe('request log', () => {
  it('records every vendor request, never the credentials', async () => {
    const app = createSimulator({ scenario: testScenario(), now: () => TEST_NOW });
    await request(app)
      .get('/github/repos/acme/payments-api?per_page=5')
      .set('Authorization', 'Bearer secret-token-123')
      .set('If-None-Match', '"abc"')
      .set('X-GitHub-Api-Version', '2022-11-28')
      .expect(200);
    await request(app).get('/github/repos/acme/unknown').expect(404);
    await request(app).get('/pagerduty/services/PPAYAPI').set('Authorization', 'Token token=pd-secret').expect(200);
    await request(app).get('/gitlab/api/v4/projects/1').set('PRIVATE-TOKEN', 'gl-secret').expect(404);
    await request(app).get('/_control/health').expect(200);

    const all = await request(app).get('/_control/requests').expect(200);
    expect(all.body.requests.map((r: { vendor: string }) => r.vendor)).toEqual(['github', 'github', 'pagerduty', 'gitlab']);
    expect(JSON.stringify(all.body)).not.toMatch(/secret/);

    const github = await request(app).get('/_control/requests?vendor=github').expect(200);
    expect(github.body.requests).toHaveLength(2);
    expect(github.body.requests[0]).toMatchObject({
      seq: 1,
      vendor: 'github',
      method: 'GET',
      path: '/repos/acme/payments-api',
      query: { per_page: '5' },
      status: 200,
      headers: { 'if-none-match': '"abc"', 'x-github-api-version': '2022-11-28' },
      auth: { present: true, scheme: 'Bearer' },
    });
    expect(github.body.requests[0].time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(github.body.requests[0].durationMs).toEqual(expect.any(Number));
    expect(github.body.requests[1]).toMatchObject({ status: 404, auth: { present: false } });

    const pd = await request(app).get('/_control/requests?vendor=pagerduty');
    expect(pd.body.requests[0].auth).toEqual({ present: true, scheme: 'Token' });
    const gitlab = await request(app).get('/_control/requests?vendor=gitlab');
    expect(gitlab.body.requests[0].auth).toEqual({ present: true, scheme: 'PRIVATE-TOKEN' });

    await request(app).get('/_control/requests?vendor=bitbucket').expect(400);
    await request(app).delete('/_control/requests').expect(204);
    const cleared = await request(app).get('/_control/requests');
    expect(cleared.body.requests).toEqual([]);
  });

  it('keeps only the newest entries beyond its limit', () => {
    const log = new RequestLog(2);
    for (const path of ['/a', '/b', '/c']) {
      log.add({
        time: '',
        vendor: 'github',
        method: 'GET',
        path,
        query: {},
        status: 200,
        durationMs: 0,
        headers: {},
        auth: { present: false },
      });
    }
    expect(log.list().map((e) => [e.seq, e.path])).toEqual([
      [2, '/b'],
      [3, '/c'],
    ]);
  });
});
