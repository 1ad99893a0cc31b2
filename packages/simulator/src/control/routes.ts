import { Router, type Response } from 'express';
import type { z } from 'zod';
import type { SimulatorContext } from '../context';
import { VENDOR_NAMES, type Vendor } from '../vendors/types';
import { faultRuleSchema } from './faultRule';
import type { FaultStore } from './faults';
import type { RequestLog } from './requestLog';

// /_control: the simulator's own API for tests and demos (health, request log, fault rules).

function inputError(res: Response, message: string, issues: { path: string; message: string }[] = []): void {
  const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  res.status(400).json({
    error: { name: 'InputError', message: detail ? `${message}: ${detail}` : message, issues },
  });
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(rule)', message: i.message }));
}

export function createControlRouter(deps: {
  ctx: SimulatorContext;
  vendors: Vendor[];
  log: RequestLog;
  faults: FaultStore;
}): Router {
  const { ctx, vendors, log, faults } = deps;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      vendors: vendors.map((v) => v.name),
      basePaths: Object.fromEntries(vendors.map((v) => [v.name, v.basePath])),
      scenario: {
        seed: ctx.scenario.seed,
        historyDays: ctx.scenario.historyDays,
        components: Object.keys(ctx.scenario.components).length,
      },
      now: ctx.now().toISOString(),
    });
  });

  router.get('/requests', (req, res) => {
    const vendor = req.query.vendor;
    if (vendor !== undefined && !VENDOR_NAMES.includes(vendor as never)) {
      return inputError(res, `Unknown vendor "${String(vendor)}"; expected one of ${VENDOR_NAMES.join(', ')}`);
    }
    res.json({ requests: log.list({ vendor: vendor as string | undefined }) });
  });

  router.delete('/requests', (_req, res) => {
    log.clear();
    res.status(204).end();
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: faults.list() });
  });

  router.post('/faults', (req, res) => {
    const parsed = faultRuleSchema.safeParse(req.body);
    if (!parsed.success) return inputError(res, 'Invalid fault rule', issuesOf(parsed.error));
    const vendor = vendors.find((v) => v.name === parsed.data.vendor)!;
    res.status(201).json(faults.add(parsed.data, vendor.basePath));
  });

  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });

  router.delete('/faults/:id', (req, res) => {
    if (!faults.remove(req.params.id!)) {
      res.status(404).json({ error: { name: 'NotFoundError', message: `No fault ${req.params.id}` } });
      return;
    }
    res.status(204).end();
  });

  return router;
}
