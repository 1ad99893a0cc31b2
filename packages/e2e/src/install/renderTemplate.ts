import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { REPO_ROOT } from './paths';

export type Template = 'default-app' | 'legacy-app';

interface ReleaseManifest {
  releaseVersion: string;
  packages: Array<{ name: string; version: string }>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Renders one of @backstage/create-app's templates into `target`, as `create-app --path` does, with the
 * versions of the Backstage release this repository is on (scripts/release/manifest.json) instead of those
 * create-app was published with: the stock app of the same release.
 */
export function renderTemplate(template: Template, target: string, name = 'stock-app'): void {
  const require = createRequire(join(REPO_ROOT, 'package.json'));
  const templateDir = join(dirname(require.resolve('@backstage/create-app/package.json')), 'templates', template);
  const manifest: ReleaseManifest = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts/release/manifest.json'), 'utf8'));
  const versions = new Map(manifest.packages.map(p => [p.name, p.version]));
  versions.set('root', manifest.releaseVersion);
  const helpers = {
    version(pkg: string) {
      const version = versions.get(pkg);
      if (!version) throw new Error(`${template} names ${pkg}, which scripts/release/manifest.json lacks`);
      return version;
    },
  };
  for (const file of filesUnder(templateDir)) {
    const destination = join(target, relative(templateDir, file));
    mkdirSync(dirname(destination), { recursive: true });
    if (file.endsWith('.hbs')) {
      const compiled = Handlebars.compile(readFileSync(file, 'utf8'));
      const out = destination.replace(/\.hbs$/, '');
      writeFileSync(out, compiled({ name, defaultBranch: 'main' }, { helpers }));
    } else {
      copyFileSync(file, destination);
    }
  }
}
