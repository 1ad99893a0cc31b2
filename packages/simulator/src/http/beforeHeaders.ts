import type { ServerResponse } from 'node:http';

/**
 * Run `hook` just before the status line and headers go out, whoever sends the response. Hooks added
 * later run first, so a hook added earlier (e.g. a fault's headers) has the last word.
 */
export function beforeHeaders(res: ServerResponse, hook: (res: ServerResponse) => void): void {
  const writeHead = res.writeHead;
  let done = false;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!done) {
      done = true;
      hook(this);
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}
