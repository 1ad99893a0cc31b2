import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

// PagerDuty's error body: {"error":{"message","code","errors":[…]}}. Codes for the statuses we are sure of:
// 2001 "Invalid Input Provided" (with the details in `errors`), 2006 authentication, 2100 "Not Found".

const ERROR_CODES: Record<number, number> = { 400: 2001, 401: 2006, 404: 2100 };
const MESSAGES: Record<number, string> = { 401: 'Unauthorized', 429: 'Rate Limit Exceeded' };

export function sendError(res: Response, status: number, message?: string, errors: string[] = []): void {
  const code = ERROR_CODES[status];
  res.status(status).json({
    error: {
      message: message ?? MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error',
      ...(code !== undefined ? { code } : {}),
      errors,
    },
  });
}

/** 400 as PagerDuty sends it for a bad parameter: "Invalid Input Provided" with the reason in `errors`. */
export function invalidInput(res: Response, ...errors: string[]): void {
  sendError(res, 400, 'Invalid Input Provided', errors);
}

export function notFound(res: Response): void {
  sendError(res, 404, 'Not Found');
}
