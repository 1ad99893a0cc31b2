import type { Request, Response } from 'express';
import { offsetPage, offsetRequest, type OffsetRequest } from '../../http/pagination';
import { isoSeconds, zoneOffsetMs } from '../../time';
import { invalidInput } from './errors';

// Reading PagerDuty query parameters (bracketed arrays, booleans, dates, time zones) and answering with
// its classic pagination envelope.

/** `name[]=a&name[]=b` (also `name=a`, and comma lists inside a value) -> ['a', 'b']. */
export function arrayParam(req: Request, name: string): string[] {
  const values = [req.query[`${name}[]`], req.query[name]].flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
  return values
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function stringParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : undefined;
}

export function booleanParam(req: Request, name: string): boolean {
  return stringParam(req, name) === 'true';
}

/** ISO 8601 date or date-time; a date-time without an offset is UTC. Undefined if absent, NaN if unreadable. */
export function timeParam(req: Request, name: string): number | undefined {
  const text = stringParam(req, name);
  if (text === undefined || text === '') return undefined;
  // Query strings turn an unescaped "+" of an offset into a space.
  const value = text.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return NaN;
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value) || !value.includes('T') ? value : `${value}Z`;
  return Date.parse(zoned);
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Render an instant as PagerDuty does: in the requested time zone with its offset, `Z` for UTC. */
export function formatTime(ms: number, timeZone: string): string {
  const offset = timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 0 : zoneOffsetMs(timeZone, new Date(ms));
  if (offset === 0) return isoSeconds(new Date(ms));
  const local = isoSeconds(new Date(ms + offset)).slice(0, -1);
  const minutes = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

export interface ListRequest {
  paging: OffsetRequest;
  /** `total=true` asks for the total count; otherwise `total` is null */
  withTotal: boolean;
  timeZone: string;
  include: Set<string>;
}

/**
 * The parameters every list takes — `limit` (default 25, at most 100), `offset`, `total`, `time_zone`,
 * `include[]` — or undefined after answering 400.
 */
export function listRequest(req: Request, res: Response, defaultTimeZone = 'UTC'): ListRequest | undefined {
  const paging = offsetRequest(req.query, { limit: 25, maxLimit: 100, overMax: 'clamp' });
  if (!paging.ok) {
    invalidInput(res, paging.problem.replace(/^./, (c) => c.toUpperCase()));
    return undefined;
  }
  const timeZone = timeZoneParam(req, res, defaultTimeZone);
  if (timeZone === undefined) return undefined;
  return { paging: paging.value, withTotal: booleanParam(req, 'total'), timeZone, include: new Set(arrayParam(req, 'include')) };
}

/** `time_zone` (an IANA name), or the default; undefined after answering 400. */
export function timeZoneParam(req: Request, res: Response, fallback: string): string | undefined {
  const timeZone = stringParam(req, 'time_zone') || fallback;
  if (!isTimeZone(timeZone)) {
    invalidInput(res, 'Time zone is not a valid time zone');
    return undefined;
  }
  return timeZone;
}

/** `{ <key>: page, limit, offset, more, total }`, PagerDuty's classic pagination envelope. */
export function sendPage<T>(res: Response, key: string, items: readonly T[], request: ListRequest, render: (item: T) => unknown): void {
  const { paging, withTotal } = request;
  res.json({
    [key]: offsetPage(items, paging).map(render),
    limit: paging.limit,
    offset: paging.offset,
    more: paging.offset + paging.limit < items.length,
    total: withTotal ? items.length : null,
  });
}
