import type { Commit, DeployHistory } from './deploys/types';

// "What is between two commits" on the default branch (linear history), as `git log base..head` sees it.

export interface Comparison {
  base: Commit;
  head: Commit;
  /** the newest commit both have: base when head is ahead, head when it is behind */
  mergeBase: Commit;
  status: 'ahead' | 'behind' | 'identical';
  aheadBy: number;
  behindBy: number;
  /** commits in head but not in base, oldest first */
  commits: Commit[];
}

/**
 * A full sha, a unique prefix of at least 7 characters, or the default branch (`main`, `HEAD`) as of now.
 * Undefined when nothing (or more than one commit) matches.
 */
export function resolveCommit(history: DeployHistory, ref: string): Commit | undefined {
  const commits = history.commits;
  if (ref === 'main' || ref === 'HEAD' || ref === 'refs/heads/main') return commits[commits.length - 1];
  const wanted = ref.toLowerCase();
  if (!/^[0-9a-f]{7,40}$/.test(wanted)) return undefined;
  const matches = commits.filter((c) => c.sha.startsWith(wanted));
  return matches.length === 1 ? matches[0] : undefined;
}

export function compareCommits(history: DeployHistory, base: Commit, head: Commit): Comparison {
  const from = positionOf(history, base);
  const to = positionOf(history, head);
  if (to > from) {
    const commits = history.commits.slice(from + 1, to + 1);
    return { base, head, mergeBase: base, status: 'ahead', aheadBy: commits.length, behindBy: 0, commits };
  }
  if (to < from) {
    return { base, head, mergeBase: head, status: 'behind', aheadBy: 0, behindBy: from - to, commits: [] };
  }
  return { base, head, mergeBase: base, status: 'identical', aheadBy: 0, behindBy: 0, commits: [] };
}

/** The commit before `commit` on the default branch (its parent). */
export function parentOf(history: DeployHistory, commit: Commit): Commit | undefined {
  const i = positionOf(history, commit);
  return i > 0 ? history.commits[i - 1] : undefined;
}

const positions = new WeakMap<DeployHistory, Map<string, number>>();

/** Index of a commit on the default branch, -1 when it is not there. */
function positionOf(history: DeployHistory, commit: Commit): number {
  let map = positions.get(history);
  if (!map) {
    map = new Map(history.commits.map((c, i) => [c.sha, i]));
    positions.set(history, map);
  }
  return map.get(commit.sha) ?? -1;
}
