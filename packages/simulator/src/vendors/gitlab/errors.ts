import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

export function sendError(res: Response, status: number, message?: string): void {
  // GitLab puts the status in the message: {"message":"404 Project Not Found"}
  res.status(status).json({ message: `${status} ${message ?? STATUS_CODES[status] ?? 'Error'}` });
}

/** Grape's answer to a parameter that fails validation: {"error":"order_by does not have a valid value"}. */
export function sendInvalidParam(res: Response, message: string): void {
  res.status(400).json({ error: message });
}
