import type { Request, Response, Router } from 'express';
import type { SimulatorContext } from '../../context';
import { codeownersFile, type RepoFile } from '../../data/codeowners/codeownersFiles';
import { findGithubRepo, type GithubRepo } from '../../data/githubRepos';
import { matchesIfNoneMatch, sendJsonWithEtag } from '../../http/etag';
import { DOCS, notFound, sendError } from './errors';
import { urlsFor } from './json';

// GET /repos/{owner}/{repo}/contents/{path}: what Backstage's GitHub UrlReader calls for readUrl
// (`?ref=<branch>`, `Accept: application/vnd.github.v3.raw`, `If-None-Match` with a previous ETag).
// Only the repository's CODEOWNERS exists; other paths, directories included, answer 404.

const DOCS_PATH = 'repos/contents#get-repository-content';

/** The raw media types (`application/vnd.github.raw`, `…v3.raw`, `…raw+json`) ask for the bytes themselves. */
const wantsRaw = (req: Request) => /application\/vnd\.github(?:\.v3)?\.raw/i.test(req.get('accept') ?? '');

export function registerContentsRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/repos/:owner/:repo/contents/*', (req, res) => {
    const repo = findGithubRepo(ctx, req.params.owner!, req.params.repo!);
    if (!repo) return notFound(res, DOCS_PATH);
    const ref = req.query.ref;
    // `HEAD` and no ref both mean the default branch; the simulated repositories have no other.
    if (ref !== undefined && ref !== repo.defaultBranch && ref !== 'HEAD') {
      return sendError(res, 404, `No commit found for the ref ${String(ref)}`, `${DOCS}/${DOCS_PATH}`);
    }
    const path = String((req.params as Record<string, string>)[0] ?? '').replace(/\/+$/, '');
    const file = codeownersFile(ctx, repo.component);
    if (!file || file.path !== path) return notFound(res, DOCS_PATH);
    if (wantsRaw(req)) return sendRaw(req, res, file);
    sendJsonWithEtag(req, res, contentJson(req, ctx, repo, file));
  });
}

/** Raw bytes, tagged with the blob sha as GitHub does, so a later `If-None-Match` gets a 304. */
function sendRaw(req: Request, res: Response, file: RepoFile): void {
  const etag = `"${file.sha}"`;
  res.setHeader('ETag', etag);
  res.setHeader('X-GitHub-Media-Type', 'github.v3; param=raw');
  if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  res.type('text/plain; charset=utf-8').send(file.text);
}

/** base64 wrapped at 60 characters, each line ending in a newline, as GitHub sends `content`. */
function wrappedBase64(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');
}

function contentJson(req: Request, ctx: SimulatorContext, repo: GithubRepo, file: RepoFile) {
  const api = `${urlsFor(req, ctx.scenario.seed).api}/repos/${repo.fullName}`;
  const url = `${api}/contents/${file.path}?ref=${repo.defaultBranch}`;
  const gitUrl = `${api}/git/blobs/${file.sha}`;
  const htmlUrl = `https://github.com/${repo.fullName}/blob/${repo.defaultBranch}/${file.path}`;
  return {
    name: file.path.split('/').pop(),
    path: file.path,
    sha: file.sha,
    size: Buffer.byteLength(file.text, 'utf8'),
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: `https://raw.githubusercontent.com/${repo.fullName}/${repo.defaultBranch}/${file.path}`,
    type: 'file',
    content: wrappedBase64(file.text),
    encoding: 'base64',
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}
