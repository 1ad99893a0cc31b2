import { createHash } from 'node:crypto';
import type { SimulatorContext } from '../../context';

/** A file in a GitHub repository: where it is, what it says, and its git blob sha. */
export interface RepoFile {
  path: string;
  text: string;
  sha: string;
}

/** Git's object id for a blob: sha1 of "blob <bytes>\0<content>", what GitHub reports as a file's sha. */
export function blobSha(text: string): string {
  const content = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/**
 * The CODEOWNERS of a component's GitHub or GitLab repository (scenario `codeowners`), or undefined when it
 * has none. The short form (GitHub only), owners only, becomes a `*` rule at .github/CODEOWNERS under a
 * comment naming the repo.
 */
export function codeownersFile({ scenario }: SimulatorContext, component: string): RepoFile | undefined {
  const entry = scenario.codeowners[component];
  const repo = scenario.components[component]?.repo.github ?? scenario.components[component]?.repo.gitlab;
  if (entry === undefined || repo === undefined) return undefined;
  const { path, text } =
    typeof entry === 'string'
      ? {
          path: '.github/CODEOWNERS',
          text: `# Code owners of ${repo}: the last matching pattern wins.\n*  ${entry.trim().split(/\s+/).join(' ')}\n`,
        }
      : { path: entry.path, text: `${entry.lines.join('\n')}\n` };
  return { path, text, sha: blobSha(text) };
}
