import type { Request, Response } from 'express';
import type { SimulatorContext } from '../../context';
import { beforeHeaders } from '../../http/beforeHeaders';
import { sendError } from './errors';

/** `Authorization: Token token=<key>` (REST API key) or `Bearer <token>` (OAuth); anything else is a 401. */
export function requireAuth(req: Request, res: Response, next: () => void): void {
  const header = req.get('authorization')?.trim() ?? '';
  if (/^Token token=\S+$/.test(header) || /^Bearer \S+$/.test(header)) return next();
  sendError(res, 401, 'Unauthorized');
}

/**
 * PagerDuty's REST rate limit: `vendors.pagerduty.rateLimitPerMinute` requests (960 by default) per key in
 * a minute-long window from its first request, measured on the wall clock (not the scenario's clock, which
 * tests pin). Every answer carries `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset` (seconds
 * until the window ends); past the limit, 429 until then.
 */
export function rateLimit(ctx: SimulatorContext, clock: () => number = Date.now) {
  const windows = new Map<string, { resetAt: number; used: number }>();
  return (req: Request, res: Response, next: () => void): void => {
    const limit = ctx.scenario.vendors.pagerduty.rateLimitPerMinute;
    const key = req.get('authorization')?.trim() ?? '';
    const nowMs = clock();
    let window = windows.get(key);
    if (!window || nowMs >= window.resetAt) {
      window = { resetAt: nowMs + 60_000, used: 0 };
      windows.set(key, window);
    }
    const setHeaders = () => {
      res.setHeader('ratelimit-limit', String(limit));
      res.setHeader('ratelimit-remaining', String(Math.max(0, limit - window.used)));
      res.setHeader('ratelimit-reset', String(Math.max(1, Math.ceil((window.resetAt - nowMs) / 1000))));
    };
    if (window.used >= limit) {
      setHeaders();
      return sendError(res, 429, 'Rate Limit Exceeded');
    }
    window.used++;
    beforeHeaders(res, setHeaders);
    next();
  };
}
