import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Tarball } from './tarballs';

/** The size of a production app build: every JavaScript and CSS file it serves. */
export function bundleBytes(dist: string): number {
  let total = 0;
  for (const entry of readdirSync(dist, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(js|css)$/.test(entry.name)) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** How long each stage of the install test took, and the figures it measured, for its summary. */
export class Timings {
  readonly #seconds = new Map<string, number>();
  readonly #figures = new Map<string, number>();

  async measure<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.#seconds.set(stage, Math.round((Date.now() - started) / 100) / 10);
    }
  }

  figure(name: string, value: number): void {
    this.#figures.set(name, value);
  }

  report(tarballs: Tarball[]) {
    return {
      seconds: Object.fromEntries(this.#seconds),
      figures: Object.fromEntries(this.#figures),
      tarballs: Object.fromEntries(tarballs.map(t => [t.name, t.bytes])),
    };
  }

  print(tarballs: Tarball[]): string {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    return [
      'Install test:',
      ...[...this.#seconds].map(([stage, seconds]) => `  ${stage}: ${seconds} s`),
      ...[...this.#figures].map(([name, value]) => `  ${name}: ${value}`),
      ...tarballs.map(t => `  ${t.name}: ${kb(t.bytes)}`),
    ].join('\n');
  }
}
