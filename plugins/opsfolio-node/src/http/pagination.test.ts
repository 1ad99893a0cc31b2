import { z } from 'zod';
import { createVendorClient } from './client';
import { VendorHttpError } from './errors';
import { type VendorPage, paginateCursor, paginateLink, paginateOffset, parseNextLink } from './pagination';
import type { VendorClient } from './types';
import { type TestHandler, type TestServer, sendJson, startServer } from './testServer';

let server: TestServer | undefined;
let client: VendorClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(handler: TestHandler, vendor = 'github', basePath = '') {
  server = await startServer(handler);
  client = createVendorClient({
    vendor,
    baseUrl: `${server.origin}${basePath}`,
    headers: { authorization: 'Bearer ghp-test-token-0123456789' },
    maxAttempts: 2,
    sleep: async () => {},
  });
  return { server, client };
}

async function collect<T>(pages: AsyncGenerator<VendorPage<T>>): Promise<{ pages: VendorPage<T>[]; error?: unknown }> {
  const seen: VendorPage<T>[] = [];
  try {
    for await (const page of pages) seen.push(page);
    return { pages: seen };
  } catch (error) {
    return { pages: seen, error };
  }
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe('parseNextLink', () => {
  it('finds rel="next" among other relations', () => {
    const link = '<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next", <https://api.github.com/x?page=5>; rel="last"';
    expect(parseNextLink(link)).toBe('https://api.github.com/x?page=3');
    expect(parseNextLink('</x?page=2>; rel=next')).toBe('/x?page=2');
    expect(parseNextLink('<https://a/x?page=5>; rel="last"')).toBeUndefined();
    expect(parseNextLink(undefined)).toBeUndefined();
  });
});

describe('paginateLink', () => {
  it('follows absolute next links under a base path', async () => {
    const { client, server } = await setup((req, res) => {
      const url = new URL(req.url, 'http://x');
      const page = Number(url.searchParams.get('page') ?? 1);
      const headers: Record<string, string> = {};
      if (page < 3) {
        headers.link = `<${server.origin}/api/v3/repos/o/r/deployments?per_page=2&page=${page + 1}>; rel="next", <${server.origin}/api/v3/repos/o/r/deployments?per_page=2&page=3>; rel="last"`;
      }
      sendJson(res, 200, page < 3 ? ids(page * 10, 2) : ids(30, 1), headers);
    }, 'github', '/api/v3');
    const result = await collect(paginateLink<{ id: number }>(client, '/repos/o/r/deployments', { query: { per_page: 2 } }));
    expect(result.error).toBeUndefined();
    expect(result.pages.map(p => [p.page, p.items.map(i => i.id)])).toEqual([
      [1, [10, 11]],
      [2, [20, 21]],
      [3, [30]],
    ]);
    expect(server.hits.map(h => h.url)).toEqual([
      '/api/v3/repos/o/r/deployments?per_page=2',
      '/api/v3/repos/o/r/deployments?per_page=2&page=2',
      '/api/v3/repos/o/r/deployments?per_page=2&page=3',
    ]);
    expect(client.stats().requests).toBe(3);
  });

  it('refuses a next link to another origin', async () => {
    const { client, server } = await setup((_req, res) =>
      sendJson(res, 200, ids(1, 1), { link: '<https://evil.example/steal?page=2>; rel="next"' }),
    );
    const result = await collect(paginateLink(client, '/repos/o/r/deployments'));
    expect(result.pages).toHaveLength(1);
    expect(String(result.error)).toMatch(/refusing to send a request to https:\/\/evil.example/);
    expect(server.hits).toHaveLength(1);
  });

  it('stops when a next link points back to a page already read', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, [], { link: '</repos?page=1>; rel="next"' }));
    const result = await collect(paginateLink(client, '/repos?page=1'));
    expect(result.pages).toHaveLength(1);
    expect((result.error as Error).message).toBe('github GET /repos returned a malformed body: pagination points back to a page already read');
  });
});

