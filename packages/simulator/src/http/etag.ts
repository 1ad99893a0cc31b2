import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('hex')}"`;
}

/** If-None-Match: a list of tags or "*"; weak and strong tags compare equal (weak comparison). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** Send JSON with an ETag, answering 304 with no body when the client already has this version. */
export function sendJsonWithEtag(req: Request, res: Response, body: unknown): void {
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  res.setHeader('ETag', etag);
  if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  res.type('application/json; charset=utf-8').send(text);
}
