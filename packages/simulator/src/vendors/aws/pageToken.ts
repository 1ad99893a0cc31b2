import { AwsError } from './errors';

// NextPageToken: opaque to clients. Here: the position of the next entry, a fingerprint of the request
// that produced it (a changed request with an old token is told apart from a broken token), and the
// instant of the first page, so every page of one listing is cut from the same data.

export interface PageToken {
  position: number;
  fingerprint: string;
  /** epoch ms the first page was answered at */
  at: number;
}

export function writeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify({ p: token.position, f: token.fingerprint, t: token.at })).toString('base64url');
}

export function readToken(text: string): PageToken {
  let parsed: { p?: unknown; f?: unknown; t?: unknown } | null;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const { p, f, t } = parsed ?? {};
  if (!Number.isInteger(p) || (p as number) < 1 || typeof f !== 'string' || !Number.isFinite(t)) {
    throw new AwsError('InvalidNextTokenException', 'The NextPageToken is invalid');
  }
  return { position: p as number, fingerprint: f, at: t as number };
}

/** Checks a token against the request it came with and the listing it points into. */
export function checkToken(token: PageToken, fingerprint: string, size: number): number {
  if (token.fingerprint !== fingerprint) {
    throw new AwsError('RequestChangedException', 'The request parameters changed between paginated calls; start again without NextPageToken');
  }
  if (token.position >= size) throw new AwsError('InvalidNextTokenException', 'The NextPageToken is expired or out of range');
  return token.position;
}
