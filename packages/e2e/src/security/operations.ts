import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Who may call an operation, as its `x-auth` in openapi.yaml says. */
export type AuthPolicy = 'public' | 'any-caller' | 'catalog-read' | 'push';

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema: { type?: string; enum?: string[]; minimum?: number; maximum?: number; pattern?: string; format?: string; $ref?: string };
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT';
  /** As documented, e.g. `/entities/{kind}/{namespace}/{name}/summary`. */
  path: string;
  auth: AuthPolicy;
  parameters: Parameter[];
}

const spec = parse(readFileSync(new URL('../../../../plugins/opsfolio-backend/openapi.yaml', import.meta.url), 'utf8'));

const resolve = (node: any): any => {
  if (!node?.$ref) return node;
  return resolve(node.$ref.replace(/^#\//, '').split('/').reduce((at: any, key: string) => at[key], spec));
};

/** Every operation of the backend's openapi.yaml, with its parameters resolved. */
export const OPERATIONS: Operation[] = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase() as Operation['method'],
    path,
    auth: op['x-auth'],
    parameters: (op.parameters ?? []).map((p: any) => {
      const param = resolve(p);
      return { ...param, schema: resolve(param.schema) ?? {} };
    }),
  })),
);

/** Where the tests point: a backend, its tokens, and entities that exist in its catalog. */
export interface ApiTarget {
  baseUrl: string;
  /** A signed-in user's token (a guest's). */
  userToken: string;
  /** A static token restricted to `plugin: opsfolio`, as the README's CI token. */
  restrictedToken: string;
  /** A static token without restrictions, when the backend has one. */
  serviceToken?: string;
  /** Error bodies must carry no stack (the backend runs with NODE_ENV=production). */
  production: boolean;
}

/**
 * Valid values for the path parameters: an entity, a group and a scorecard that exist in the demo's catalog, and
 * a campaign from its configuration (read-only through the API, so the matrix's writes to it are refused with 409).
 */
const KNOWN = { kind: 'component', namespace: 'default', name: 'payments-api', group: 'team-payments', campaignId: 'rollback-drills' } as const;

/** The path with its parameters filled in, each value URL-encoded. */
export function fillPath(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** Valid path values for an operation: groups routes take the group as `name`. */
export function knownPathValues(op: Operation, scorecardId: string): Record<string, string> {
  const group = op.path.startsWith('/groups/');
  return { kind: KNOWN.kind, namespace: KNOWN.namespace, name: group ? KNOWN.group : KNOWN.name, scorecardId, campaignId: KNOWN.campaignId };
}

/** A guest's token from the backend's auth plugin, as the app gets it when a guest signs in. */
export async function guestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, { headers: { 'x-requested-with': 'XMLHttpRequest' } });
  if (!res.ok) throw new Error(`guest sign-in: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}
