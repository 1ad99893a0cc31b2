import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../server';
import { costScenario } from '../../testing/costScenario';
import { ce, GROUPED } from './testHelpers';

const NOW = new Date('2026-04-12T10:30:00Z');
const app = () => createSimulator({ scenario: costScenario(), now: () => NOW });
const period = (Start: string, End: string) => ({ TimePeriod: { Start, End } });
const OK = { ...GROUPED, ...period('2026-04-01', '2026-04-13') };

async function error(body: unknown, target?: string) {
  const res = await ce(app(), body, target);
  expect(res.headers['content-type']).toMatch(/^application\/x-amz-json-1.1/);
  return { status: res.status, ...(JSON.parse(res.text) as { __type: string; message: string }) };
}

describe('Cost Explorer request validation', () => {
  it('answers a bad request with 400 ValidationException naming what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...OK, TimePeriod: undefined }, /Value null at 'timePeriod'/],
      [{ ...OK, ...period('2026-04-05', '2026-04-05') }, /Start date \(and hour\) should be before end date/],
      [{ ...OK, ...period('2026-4-1', '2026-04-05') }, /at 'timePeriod.start' failed to satisfy constraint/],
      [{ ...OK, ...period('2026-04-01', '2026-02-30') }, /at 'timePeriod.end'/],
      [{ ...OK, Granularity: 'WEEKLY' }, /Value 'WEEKLY' at 'granularity'.*enum value set/],
      [{ ...OK, Granularity: 'HOURLY' }, /Hourly granularity is not enabled/],
      [{ ...OK, Metrics: [] }, /at 'metrics'/],
      [{ ...OK, Metrics: ['Unblended Cost'] }, /Metric Unblended Cost is not valid. Valid values are: AmortizedCost/],
      [{ ...OK, ...period('2025-03-31', '2025-04-02') }, /start date is too old for daily granularity, max months for data available is 12 months/],
      [{ ...OK, GroupBy: [...GROUPED.GroupBy, { Type: 'TAG', Key: 'team' }] }, /up to two/],
      [{ ...OK, GroupBy: [{ Type: 'TAG', Key: 'a' }, { Type: 'TAG', Key: 'a' }] }, /Duplicate group by/],
      [{ ...OK, GroupBy: [{ Type: 'RESOURCE', Key: 'x' }] }, /groupBy.1.member.type/],
      [{ ...OK, GroupBy: [{ Type: 'DIMENSION', Key: 'REGION' }] }, /REGION is not simulated/],
      [{ ...OK, Filter: { Tags: { Key: 'service' }, Dimensions: { Key: 'SERVICE', Values: ['x'] } } }, /exactly one of/],
      [{ ...OK, Filter: { Dimensions: { Key: 'USAGE_TYPE', Values: ['x'] } } }, /USAGE_TYPE is not simulated/],
      [{ ...OK, Filter: { Tags: { Key: 'service', MatchOptions: ['FUZZY'] } } }, /matchOptions/],
    ];
    for (const [body, message] of cases) {
      const e = await error(body);
      expect([e.status, e.__type], JSON.stringify(body)).toEqual([400, 'ValidationException']);
      expect(e.message).toMatch(message);
    }
    // The oldest day allowed: the first of the month 12 months back.
    await ce(app(), { ...OK, ...period('2025-04-01', '2025-04-02') }).expect(200);
  });

  it('refuses a body that is not JSON, an unknown operation and a wrong path', async () => {
    expect(await error('{"TimePeriod":')).toMatchObject({ status: 400, __type: 'SerializationException' });
    expect(await error(OK, 'AWSInsightsIndexService.GetCostForecast')).toMatchObject({ status: 400, __type: 'UnknownOperationException' });
    expect(await error(OK, 'Something.GetCostAndUsage')).toMatchObject({ status: 400, __type: 'UnknownOperationException' });
    const res = await request(app()).get('/aws/').expect(404);
    expect(JSON.parse(res.text).__type).toBe('ResourceNotFoundException');
  });

  it('checks the NextPageToken: a broken one is invalid, an old one with a changed request is refused', async () => {
    const simulator = app();
    const first = JSON.parse((await ce(simulator, OK).expect(200)).text);
    await ce(simulator, { ...OK, NextPageToken: first.NextPageToken }).expect(200);
    const changed = await ce(simulator, { ...OK, Metrics: ['UnblendedCost'], NextPageToken: first.NextPageToken }).expect(400);
    expect(JSON.parse(changed.text).__type).toBe('RequestChangedException');
    for (const token of ['garbage!', Buffer.from('{"p":99999,"f":"x"}').toString('base64url')]) {
      const res = await ce(simulator, { ...OK, NextPageToken: token }).expect(400);
      expect(JSON.parse(res.text).__type).toMatch(/InvalidNextTokenException|RequestChangedException/);
    }
    const fingerprint = JSON.parse(Buffer.from(first.NextPageToken, 'base64url').toString()).f;
    const far = Buffer.from(JSON.stringify({ p: 99999, f: fingerprint })).toString('base64url');
    expect(JSON.parse((await ce(simulator, { ...OK, NextPageToken: far }).expect(400)).text).__type).toBe('InvalidNextTokenException');
  });
});

describe('Cost Explorer faults and request log', () => {
  it('throttles a 429 fault as HTTP 400 LimitExceededException, and serves DataUnavailableException on demand', async () => {
    const simulator = app();
    const fault = (rule: object) => request(simulator).post('/_control/faults').send({ vendor: 'aws', path: '/', ...rule }).expect(201);
    await fault({ status: 429, times: 1 });
    await fault({ status: 400, errorType: 'DataUnavailableException', times: 1 });
    const throttled = await ce(simulator, OK).expect(400);
    expect(throttled.headers['x-amzn-errortype']).toBe('LimitExceededException');
    expect(JSON.parse(throttled.text)).toEqual({ __type: 'LimitExceededException', message: 'Rate exceeded' });
    expect(JSON.parse((await ce(simulator, OK).expect(400)).text).__type).toBe('DataUnavailableException');
    await ce(simulator, OK).expect(200);
    await fault({ status: 503, times: 1 });
    expect(JSON.parse((await ce(simulator, OK).expect(503)).text).__type).toBe('ServiceUnavailableException');

    const log = (await request(simulator).get('/_control/requests?vendor=aws')).body.requests;
    expect(log).toHaveLength(4);
    expect(log[0]).toMatchObject({ method: 'POST', path: '/', status: 400, faultId: 'fault-1' });
    expect(log[2]).toMatchObject({ status: 200, headers: { 'x-amz-target': 'AWSInsightsIndexService.GetCostAndUsage' } });
  });

  it('refuses an errorType without a status', async () => {
    const res = await request(app()).post('/_control/faults').send({ vendor: 'aws', path: '/', errorType: 'X', delayMs: 1 }).expect(400);
    expect(res.body.error.issues).toEqual([{ path: 'errorType', message: 'needs a status, and no body or malformedBody' }]);
  });
});
