import { InputError } from '@backstage/errors';

/**
 * Query parameters; arrays repeat the key (`statuses[]=a&statuses[]=b`), undefined and null are left out.
 * @public
 */
export type VendorQuery = Record<
  string,
  string | number | boolean | undefined | null | ReadonlyArray<string | number | boolean>
>;

/** The configured base URL, split into the parts request resolution needs. */
export interface BaseUrl {
  origin: string;
  /** Path prefix without trailing slash, e.g. `/api/v4`, or empty. */
  prefix: string;
}

export function parseBaseUrl(baseUrl: string): BaseUrl {
  const url = new URL(baseUrl);
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/**
 * Resolves a path (relative to the base URL) or an absolute URL on the same origin, then adds `query`.
 * Other origins are refused so that the vendor's credentials never leave for a host a body named.
 */
export function resolveUrl(vendor: string, base: BaseUrl, path: string, query?: VendorQuery): URL {
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    url = new URL(path);
    if (url.origin !== base.origin) {
      throw new InputError(`${vendor}: refusing to send a request to ${url.origin}, which is not ${base.origin}`);
    }
  } else {
    url = new URL(base.prefix + (path.startsWith('/') ? path : `/${path}`), base.origin);
  }
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) url.searchParams.append(key, String(v));
  }
  return url;
}

/** The path to show in errors and logs: relative to the base URL, without query values. */
export function routeOf(base: BaseUrl, url: URL): string {
  const path = url.pathname;
  if (base.prefix && (path === base.prefix || path.startsWith(`${base.prefix}/`))) {
    return path.slice(base.prefix.length) || '/';
  }
  return path;
}
