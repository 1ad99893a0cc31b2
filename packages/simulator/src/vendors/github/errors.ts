import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

export const DOCS = 'https://docs.github.com/rest';

/** GitHub's error body: {"message","documentation_url","status"}. */
export function sendError(res: Response, status: number, message?: string, documentationUrl = DOCS): void {
  res.status(status).json({
    message: message ?? STATUS_CODES[status] ?? 'Error',
    documentation_url: documentationUrl,
    status: String(status),
  });
}

export function notFound(res: Response, docsPath: string): void {
  sendError(res, 404, 'Not Found', `${DOCS}/${docsPath}`);
}
