import type { RequestHandler, Response } from 'express';
import { beforeHeaders } from '../http/beforeHeaders';
import type { Vendor, VendorName } from '../vendors/types';
import { matchesRequest, pathPattern, type FaultRule, type RequestFacts } from './faultRule';

export interface StoredFault extends FaultRule {
  id: string;
  createdAt: string;
  /** requests that matched the rule's vendor/method/path/query so far */
  matched: number;
  /** requests the rule was applied to */
  applied: number;
  /** true once `times` is used up or the `onNth` request has passed; kept so tests can inspect it */
  exhausted: boolean;
}

export class FaultStore {
  private faults: { rule: StoredFault; pattern: RegExp }[] = [];
  private nextId = 1;

  add(rule: FaultRule, basePath: string): StoredFault {
    // Accept paths written with the vendor prefix too ("/github/repos/*/*").
    const path = rule.path.startsWith(`${basePath}/`) ? rule.path.slice(basePath.length) : rule.path;
    const stored: StoredFault = {
      ...rule,
      path,
      id: `fault-${this.nextId++}`,
      createdAt: new Date().toISOString(),
      matched: 0,
      applied: 0,
      exhausted: false,
    };
    this.faults.push({ rule: stored, pattern: pathPattern(path) });
    return stored;
  }

  list(): StoredFault[] {
    return this.faults.map((f) => f.rule);
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.rule.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * Count the request against every matching rule and return the first rule that fires for it
   * (rules are tried in the order they were added). onNth alone means just that one request.
   */
  take(vendor: VendorName, req: RequestFacts): StoredFault | undefined {
    let chosen: StoredFault | undefined;
    for (const { rule, pattern } of this.faults) {
      if (rule.vendor !== vendor || !matchesRequest(rule, pattern, req)) continue;
      rule.matched++;
      const times = rule.times ?? (rule.onNth !== undefined ? 1 : Infinity);
      // onNth pins a window of match numbers [onNth, onNth + times); otherwise the next `times` requests.
      const due =
        rule.onNth !== undefined
          ? rule.matched >= rule.onNth && rule.matched < rule.onNth + times
          : rule.applied < times;
      if (due && !chosen) {
        rule.applied++;
        chosen = rule;
      }
      rule.exhausted =
        rule.onNth !== undefined ? rule.matched >= rule.onNth + times - 1 : rule.applied >= times;
    }
    return chosen;
  }
}

/** Mounted in front of each vendor router: delays, rewrites or replaces the response. */
export function applyFaults(store: FaultStore, vendor: Vendor): RequestHandler {
  return (req, res, next) => {
    const fault = store.take(vendor.name, {
      method: req.method,
      path: req.path,
      query: req.query as Record<string, unknown>,
      header: (name) => req.get(name),
    });
    if (!fault) return next();
    res.locals.faultId = fault.id;
    let clientGone = false;
    res.on('close', () => (clientGone = true));

    const act = () => {
      if (clientGone) return; // the client gave up during the delay
      if (fault.headers || fault.retryAfter !== undefined) {
        // Set at the last moment so the fault wins over headers the vendor router sets itself.
        beforeHeaders(res, () => {
          for (const [name, value] of Object.entries(fault.headers ?? {})) res.setHeader(name, value);
          if (fault.retryAfter !== undefined) res.setHeader('Retry-After', String(fault.retryAfter));
        });
      }
      if (fault.malformedBody) {
        truncateBody(res, fault.status);
        return next();
      }
      if (fault.status === undefined) return next();
      if (fault.body !== undefined) {
        res.status(fault.status).json(fault.body);
        return;
      }
      vendor.sendError(res, fault.status, undefined, fault.errorType);
    };
    if (fault.delayMs) setTimeout(act, fault.delayMs);
    else act();
  };
}

/** Let the vendor build its real response, then send only the first half of it (invalid JSON). */
function truncateBody(res: Response, status: number | undefined): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const text =
      typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body ?? null);
    if (status !== undefined) res.status(status);
    if (!res.get('Content-Type')) res.type('application/json');
    return send(cutJson(text));
  };
}

function cutJson(text: string): string {
  const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  try {
    JSON.parse(cut);
    return `${cut}{`; // a prefix of a tiny body can still parse; make sure it doesn't
  } catch {
    return cut;
  }
}
