import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import type { Tarball } from './tarballs';

/**
 * A registry for the packed tarballs only: npm is pointed at it for the @opsfolio scope
 * (`npm_config_@opsfolio:registry`), so the stock app installs Opsfolio by name and version exactly as from
 * npmjs.com, and everything else from the real registry.
 */
export async function startLocalRegistry(tarballs: Tarball[]): Promise<{ url: string; stop(): Promise<void> }> {
  const packages = new Map(
    tarballs.map(t => [t.name, { manifest: t.manifest, file: basename(t.file), data: readFileSync(t.file) }]),
  );
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\//, '');
    const tarball = [...packages.values()].find(p => path === `-/${p.file}`);
    if (tarball) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.data.length });
      res.end(tarball.data);
      return;
    }
    const pkg = packages.get(path);
    if (!pkg) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const { manifest, file, data } = pkg;
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dist = {
      tarball: `${base}/-/${file}`,
      shasum: createHash('sha1').update(data).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: { [manifest.version]: { ...manifest, _id: `${manifest.name}@${manifest.version}`, dist } },
    }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
