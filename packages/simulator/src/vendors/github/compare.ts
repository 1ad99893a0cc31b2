import type { Request, Router } from 'express';
import type { SimulatorContext } from '../../context';
import { compareCommits, resolveCommit } from '../../data/compareCommits';
import { sendJsonWithEtag } from '../../http/etag';
import { pageOf, pageRequest, setGithubLink } from '../../http/pagination';
import { notFound } from './errors';
import { commitJson, urlsFor } from './json';
import { repoFromPath } from './repos';

// GET /repos/{owner}/{repo}/compare/{base}...{head}: the commits head has and base has not, oldest first.
// Without page/per_page at most 250 commits (total_commits still counts them all), as on GitHub; with
// either, the commits are paginated (default 30, max 100) with a Link header.

const UNPAGINATED_MAX = 250;
const DOCS = 'commits/commits#compare-two-commits';

/** `base...head`; either side may be `owner:ref`. */
function splitBasehead(basehead: string): [string, string] | undefined {
  const parts = basehead.split('...');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  const strip = (ref: string) => ref.slice(ref.indexOf(':') + 1);
  return [strip(parts[0]), strip(parts[1])];
}

const paginated = (req: Request) => req.query.page !== undefined || req.query.per_page !== undefined;

export function registerCompareRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/repos/:owner/:repo/compare/:basehead', (req, res) => {
    const found = repoFromPath(ctx, req, res, DOCS);
    if (!found) return;
    const { repo, history } = found;
    const refs = splitBasehead(req.params.basehead!);
    const base = refs && resolveCommit(history, refs[0]);
    const head = refs && resolveCommit(history, refs[1]);
    if (!base || !head) return notFound(res, DOCS);

    const comparison = compareCommits(history, base, head);
    let commits = comparison.commits.slice(0, UNPAGINATED_MAX);
    if (paginated(req)) {
      const paging = pageRequest(req.query, { perPage: 30, maxPerPage: 100 });
      setGithubLink(req, res, paging, comparison.commits.length);
      commits = pageOf(comparison.commits, paging);
    }
    const urls = urlsFor(req, ctx.scenario.seed);
    const basehead = `${base.sha}...${head.sha}`;
    const html = `https://github.com/${repo.fullName}`;
    sendJsonWithEtag(req, res, {
      url: `${urls.api}/repos/${repo.fullName}/compare/${req.params.basehead}`,
      html_url: `${html}/compare/${req.params.basehead}`,
      permalink_url: `${html}/compare/${repo.owner}:${base.sha.slice(0, 7)}...${repo.owner}:${head.sha.slice(0, 7)}`,
      diff_url: `${html}/compare/${basehead}.diff`,
      patch_url: `${html}/compare/${basehead}.patch`,
      base_commit: commitJson(urls, repo, history, base),
      merge_base_commit: commitJson(urls, repo, history, comparison.mergeBase),
      status: comparison.status,
      ahead_by: comparison.aheadBy,
      behind_by: comparison.behindBy,
      total_commits: comparison.aheadBy,
      commits: commits.map((c) => commitJson(urls, repo, history, c)),
      files: [],
    });
  });
}
