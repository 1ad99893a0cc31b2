import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * One request to the real Opsfolio backend and its answer, recorded by `npm run record:client` (scripts/record-client.ts)
 * and replayed by replayServer.ts to the client's tests.
 */
export interface RecordedExchange {
  /** What the exchange shows, for a reader of the file. */
  name: string;
  /** The backend's permission policy: `allow` (the default policy) or `deny` (every permission denied). */
  permissions: 'allow' | 'deny';
  /** The path is under the plugin's base URL (`/api/opsfolio`), with its query string; `body` is the JSON sent. */
  request: { method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown };
  /** `body` is the parsed JSON when the answer is JSON, else its text (CSV). */
  response: { status: number; statusText: string; headers: Record<string, string>; body: unknown };
}

/** The file the recorder writes and the replay tests read. */
export interface Recordings {
  recordedAt: string;
  exchanges: RecordedExchange[];
}

export const RECORDINGS_FILE = fileURLToPath(new URL('./opsfolio-backend.json', import.meta.url));

export function readRecordings(): Recordings {
  return JSON.parse(readFileSync(RECORDINGS_FILE, 'utf8')) as Recordings;
}
