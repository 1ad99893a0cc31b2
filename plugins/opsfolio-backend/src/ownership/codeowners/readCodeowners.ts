import { isError } from '@backstage/errors';
import type { FileReader } from './gitlabFiles';

/** The CODEOWNERS file that was found: the first candidate that exists. */
export interface CodeownersFile {
  url: string;
  text: string;
  /** Pass back as `previous` on the next read to make it a conditional request. */
  etag?: string;
}

/** The previous read was still current: same URL, same content. */
export interface CodeownersNotModified {
  url: string;
  etag: string;
  notModified: true;
}

export interface ReadCodeownersOptions {
  /** What the last read returned; its URL is asked with `If-None-Match`. */
  previous?: { url: string; etag?: string };
  signal?: AbortSignal;
}

// By name, not instanceof: readers may come with their own copy of @backstage/errors.
const errorNamed = (error: unknown, name: string) => isError(error) && error.name === name;

/**
 * Reads the first CODEOWNERS that exists among `candidates` (in the host's order, see `codeownersUrls`).
 * A `NotFoundError` means "try the next one"; undefined when none exists. Any other error is thrown for
 * the caller to record. With `previous`, the candidates before its URL are still asked (a file added in a
 * higher-priority place takes over, as on GitHub) and its own URL is asked with its ETag, so an unchanged
 * file costs one 304, which GitHub does not count against the rate limit.
 */
export async function readCodeowners(
  reader: FileReader,
  candidates: readonly string[],
  options: ReadCodeownersOptions = {},
): Promise<CodeownersFile | CodeownersNotModified | undefined> {
  const { previous, signal } = options;
  for (const url of candidates) {
    const etag = previous?.url === url ? previous.etag : undefined;
    try {
      const response = await reader.readUrl(url, { ...(etag && { etag }), ...(signal && { signal }) });
      const text = (await response.buffer()).toString('utf8');
      return { url, text, ...(response.etag && { etag: response.etag }) };
    } catch (error) {
      if (etag && errorNamed(error, 'NotModifiedError')) return { url, etag, notModified: true };
      if (errorNamed(error, 'NotFoundError')) continue;
      throw error;
    }
  }
  return undefined;
}
