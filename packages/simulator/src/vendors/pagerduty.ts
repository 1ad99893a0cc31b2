import { Router, type Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { SimulatorContext } from '../context';
import type { Vendor } from './types';

// PagerDuty REST API v2 (base https://api.pagerduty.com) under /pagerduty. Endpoints come later.

/** PagerDuty's documented error codes for the statuses we are sure of. */
const ERROR_CODES: Record<number, number> = { 400: 2001, 404: 2100 };

function sendError(res: Response, status: number, message?: string): void {
  const code = ERROR_CODES[status];
  res.status(status).json({
    error: {
      message: message ?? STATUS_CODES[status] ?? 'Error',
      ...(code !== undefined ? { code } : {}),
      errors: [],
    },
  });
}

export function createPagerDutyVendor(_ctx: SimulatorContext): Vendor {
  return { name: 'pagerduty', basePath: '/pagerduty', router: Router(), sendError };
}
