import express, { Router, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../../context';
import { costModel, type CostModel } from '../../data/cost';
import type { Vendor } from '../types';
import { costEntries, renderPage, type Entry } from './costAndUsage';
import { AwsError, sendError } from './errors';
import { checkToken, readToken, writeToken } from './pageToken';
import { parseCostAndUsage } from './request';

// AWS Cost Explorer under /aws, JSON 1.1 protocol: `POST /` with `X-Amz-Target:
// AWSInsightsIndexService.<Operation>` and an `application/x-amz-json-1.1` body. Point the SDK's `endpoint`
// at http://127.0.0.1:7081/aws. Signatures are not checked. Only GetCostAndUsage is simulated.

const TARGET_PREFIX = 'AWSInsightsIndexService.';

export function createAwsVendor(ctx: SimulatorContext): Vendor {
  const router = Router();
  // A sync asks for the same answer page after page: keep each request's entries per model.
  const answers = new WeakMap<CostModel, Map<string, Entry[]>>();

  const getCostAndUsage = (body: Record<string, unknown>) => {
    const token = typeof body.NextPageToken === 'string' && body.NextPageToken !== '' ? readToken(body.NextPageToken) : undefined;
    const at = token ? new Date(token.at) : ctx.now();
    const model = costModel({ scenario: ctx.scenario, now: () => at });
    const query = parseCostAndUsage(body, model.today);
    const { accountId, accountName, pageSize } = ctx.scenario.vendors.aws;
    const account = { accountId, accountName };
    let cache = answers.get(model);
    if (!cache) answers.set(model, (cache = new Map()));
    let entries = cache.get(query.fingerprint);
    if (!entries) {
      entries = costEntries(model, query, account);
      if (cache.size >= 16) cache.delete(cache.keys().next().value!);
      cache.set(query.fingerprint, entries);
    }
    const position = token ? checkToken(token, query.fingerprint, entries.length) : 0;
    const end = position + pageSize;
    const next = end < entries.length ? writeToken({ position: end, fingerprint: query.fingerprint, at: at.getTime() }) : undefined;
    return renderPage(entries.slice(position, end), query, model.currency, account, next);
  };

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    GetCostAndUsage: getCostAndUsage,
  };

  router.post('/', express.text({ type: () => true, limit: '1mb' }), (req, res) => {
    try {
      const target = req.get('x-amz-target') ?? '';
      const operation = target.startsWith(TARGET_PREFIX) ? operations[target.slice(TARGET_PREFIX.length)] : undefined;
      if (!operation) {
        throw new AwsError('UnknownOperationException', `Operation ${target || '(no X-Amz-Target)'} is not simulated`);
      }
      sendJson(res, operation(parseBody(req.body)));
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      sendError(res, error.status, error.message, error.type);
    }
  });

  return { name: 'aws', basePath: '/aws', router, sendError };
}

function parseBody(text: unknown): Record<string, unknown> {
  const raw = typeof text === 'string' && text.trim() !== '' ? text : '{}';
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AwsError('SerializationException', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function sendJson(res: Response, body: unknown): void {
  res.setHeader('x-amzn-RequestId', randomUUID());
  res.status(200).type('application/x-amz-json-1.1').send(JSON.stringify(body));
}
