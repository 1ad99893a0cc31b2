import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedExchange } from './recordings';

/** A request the replay server received. */
export interface ReceivedRequest {
  method: string;
  /** Under the plugin's base URL, with the query string as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The JSON body sent, parsed; absent without one. */
  body?: unknown;
}

/** A local HTTP server answering recorded requests with the recorded answers. */
export interface ReplayServer {
  /** The plugin's base URL, as discovery gives it: `http://127.0.0.1:<port>/api/opsfolio`. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

const PREFIX = '/api/opsfolio';

/**
 * Serves the given exchanges on 127.0.0.1 (a free port). A request matches an exchange by method, path and query
 * parameters (in any order, as the backend reads them); any other request is a 501 naming it, so a client that
 * builds a wrong URL fails with that URL in the error.
 */
export async function startReplayServer(exchanges: RecordedExchange[]): Promise<ReplayServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').startsWith(PREFIX) ? req.url!.slice(PREFIX.length) : `(outside ${PREFIX}) ${req.url}`;
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const sent = text ? JSON.parse(text) : undefined;
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, ...(sent === undefined ? {} : { body: sent }) });
      // Requests with a body (campaigns created and edited) match the exchange recorded with that body.
      const exchange = exchanges.find(
        e => e.request.method === req.method && sameRequest(e.request.path, path) && JSON.stringify(e.request.body) === JSON.stringify(sent),
      );
      if (!exchange) {
        res.writeHead(501, 'Not Recorded', { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { name: 'NotRecordedError', message: `No recording of ${req.method} ${path}` } }));
        return;
      }
      const { status, statusText, headers, body } = exchange.response;
      res.writeHead(status, statusText, headers);
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${PREFIX}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close(error => (error ? reject(error) : resolve()))),
  };
}

function sameRequest(recorded: string, received: string): boolean {
  const a = new URL(recorded, 'http://replay');
  const b = new URL(received, 'http://replay');
  const sorted = (u: URL) => [...u.searchParams].map(([k, v]) => `${k}=${v}`).sort().join('&');
  return a.pathname === b.pathname && sorted(a) === sorted(b);
}
