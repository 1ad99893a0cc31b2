import type { Request, Response } from 'express';

// Page-number pagination as GitHub and GitLab do it: `page` (1-based) and `per_page`, an oversized
// per_page quietly reduced to the maximum, and links built from the URL the client called. Offset
// pagination (PagerDuty's "classic" limit/offset, Opsgenie's offset/limit) is at the end.

export interface PageRequest {
  page: number;
  perPage: number;
}

function positiveInt(value: unknown): number | undefined {
  const text = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof text === 'string' && /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : undefined;
}

export function pageRequest(query: Request['query'], limits: { perPage: number; maxPerPage: number }): PageRequest {
  const perPage = positiveInt(query.per_page);
  return {
    page: positiveInt(query.page) ?? 1,
    perPage: perPage === undefined ? limits.perPage : Math.min(perPage, limits.maxPerPage),
  };
}

export function pageOf<T>(items: readonly T[], { page, perPage }: PageRequest): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

function lastPage(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The absolute URL of this request as the client addressed it: its Host header, the vendor prefix, the query. */
export function requestUrl(req: Request): URL {
  return new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
}

function withPage(url: URL, page: number): string {
  const copy = new URL(url);
  copy.searchParams.set('page', String(page));
  return copy.toString();
}

/**
 * GitHub's Link header: prev, next, last, first — each only where it leads somewhere (no header at all for
 * a single page). The query stays as the client sent it, with `page` replaced.
 */
export function setGithubLink(req: Request, res: Response, { page, perPage }: PageRequest, total: number): void {
  const last = lastPage(total, perPage);
  const url = requestUrl(req);
  const links: string[] = [];
  if (page > 1) links.push(`<${withPage(url, Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) {
    links.push(`<${withPage(url, page + 1)}>; rel="next"`);
    links.push(`<${withPage(url, last)}>; rel="last"`);
  }
  if (page > 1) links.push(`<${withPage(url, 1)}>; rel="first"`);
  if (links.length > 0) res.setHeader('Link', links.join(', '));
}

/**
 * GitLab's offset pagination headers. Link URLs carry the request's parameters — including the path's
 * `id` and defaulted ones such as `order_by` and `sort`, as Grape's params do — sorted by name.
 */
export function setGitlabPagination(
  req: Request,
  res: Response,
  { page, perPage }: PageRequest,
  total: number,
  params: Record<string, string>,
): void {
  const last = lastPage(total, perPage);
  const next = page < last ? page + 1 : undefined;
  const prev = page > 1 && page <= last ? page - 1 : undefined;
  const url = requestUrl(req);
  const merged = new Map<string, string[]>();
  for (const [key, value] of Object.entries(params)) merged.set(key, [value]);
  for (const key of new Set(url.searchParams.keys())) merged.set(key, url.searchParams.getAll(key));
  const href = (target: number) => {
    const query = new URLSearchParams();
    merged.set('page', [String(target)]);
    merged.set('per_page', [String(perPage)]);
    for (const key of [...merged.keys()].sort()) for (const value of merged.get(key)!) query.append(key, value);
    return `${url.origin}${url.pathname}?${query.toString()}`;
  };
  const links: string[] = [];
  if (prev !== undefined) links.push(`<${href(prev)}>; rel="prev"`);
  if (next !== undefined) links.push(`<${href(next)}>; rel="next"`);
  links.push(`<${href(1)}>; rel="first"`);
  links.push(`<${href(last)}>; rel="last"`);
  res.setHeader('X-Per-Page', String(perPage));
  res.setHeader('X-Page', String(page));
  res.setHeader('X-Next-Page', next === undefined ? '' : String(next));
  res.setHeader('X-Prev-Page', prev === undefined ? '' : String(prev));
  res.setHeader('Link', links.join(', '));
  res.setHeader('X-Total', String(total));
  res.setHeader('X-Total-Pages', String(last));
}

export interface OffsetRequest {
  offset: number;
  limit: number;
}

/**
 * `limit` and `offset` from the query: a missing value takes its default; a value that is not a whole
 * number in range is reported (each vendor answers that in its own error shape).
 */
export function offsetRequest(
  query: Request['query'],
  limits: { limit: number; maxLimit: number; overMax: 'clamp' | 'reject' },
): { ok: true; value: OffsetRequest } | { ok: false; problem: string } {
  const read = (name: string): string | undefined => {
    const value = query[name];
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    return typeof last === 'string' && last !== '' ? last : undefined;
  };
  const limitText = read('limit');
  const offsetText = read('offset');
  const tooBig = limitText !== undefined && Number(limitText) > limits.maxLimit && limits.overMax === 'reject';
  if (limitText !== undefined && (!/^\d+$/.test(limitText) || Number(limitText) < 1 || tooBig)) {
    return { ok: false, problem: `limit must be a whole number between 1 and ${limits.maxLimit}` };
  }
  if (offsetText !== undefined && !/^\d+$/.test(offsetText)) {
    return { ok: false, problem: 'offset must be a whole number of at least 0' };
  }
  return {
    ok: true,
    value: {
      limit: limitText === undefined ? limits.limit : Math.min(Number(limitText), limits.maxLimit),
      offset: offsetText === undefined ? 0 : Number(offsetText),
    },
  };
}

export function offsetPage<T>(items: readonly T[], { offset, limit }: OffsetRequest): T[] {
  return items.slice(offset, offset + limit);
}
