import type { Request, RequestHandler, Response } from 'express';
import type { VendorName } from '../vendors/types';

/** Request headers worth seeing in the log; credentials are reduced to "present, with this scheme". */
const LOGGED_HEADERS = [
  'accept',
  'content-type',
  'if-none-match',
  'if-modified-since',
  'user-agent',
  'x-github-api-version',
  'x-amz-target',
];

export interface LoggedRequest {
  seq: number;
  time: string;
  vendor: VendorName;
  method: string;
  /** path inside the vendor's API, as fault rules match it, e.g. /repos/acme/payments-api */
  path: string;
  query: Record<string, unknown>;
  status: number;
  durationMs: number;
  headers: Record<string, string>;
  /** whether credentials were sent and their scheme (Bearer, Token, GenieKey, PRIVATE-TOKEN, …) */
  auth: { present: boolean; scheme?: string };
  /** id of the fault rule that shaped this response */
  faultId?: string;
  /** the client hung up before the response was complete (e.g. its timeout fired during a delay) */
  aborted?: boolean;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  /** Oldest entries are dropped beyond `limit`, so a long demo run cannot grow without bound. */
  constructor(private readonly limit = 5000) {}

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.entries.push({ seq: ++this.seq, ...entry });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(filter: { vendor?: string } = {}): LoggedRequest[] {
    return this.entries.filter((e) => filter.vendor === undefined || e.vendor === filter.vendor);
  }

  clear(): void {
    this.entries = [];
  }
}

function authOf(req: Request): LoggedRequest['auth'] {
  const authorization = req.get('authorization');
  if (authorization) return { present: true, scheme: authorization.trim().split(/\s+/)[0] };
  if (req.get('private-token')) return { present: true, scheme: 'PRIVATE-TOKEN' };
  return { present: false };
}

export function logRequests(log: RequestLog, vendor: VendorName): RequestHandler {
  return (req: Request, res: Response, next) => {
    const started = Date.now();
    // Captured now: routing rewrites req.url as it descends into routers.
    const path = req.path;
    const headers: Record<string, string> = {};
    for (const name of LOGGED_HEADERS) {
      const value = req.get(name);
      if (value !== undefined) headers[name] = value;
    }
    let recorded = false;
    const record = (aborted: boolean) => {
      if (recorded) return;
      recorded = true;
      log.add({
        time: new Date(started).toISOString(),
        vendor,
        method: req.method,
        path,
        query: { ...req.query },
        status: res.statusCode,
        durationMs: Date.now() - started,
        headers,
        auth: authOf(req),
        ...(typeof res.locals.faultId === 'string' ? { faultId: res.locals.faultId } : {}),
        ...(aborted ? { aborted: true } : {}),
      });
    };
    res.on('finish', () => record(false));
    res.on('close', () => record(!res.writableFinished));
    next();
  };
}
