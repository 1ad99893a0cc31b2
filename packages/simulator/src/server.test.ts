import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSimulator } from './server';
import { testScenario, TEST_NOW } from './testing/fixtures';

describe('simulator frame', () => {
  const app = createSimulator({ scenario: testScenario(), now: () => TEST_NOW });

  it('reports health and the mounted vendors', async () => {
    const res = await request(app).get('/_control/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      vendors: ['github', 'gitlab', 'pagerduty', 'opsgenie', 'aws'],
      basePaths: { github: '/github', gitlab: '/gitlab/api/v4', aws: '/aws' },
      scenario: { seed: 7, components: 4 },
      now: TEST_NOW.toISOString(),
    });
  });

  it('answers unknown vendor routes in each vendor error shape', async () => {
    expect((await request(app).get('/gitlab/api/v4/groups/1').expect(404)).body).toEqual({ message: '404 Not Found' });
    expect((await request(app).get('/gitlab/api/v4/projects/1').expect(404)).body).toEqual({
      message: '404 Project Not Found',
    });
    const pd = request(app).get('/pagerduty/services/P1').set('Authorization', 'Token token=x');
    expect((await pd.expect(404)).body).toEqual({ error: { message: 'Not Found', code: 2100, errors: [] } });
    const opsgenie = await request(app).get('/opsgenie/v2/heartbeats').set('Authorization', 'GenieKey x').expect(404);
    expect(opsgenie.body).toMatchObject({ message: 'Not Found', requestId: expect.any(String) });
    const aws = await request(app).post('/aws/elsewhere').send({}).expect(404);
    expect(JSON.parse(aws.text)).toEqual({ __type: 'ResourceNotFoundException', message: 'Not Found' });
  });

  it('answers paths outside every vendor with a JSON 404', async () => {
    const res = await request(app).get('/nowhere').expect(404);
    expect(res.body.error.message).toContain('/nowhere');
  });

  it('sends no ETag unless a vendor endpoint chooses to', async () => {
    const res = await request(app).get('/_control/health');
    expect(res.headers.etag).toBeUndefined();
  });
});