describe('paginateOffset', () => {
  const services = ids(1, 5).map(s => ({ id: `P${s.id}`, name: `svc ${s.id}` }));

  it('walks offset/limit pages while more is true', async () => {
    const { client, server } = await setup((req, res) => {
      const url = new URL(req.url, 'http://x');
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      const slice = services.slice(offset, offset + limit);
      sendJson(res, 200, { services: slice, offset, limit, more: offset + limit < services.length, total: null });
    }, 'pagerduty');
    const itemSchema = z.object({ id: z.string(), name: z.string() });
    const result = await collect(
      paginateOffset(client, '/services', { limit: 2, itemsKey: 'services', itemSchema, query: { 'include[]': ['teams'] } }),
    );
    expect(result.error).toBeUndefined();
    expect(result.pages.map(p => p.items.map(s => s.id))).toEqual([['P1', 'P2'], ['P3', 'P4'], ['P5']]);
    expect(server.hits.map(h => h.url)).toEqual([
      '/services?include%5B%5D=teams&offset=0&limit=2',
      '/services?include%5B%5D=teams&offset=2&limit=2',
      '/services?include%5B%5D=teams&offset=4&limit=2',
    ]);
  });

  it('surfaces a failure on page 3 after yielding pages 1 and 2', async () => {
    const { client } = await setup((req, res) => {
      const offset = Number(new URL(req.url, 'http://x').searchParams.get('offset'));
      if (offset >= 4) sendJson(res, 502, {});
      else sendJson(res, 200, { services: services.slice(offset, offset + 2), more: true });
    }, 'pagerduty');
    const result = await collect(paginateOffset(client, '/services', { limit: 2, itemsKey: 'services' }));
    expect(result.pages.map(p => p.page)).toEqual([1, 2]);
    expect(result.error).toBeInstanceOf(VendorHttpError);
    expect((result.error as Error).message).toBe('pagerduty GET /services failed after 2 attempts: 502 Bad Gateway');
  });

  it('reports an item that does not match its schema as a malformed body', async () => {
    const { client } = await setup(
      (_req, res) => sendJson(res, 200, { services: [{ id: 'P1', name: 'a' }, { id: 2 }], more: false }),
      'pagerduty',
    );
    const itemSchema = z.object({ id: z.string(), name: z.string() });
    const result = await collect(paginateOffset(client, '/services', { limit: 2, itemsKey: 'services', itemSchema }));
    expect(result.pages).toHaveLength(0);
    expect((result.error as Error).message).toMatch(/^pagerduty GET \/services returned a malformed body: services\[1\]\.id: /);
  });

  it('fails when the items are not an array', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, { error: 'nope' }), 'pagerduty');
    const result = await collect(paginateOffset(client, '/services', { limit: 2, itemsKey: 'services' }));
    expect((result.error as Error).message).toBe('pagerduty GET /services returned a malformed body: services: expected an array');
  });
});

describe('paginateCursor', () => {
  it('walks cursor pages until no next cursor', async () => {
    const cursors: Record<string, { data: { id: number }[]; next?: string }> = {
      start: { data: ids(1, 2), next: 'c2' },
      c2: { data: ids(3, 2), next: 'c3' },
      c3: { data: ids(5, 1) },
    };
    const { client, server } = await setup((req, res) => {
      const cursor = new URL(req.url, 'http://x').searchParams.get('after') ?? 'start';
      const page = cursors[cursor];
      sendJson(res, 200, { data: page.data, paging: page.next ? { cursor: page.next } : {} });
    }, 'opsgenie');
    const result = await collect(
      paginateCursor<{ id: number }>(client, '/v2/alerts', {
        cursorParam: 'after',
        itemsKey: 'data',
        query: { limit: 2 },
        nextCursor: body => (body as { paging: { cursor?: string } }).paging.cursor,
      }),
    );
    expect(result.error).toBeUndefined();
    expect(result.pages.map(p => p.items.map(i => i.id))).toEqual([[1, 2], [3, 4], [5]]);
    expect(server.hits.map(h => h.url)).toEqual(['/v2/alerts?limit=2', '/v2/alerts?limit=2&after=c2', '/v2/alerts?limit=2&after=c3']);
  });

  it('surfaces a failure on page 3 after yielding pages 1 and 2', async () => {
    const { client } = await setup((_req, res, hit) => {
      if (hit >= 3) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": [');
      } else sendJson(res, 200, { data: ids(hit, 1), next: `c${hit + 1}` });
    }, 'opsgenie');
    const result = await collect(
      paginateCursor(client, '/v2/alerts', {
        cursorParam: 'cursor',
        itemsKey: 'data',
        nextCursor: body => (body as { next?: string }).next,
      }),
    );
    expect(result.pages.map(p => p.page)).toEqual([1, 2]);
    expect((result.error as Error).message).toMatch(/^opsgenie GET \/v2\/alerts returned a malformed body: /);
  });
});
