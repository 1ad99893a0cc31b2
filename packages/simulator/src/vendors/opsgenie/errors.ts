import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

// Opsgenie's error body: {"message","took","requestId"}, with X-Request-ID; a 429 also says it is throttled
// (X-RateLimit-State: THROTTLED, X-RateLimit-Reason, X-RateLimit-Period-In-Sec).

const MESSAGES: Record<number, string> = {
  401: 'Could not authenticate',
  429: 'You are making too many requests! To avoid errors, we recommend you limit requests.',
};

export function sendError(res: Response, status: number, message?: string): void {
  const requestId = randomUUID();
  res.setHeader('X-Request-ID', requestId);
  res.setHeader('X-Response-Time', '0.002');
  if (status === 429) {
    res.setHeader('X-RateLimit-State', 'THROTTLED');
    res.setHeader('X-RateLimit-Reason', 'INTEGRATION');
    res.setHeader('X-RateLimit-Period-In-Sec', '60');
  }
  res.status(status).json({ message: message ?? MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error', took: 0.002, requestId });
}

export function notFound(res: Response, what: string): void {
  sendError(res, 404, `${what} does not exist`);
}

/** 422, Opsgenie's answer to a parameter it cannot use. */
export function unprocessable(res: Response, message: string): void {
  sendError(res, 422, message);
}
