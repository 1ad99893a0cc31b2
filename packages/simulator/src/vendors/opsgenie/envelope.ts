import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { sendError } from './errors';

// What every Opsgenie answer carries: {data, …, took, requestId}, X-Request-ID, X-Response-Time and
// X-RateLimit-State: OK. Every request needs `Authorization: GenieKey <key>`.

export function requireGenieKey(req: Request, res: Response, next: () => void): void {
  if (/^GenieKey \S+$/.test(req.get('authorization')?.trim() ?? '')) return next();
  sendError(res, 401);
}

export function sendData(res: Response, data: unknown, extra: Record<string, unknown> = {}): void {
  const requestId = randomUUID();
  const took = 0.01 + Math.round(Math.random() * 50) / 1000;
  res.setHeader('X-Request-ID', requestId);
  res.setHeader('X-Response-Time', String(took));
  res.setHeader('X-RateLimit-State', 'OK');
  res.json({ data, ...extra, took, requestId });
}

export function stringParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' && last !== '' ? last : undefined;
}

/** `identifierType` (also the older `<kind>IdentifierType`): one of `allowed`, default the first. */
export function identifierType(req: Request, kind: string, allowed: string[]): string | undefined {
  const value = stringParam(req, 'identifierType') ?? stringParam(req, `${kind}IdentifierType`) ?? allowed[0]!;
  return allowed.includes(value) ? value : undefined;
}

/** The API's base URL as the client called it, e.g. http://127.0.0.1:7081/opsgenie */
export function apiBase(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
}

/** Opsgenie's date-time: ISO 8601 with milliseconds, UTC. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** A date-time parameter (`date`): ISO 8601, an unescaped "+" of the offset arriving as a space. */
export function dateParam(req: Request, name: string): number | undefined {
  const text = stringParam(req, name);
  if (text === undefined) return undefined;
  const value = text.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return NaN;
  return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
}
