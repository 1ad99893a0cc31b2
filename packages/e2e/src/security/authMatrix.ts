import { fillPath, knownPathValues, OPERATIONS, type ApiTarget, type AuthPolicy } from './operations';

type Caller = 'none' | 'bogus' | 'user' | 'service' | 'restricted';

/** `allowed`: past authentication and authorisation (any status but 401/403, never 5xx); a number: exactly it. */
type Expected = 'allowed' | 401 | 403;

/** What each policy answers each caller; `service` is a static token without restrictions. */
const MATRIX: Record<AuthPolicy, Record<Caller, Expected>> = {
  public: { none: 'allowed', bogus: 401, user: 'allowed', service: 'allowed', restricted: 'allowed' },
  'any-caller': { none: 401, bogus: 401, user: 'allowed', service: 'allowed', restricted: 'allowed' },
  'catalog-read': { none: 401, bogus: 401, user: 'allowed', service: 'allowed', restricted: 403 },
  push: { none: 401, bogus: 401, user: 403, service: 'allowed', restricted: 'allowed' },
};

/**
 * Every route of openapi.yaml × every kind of caller, against a running backend with its real auth: the status is
 * what the route's `x-auth` says, and in production no error carries a stack. A route without `x-auth` fails here
 * (and in the router's own test), so no route ships without its policy.
 */
export async function authMatrixFailures(target: ApiTarget, scorecardId: string): Promise<{ checked: number; failures: string[] }> {
  const tokens: Record<Caller, string | undefined> = {
    none: undefined,
    bogus: 'not-a-real-token',
    user: target.userToken,
    service: target.serviceToken,
    restricted: target.restrictedToken,
  };
  const failures: string[] = [];
  let checked = 0;
  for (const op of OPERATIONS) {
    const expectations = MATRIX[op.auth];
    if (!expectations) {
      failures.push(`${op.method} ${op.path}: no x-auth policy in openapi.yaml`);
      continue;
    }
    for (const caller of Object.keys(expectations) as Caller[]) {
      if (caller === 'service' && !tokens.service) continue;
      const url = `${target.baseUrl}/api/opsfolio${fillPath(op, knownPathValues(op, scorecardId))}`;
      const headers: Record<string, string> = tokens[caller] ? { authorization: `Bearer ${tokens[caller]}` } : {};
      // A push with an empty batch: past auth it is a 400, and nothing is written.
      const init = op.method === 'POST' && op.auth === 'push' ? { body: '{}', headers: { ...headers, 'content-type': 'application/json' } } : { headers };
      const res = await fetch(url, { method: op.method, ...init });
      const text = await res.text();
      checked++;
      const expected = expectations[caller];
      const ok = expected === 'allowed' ? res.status !== 401 && res.status !== 403 && res.status < 500 : res.status === expected;
      if (!ok) failures.push(`${op.method} ${op.path} as ${caller}: ${res.status}, expected ${expected}: ${text.slice(0, 200)}`);
      if (target.production && res.status >= 400 && /"stack"/.test(text)) failures.push(`${op.method} ${op.path} as ${caller}: error body has a stack`);
    }
  }
  return { checked, failures };
}
