import { Router, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../context';
import type { Vendor } from './types';

// AWS Cost Explorer (JSON 1.1 protocol: POST / with X-Amz-Target) under /aws; point the SDK's
// `endpoint` at http://127.0.0.1:7081/aws. Operations come later.

/** The AWS JSON protocol names the error in `__type`; the SDK maps it to an exception class. */
function errorType(status: number): string {
  if (status === 400) return 'ValidationException';
  if (status === 403) return 'AccessDeniedException';
  if (status === 404) return 'ResourceNotFoundException';
  if (status === 429) return 'LimitExceededException';
  if (status === 503) return 'ServiceUnavailableException';
  return 'InternalServerError';
}

function sendError(res: Response, status: number, message?: string): void {
  const type = errorType(status);
  res.setHeader('x-amzn-RequestId', randomUUID());
  res.setHeader('x-amzn-ErrorType', type);
  res
    .status(status)
    .type('application/x-amz-json-1.1')
    .send(JSON.stringify({ __type: type, message: message ?? type }));
}

export function createAwsVendor(_ctx: SimulatorContext): Vendor {
  return { name: 'aws', basePath: '/aws', router: Router(), sendError };
}
