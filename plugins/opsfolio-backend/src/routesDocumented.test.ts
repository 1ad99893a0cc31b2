import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createRouter, UNAUTHENTICATED_PATHS, type RouterDeps } from './router';

const spec = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'));
const POLICIES = ['public', 'any-caller', 'catalog-read', 'push'];

/** Every `METHOD /path` the router serves, with Express's `:param` written as OpenAPI's `{param}`. */
function served(layers: any[]): string[] {
  return layers.flatMap(layer => {
    if (layer.route) {
      return Object.keys(layer.route.methods).map(method => `${method.toUpperCase()} ${String(layer.route.path).replace(/:(\w+)/g, '{$1}')}`);
    }
    return layer.handle?.stack ? served(layer.handle.stack) : [];
  });
}

describe('the router and openapi.yaml', () => {
  const routes = served((createRouter({} as RouterDeps) as any).stack);
  const documented = Object.entries(spec.paths as Record<string, Record<string, { 'x-auth'?: string }>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, auth: op['x-auth'] })),
  );

  it('documents every route it serves, and serves every route documented', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect([...routes].sort()).toEqual(documented.map(d => d.route).sort());
  });

  it('gives every route an auth policy, and only /health none', () => {
    for (const { route, auth } of documented) expect(POLICIES, `${route} x-auth`).toContain(auth);
    const open = documented.filter(d => d.auth === 'public').map(d => d.route.split(' ')[1]);
    expect(open).toEqual(UNAUTHENTICATED_PATHS);
    expect(spec.paths['/health'].get.security).toContainEqual({});
  });
});
