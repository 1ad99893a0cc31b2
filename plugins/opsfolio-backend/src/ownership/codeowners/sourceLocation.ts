import type { ScmIntegrationRegistry } from '@backstage/integration';
import { ANNOTATION_LOCATION, ANNOTATION_SOURCE_LOCATION, type Entity } from '@backstage/catalog-model';

/** Where an entity lives: its repository, the ref, and its directory there. Pure. */
export interface RepoLocation {
  provider: 'github' | 'gitlab';
  /** e.g. `https://github.com/acme/payments` or `https://gitlab.com/acme/payments/payouts-worker` */
  repoUrl: string;
  /** The branch (or tag, sha) in the URL; `HEAD`, the default branch, when the URL names none. */
  ref: string;
  /** The entity's directory: `''` for the repository root, else with a trailing slash (`services/x/`). */
  path: string;
}

/**
 * Where each host looks for CODEOWNERS, first found wins. GitHub: `.github/`, root, `docs/` (docs.github.com,
 * "CODEOWNERS file location"). GitLab: root, `docs/`, `.gitlab/` (GitLab's `Gitlab::CodeOwners::FILE_PATHS`).
 */
const CODEOWNERS_PATHS = {
  github: ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'],
  gitlab: ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'],
} as const;

const trimGit = (name: string) => name.replace(/\.git$/, '');

/** The directory of a path in a tree/blob URL: a blob's parent, a tree itself; `''` for the root. */
function directoryOf(rest: string[], isFile: boolean): string {
  const parts = rest.filter(Boolean);
  if (isFile) parts.pop();
  return parts.length > 0 ? `${parts.join('/')}/` : '';
}

function parseGitlab(origin: string, segments: string[], file?: boolean): RepoLocation | undefined {
  const dash = segments.indexOf('-');
  const project = dash >= 0 ? segments.slice(0, dash) : segments;
  if (project.length < 2) return undefined;
  const repoUrl = `${origin}/${project.slice(0, -1).join('/')}/${trimGit(project[project.length - 1]!)}`;
  if (dash < 0) return { provider: 'gitlab', repoUrl, ref: 'HEAD', path: '' };
  const [kind, ref, ...rest] = segments.slice(dash + 1);
  if ((kind !== 'tree' && kind !== 'blob') || !ref) return undefined;
  return { provider: 'gitlab', repoUrl, ref, path: directoryOf(rest, file ?? kind === 'blob') };
}

function parseGithub(origin: string, segments: string[], file?: boolean): RepoLocation | undefined {
  const [owner, name, kind, ref, ...rest] = segments;
  if (!owner || !name) return undefined;
  const repoUrl = `${origin}/${owner}/${trimGit(name)}`;
  if (kind === undefined) return { provider: 'github', repoUrl, ref: 'HEAD', path: '' };
  if ((kind !== 'tree' && kind !== 'blob') || !ref) return undefined;
  return { provider: 'github', repoUrl, ref, path: directoryOf(rest, file ?? kind === 'blob') };
}

/** Which SCM a URL's host is, as the app's `integrations` config says (Backstage's `ScmIntegrations.byUrl`). */
export type ScmProviderOf = (url: string) => string | undefined;

/** {@link ScmProviderOf} from the app's integrations: `github`, `gitlab`, … for a configured host. */
export const providerOfUrl =
  (integrations: ScmIntegrationRegistry): ScmProviderOf =>
  url =>
    integrations.byUrl(url)?.type;

/**
 * A repository URL as GitHub or GitLab shows it: `https://github.com/o/r[/tree|blob/<ref>/<path>]`,
 * `https://gitlab.com/g[/sub]/p[/-/tree|blob/<ref>/<path>]`. GitLab is a host the `integrations` config names as
 * GitLab (`providerOf`: any host name, self-managed ones too); for a host it does not name, a URL with GitLab's
 * `/-/` separator or "gitlab" in the host name. Anything else is read as GitHub's shape (Enterprise hosts too).
 * A `blob` URL names a file (its directory is used), a `tree` URL a directory, unless `file` says which.
 * A ref is one path segment (`feature/x` cannot be told from a directory, as in Backstage's own parsing).
 */
export function parseRepoUrl(url: string, file?: boolean, providerOf?: ScmProviderOf): RepoLocation | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const segments = parsed.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const configured = providerOf?.(url);
    // A host the integrations do not name: GitLab by its `/-/` separator, or by name as a last resort.
    const gitlab = configured ? configured === 'gitlab' : segments.includes('-') || parsed.hostname.includes('gitlab');
    return gitlab ? parseGitlab(parsed.origin, segments, file) : parseGithub(parsed.origin, segments, file);
  } catch {
    return undefined; // not a URL, or a malformed %-escape
  }
}

function urlTarget(annotation: string | undefined): string | undefined {
  const match = annotation && /^url:(.+)$/.exec(annotation.trim());
  return match ? match[1] : undefined;
}

/**
 * The entity's repository location: from `backstage.io/source-location`, else the directory of its
 * `backstage.io/managed-by-location` (the catalog-info.yaml it was read from). Only `url:` locations on a
 * GitHub- or GitLab-shaped URL count; `file:` locations (as in local demos) give undefined.
 */
export function repoLocationOf(entity: Entity, providerOf?: ScmProviderOf): RepoLocation | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const source = urlTarget(annotations[ANNOTATION_SOURCE_LOCATION]);
  const fromSource = source ? parseRepoUrl(source, undefined, providerOf) : undefined;
  if (fromSource) return fromSource;
  // The managed-by location is the descriptor file itself, whether its URL says blob or tree.
  const managedBy = urlTarget(annotations[ANNOTATION_LOCATION]);
  return managedBy ? parseRepoUrl(managedBy, true, providerOf) : undefined;
}

/** The CODEOWNERS URLs to try, in the host's order, on the entity's ref. */
export function codeownersUrls(location: RepoLocation): string[] {
  const ref = encodeURIComponent(location.ref).replace(/%2F/gi, '/');
  const blob = location.provider === 'gitlab' ? `${location.repoUrl}/-/blob/${ref}` : `${location.repoUrl}/blob/${ref}`;
  return CODEOWNERS_PATHS[location.provider].map(path => `${blob}/${path}`);
}
