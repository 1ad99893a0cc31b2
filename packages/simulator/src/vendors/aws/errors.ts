import type { Response } from 'express';
import { randomUUID } from 'node:crypto';

// The AWS JSON 1.1 error shape: HTTP 4xx/5xx with {"__type": <name>, "message"}; the SDK resolves the
// exception class from `__type` (then the x-amzn-ErrorType header).

/** An error answered in AWS's shape; thrown by request handling, caught by the router. */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const TYPE_OF_STATUS: Record<number, string> = {
  400: 'ValidationException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  429: 'LimitExceededException',
  503: 'ServiceUnavailableException',
};

const MESSAGES: Record<string, string> = {
  LimitExceededException: 'Rate exceeded',
  DataUnavailableException: 'Data is not available. Please try to adjust the time period.',
  ServiceUnavailableException: 'Service Unavailable',
};

/**
 * Answer with an AWS error. `type` names the exception (a fault's `errorType`); else it follows the
 * status. Cost Explorer throttles with HTTP 400 LimitExceededException, so a 429 goes out as that.
 */
export function sendError(res: Response, status: number, message?: string, type?: string): void {
  const name = type ?? TYPE_OF_STATUS[status] ?? (status >= 500 ? 'InternalServerException' : 'ValidationException');
  res.setHeader('x-amzn-RequestId', randomUUID());
  res.setHeader('x-amzn-ErrorType', name);
  res
    .status(status === 429 ? 400 : status)
    .type('application/x-amz-json-1.1')
    .send(JSON.stringify({ __type: name, message: message ?? MESSAGES[name] ?? name }));
}

/** AWS's wording for a value that breaks a constraint, e.g. an enum. */
export function validation(value: unknown, path: string, constraint: string): AwsError {
  const shown = typeof value === 'string' ? `'${value}'` : value === undefined ? 'null' : JSON.stringify(value);
  return new AwsError(
    'ValidationException',
    `1 validation error detected: Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`,
  );
}
