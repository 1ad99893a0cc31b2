import { Router, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { SimulatorContext } from '../context';
import type { Vendor } from './types';

// Opsgenie REST API (base https://api.opsgenie.com) under /opsgenie. Endpoints come later.

function sendError(res: Response, status: number, message?: string): void {
  const requestId = randomUUID();
  res.setHeader('X-Request-ID', requestId);
  res.status(status).json({ message: message ?? STATUS_CODES[status] ?? 'Error', took: 0.002, requestId });
}

export function createOpsgenieVendor(_ctx: SimulatorContext): Vendor {
  return { name: 'opsgenie', basePath: '/opsgenie', router: Router(), sendError };
}
