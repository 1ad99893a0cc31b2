import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** One file of an export location, with what tells whether it changed since the last import. */
export interface ExportFile {
  /** Stable within the location: the path relative to it, or the URL. */
  name: string;
  /** Size and mtime, or the ETag; absent when nothing tells, and then it is always re-read. */
  fingerprint?: string;
  open(): Promise<Readable>;
}

const EXPORT_FILE = /\.csv(\.gz)?$/i;

const isUrl = (location: string) => /^[a-z][a-z0-9+.-]+:\/\//i.test(location) && !location.startsWith('file:');

/**
 * The files of a location: a local file, every `*.csv` / `*.csv.gz` under a local directory
 * (recursively, as AWS and Azure write one folder per billing period), or one URL read through
 * Backstage's UrlReader. `previous` holds the fingerprints of the last import, for conditional reads.
 */
export async function listExportFiles(
  location: string,
  deps: { urlReader: UrlReaderService; baseDir: string; signal?: AbortSignal },
  previous: (name: string) => string | undefined,
): Promise<ExportFile[]> {
  if (isUrl(location)) return [await urlFile(location, deps.urlReader, previous(location), deps.signal)];
  const path = location.startsWith('file:') ? fileURLToPath(location) : resolve(deps.baseDir, location);
  const info = await stat(path);
  if (info.isFile()) return [localFile(path, path.split(sep).pop()!, info)];
  const files: ExportFile[] = [];
  for (const file of await walk(path)) {
    files.push(localFile(file, relative(path, file).split(sep).join('/'), await stat(file)));
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : 1));
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && EXPORT_FILE.test(entry.name)) found.push(path);
  }
  return found;
}

const localFile = (path: string, name: string, info: { size: number; mtimeMs: number }): ExportFile => ({
  name,
  fingerprint: `${info.size}:${Math.trunc(info.mtimeMs)}`,
  open: async () => createReadStream(path),
});

async function urlFile(url: string, reader: UrlReaderService, etag: string | undefined, signal?: AbortSignal): Promise<ExportFile> {
  const reread = async () => {
    const response = await reader.readUrl(url, { signal });
    return response.stream ? response.stream() : Readable.from(await response.buffer());
  };
  try {
    const response = await reader.readUrl(url, { etag, signal });
    const fingerprint = response.etag ?? response.lastModifiedAt?.toISOString();
    if (fingerprint === undefined || fingerprint !== etag) {
      return { name: url, fingerprint, open: async () => (response.stream ? response.stream() : Readable.from(await response.buffer())) };
    }
    // A reader that ignores the ETag still sent the body: let go of it.
    response.stream?.().destroy();
    return { name: url, fingerprint, open: reread };
  } catch (error) {
    // The reader answers an unchanged ETag with NotModifiedError.
    if ((error as Error)?.name !== 'NotModifiedError') throw error;
    return { name: url, fingerprint: etag, open: reread };
  }
}
