import express, { type ErrorRequestHandler, type Express } from 'express';
import type { SimulatorContext } from './context';
import { applyFaults, FaultStore } from './control/faults';
import { logRequests, RequestLog } from './control/requestLog';
import { createControlRouter } from './control/routes';
import type { Scenario } from './scenario/schema';
import { createVendors } from './vendors';

export interface SimulatorOptions {
  scenario: Scenario;
  /** the clock all generated data is relative to; inject a fixed one in tests */
  now?: () => Date;
  /** how many vendor requests the log keeps (oldest dropped first) */
  requestLogLimit?: number;
}

/** The simulator as an express app (not listening): every vendor under its prefix, plus /_control. */
export function createSimulator(options: SimulatorOptions): Express {
  const ctx: SimulatorContext = { scenario: options.scenario, now: options.now ?? (() => new Date()) };
  const vendors = createVendors(ctx);
  const log = new RequestLog(options.requestLogLimit);
  const faults = new FaultStore();

  const app = express();
  app.disable('x-powered-by');
  // ETags are set deliberately per endpoint, as each vendor does; not on everything.
  app.set('etag', false);
  // Keep bracketed keys as sent: PagerDuty's `statuses[]=a&statuses[]=b` -> { 'statuses[]': ['a', 'b'] }.
  app.set('query parser', 'simple');

  app.use('/_control', express.json(), createControlRouter({ ctx, vendors, log, faults }));

  for (const vendor of vendors) {
    app.use(vendor.basePath, logRequests(log, vendor.name), applyFaults(faults, vendor), vendor.router, (_req, res) =>
      vendor.sendError(res, 404, 'Not Found'),
    );
  }

  app.use((req, res) => {
    res.status(404).json({
      error: { name: 'NotFoundError', message: `No simulator route for ${req.method} ${req.path}` },
    });
  });

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json({
      error: { name: status === 400 ? 'InputError' : 'Error', message: String(error?.message ?? error) },
    });
  };
  app.use(onError);

  return app;
}
