import type { Express } from 'express';
import request from 'supertest';

/** Test helpers: a Cost Explorer call as the SDK sends it, and every page of one. */
export function ce(app: Express, body: unknown, target = 'AWSInsightsIndexService.GetCostAndUsage') {
  return request(app)
    .post('/aws/')
    .set('Content-Type', 'application/x-amz-json-1.1')
    .set('X-Amz-Target', target)
    .send(typeof body === 'string' ? body : JSON.stringify(body));
}

export interface CePage {
  ResultsByTime: {
    TimePeriod: { Start: string; End: string };
    Total: Record<string, { Amount: string; Unit: string }>;
    Groups: { Keys: string[]; Metrics: Record<string, { Amount: string; Unit: string }> }[];
    Estimated: boolean;
  }[];
  GroupDefinitions?: { Type: string; Key: string }[];
  DimensionValueAttributes: unknown[];
  NextPageToken?: string;
}

export async function allPages(app: Express, body: Record<string, unknown>): Promise<CePage[]> {
  const pages: CePage[] = [];
  let token: string | undefined;
  do {
    const res = await ce(app, { ...body, ...(token ? { NextPageToken: token } : {}) });
    if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
    pages.push(JSON.parse(res.text));
    token = pages.at(-1)!.NextPageToken;
  } while (token);
  return pages;
}

export const GROUPED = {
  Granularity: 'DAILY',
  Metrics: ['AmortizedCost'],
  GroupBy: [
    { Type: 'TAG', Key: 'service' },
    { Type: 'DIMENSION', Key: 'SERVICE' },
  ],
};
