import type { VendorSchema } from './types';

/** Parses (and validates) a 2xx body; failures go through `malformed`, which names vendor and route. */
export function parseBody<T>(
  text: string,
  status: number,
  method: string,
  schema: VendorSchema<T> | undefined,
  malformed: (reason: string) => Error,
  scrub: (text: string) => string,
): T {
  // An empty answer is normal for 204 and for writes; a GET that promises JSON must send some.
  if (status === 204 || method === 'HEAD' || (text === '' && method !== 'GET')) return undefined as T;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw malformed(jsonErrorReason(err, scrub(text)));
  }
  if (!schema) return json as T;
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw malformed(formatIssues(parsed.error));
}

// V8 quotes a cut of the input in its message; a cut could hold part of a secret the scrubber would not
// recognise, so the quote is replaced by an excerpt of the already scrubbed text.
function jsonErrorReason(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const bare = message.replace(/,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, ' (not valid JSON)');
  return bare === message ? message : `${bare}; body starts with ${JSON.stringify(text.slice(0, 200))}`;
}

/** `services[0].id: Invalid input: expected string, received number` (first three issues). */
function formatIssues(error: {
  message: string;
  issues?: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): string {
  if (!error.issues?.length) return error.message;
  const shown = error.issues.slice(0, 3).map(issue => {
    const path = issue.path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`))
      .join('');
    return `${path || '(root)'}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/** The vendor's own message from an error body (PagerDuty `error.message`, others `message`). */
export function vendorMessage(text: string, scrub: (text: string) => string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const obj = json as { error?: unknown; message?: unknown } | null;
  const candidate =
    (typeof obj?.error === 'object' && obj.error !== null ? (obj.error as { message?: unknown }).message : obj?.error) ??
    obj?.message;
  return typeof candidate === 'string' ? scrub(candidate).slice(0, 300) : undefined;
}
