import { VendorHttpError } from './errors';
import type { VendorClient, VendorHeaders, VendorSchema } from './types';
import { type VendorQuery, parseBaseUrl, resolveUrl, routeOf } from './url';

/**
 * One page of a paginated listing, yielded as soon as it arrives so callers can persist page by page.
 * @public
 */
export interface VendorPage<T> {
  /** 1 for the first page. */
  page: number;
  /** The page's items, validated when an `itemSchema` was given. */
  items: T[];
  /** The page's response headers. */
  headers: VendorHeaders;
}

/**
 * Options every pagination helper takes.
 * @public
 */
export interface VendorPaginateOptions<T> {
  /** Query parameters of the first page; the helpers add their paging parameters. */
  query?: VendorQuery;
  /** Extra headers for every page; values are treated as secrets like the client's. */
  headers?: Record<string, string>;
  /** Where the items are in the body, e.g. `services`; without it the body itself must be the array. */
  itemsKey?: string;
  /** Validates each item; a mismatch fails the page as a malformed body. */
  itemSchema?: VendorSchema<T>;
  /** Stop after this many pages; default unlimited. */
  maxPages?: number;
  /** Aborts the listing between and during pages. */
  signal?: AbortSignal;
}

/**
 * Options of {@link paginateOffset}.
 * @public
 */
export interface VendorOffsetPaginateOptions<T> extends VendorPaginateOptions<T> {
  /** Where the items are in the body, e.g. `oncalls`. */
  itemsKey: string;
  /** Page size, sent as `limitParam`. */
  limit: number;
  /** Body field saying more pages follow; default `more`. Without it a full page means "more". */
  moreKey?: string;
  /** Query parameter that carries the offset; default `offset`. */
  offsetParam?: string;
  /** Query parameter that carries the page size; default `limit`. */
  limitParam?: string;
  /** Offset of the first page; default 0. */
  offset?: number;
}

/**
 * Options of {@link paginateCursor}.
 * @public
 */
export interface VendorCursorPaginateOptions<T> extends VendorPaginateOptions<T> {
  /** Query parameter that carries the cursor. */
  cursorParam: string;
  /** Reads the next cursor from a page; undefined or empty ends the listing. */
  nextCursor: (body: unknown, headers: VendorHeaders) => string | undefined;
  /** Cursor of the first page, to resume a listing. */
  cursor?: string;
}

interface ParsedPage<T> {
  items: T[];
  body: unknown;
}

type Issue = { path: ReadonlyArray<PropertyKey>; message: string };

// A schema over the whole page lets the client report item mismatches as a malformed body with the
// vendor and route, exactly like any other validation failure.
function pageSchema<T>(itemsKey: string | undefined, itemSchema?: VendorSchema<T>): VendorSchema<ParsedPage<T>> {
  return {
    safeParse(body: unknown) {
      const list = itemsKey === undefined ? body : (body as Record<string, unknown> | null)?.[itemsKey];
      const prefix = itemsKey === undefined ? [] : [itemsKey];
      if (!Array.isArray(list)) {
        const message = 'expected an array';
        return { success: false, error: { message, issues: [{ path: prefix, message }] } };
      }
      if (!itemSchema) return { success: true, data: { items: list as T[], body } };
      const items: T[] = [];
      const issues: Issue[] = [];
      list.forEach((item, index) => {
        const parsed = itemSchema.safeParse(item);
        if (parsed.success) items.push(parsed.data);
        else {
          const own = parsed.error.issues ?? [{ path: [], message: parsed.error.message }];
          for (const issue of own) issues.push({ path: [...prefix, index, ...issue.path], message: issue.message });
        }
      });
      if (issues.length) return { success: false, error: { message: issues[0].message, issues } };
      return { success: true, data: { items, body } };
    },
  };
}

function loopError(client: VendorClient, url: string): VendorHttpError {
  const base = parseBaseUrl(client.baseUrl);
  return new VendorHttpError({
    vendor: client.vendor,
    method: 'GET',
    route: routeOf(base, new URL(url, base.origin)),
    kind: 'malformed',
    attempts: 1,
    retryable: false,
    reason: 'pagination points back to a page already read',
  });
}

/** The `rel="next"` target of an RFC 8288 Link header, if any. */
export function parseNextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const match of link.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]*)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(match[2])?.[1];
    if (rel?.toLowerCase().split(/\s+/).includes('next')) return match[1];
  }
  return undefined;
}

/**
 * Follows `Link: <…>; rel="next"` headers (GitHub, GitLab); next links must stay on the client's origin.
 * @public
 */
export async function* paginateLink<T = unknown>(
  client: VendorClient,
  path: string,
  options: VendorPaginateOptions<T> = {},
): AsyncGenerator<VendorPage<T>, void, undefined> {
  const schema = pageSchema(options.itemsKey, options.itemSchema);
  const maxPages = options.maxPages ?? Infinity;
  let url = resolveUrl(client.vendor, parseBaseUrl(client.baseUrl), path, options.query).href;
  const seen = new Set<string>([url]);
  for (let page = 1; page <= maxPages; page++) {
    const res = await client.getJson(url, { headers: options.headers, schema, signal: options.signal });
    yield { page, items: res.body.items, headers: res.headers };
    const next = parseNextLink(res.headers.link);
    if (!next) return;
    url = new URL(next, url).href;
    if (seen.has(url)) throw loopError(client, url);
    seen.add(url);
  }
}

/**
 * Walks `offset`/`limit` pages while the body says `more` (PagerDuty style).
 * @public
 */
export async function* paginateOffset<T = unknown>(
  client: VendorClient,
  path: string,
  options: VendorOffsetPaginateOptions<T>,
): AsyncGenerator<VendorPage<T>, void, undefined> {
  const schema = pageSchema(options.itemsKey, options.itemSchema);
  const maxPages = options.maxPages ?? Infinity;
  const moreKey = options.moreKey ?? 'more';
  let offset = options.offset ?? 0;
  for (let page = 1; page <= maxPages; page++) {
    const query = {
      ...options.query,
      [options.offsetParam ?? 'offset']: offset,
      [options.limitParam ?? 'limit']: options.limit,
    };
    const res = await client.getJson(path, { query, headers: options.headers, schema, signal: options.signal });
    const { items, body } = res.body;
    yield { page, items, headers: res.headers };
    const more = (body as Record<string, unknown>)[moreKey];
    const hasMore = more === undefined ? items.length >= options.limit : more === true;
    if (!hasMore || items.length === 0) return;
    // Vendors may cap the limit below what was asked, so advance by what actually came back.
    offset += items.length;
  }
}

/**
 * Walks cursor (keyset) pages: each page names the cursor of the next (Opsgenie, GitLab keyset).
 * @public
 */
export async function* paginateCursor<T = unknown>(
  client: VendorClient,
  path: string,
  options: VendorCursorPaginateOptions<T>,
): AsyncGenerator<VendorPage<T>, void, undefined> {
  const schema = pageSchema(options.itemsKey, options.itemSchema);
  const maxPages = options.maxPages ?? Infinity;
  let cursor = options.cursor;
  const seen = new Set<string>(cursor === undefined ? [] : [cursor]);
  for (let page = 1; page <= maxPages; page++) {
    const query = cursor === undefined ? options.query : { ...options.query, [options.cursorParam]: cursor };
    const res = await client.getJson(path, { query, headers: options.headers, schema, signal: options.signal });
    yield { page, items: res.body.items, headers: res.headers };
    const next = options.nextCursor(res.body.body, res.headers);
    if (!next) return;
    if (seen.has(next)) throw loopError(client, path);
    seen.add(next);
    cursor = next;
  }
}
