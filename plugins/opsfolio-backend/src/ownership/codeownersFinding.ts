import type { EntityOwnershipResponse, OwnershipProblem } from '@opsfolio/backstage-plugin-common';
import { checkCodeowners } from './codeowners/check';
import type { OwnerDirectory } from './codeowners/matchGroups';
import { codeownersProblems } from './codeowners/problems';
import type { StoredCodeowners } from './CodeownersStore';

/**
 * The stored CODEOWNERS file judged against today's catalog: the verdict for the card and the problem for
 * the lists. No file, or no owner to compare with (already a problem of its own), says nothing. Pure.
 */
export function codeownersFinding(
  stored: StoredCodeowners | undefined,
  ownerRef: string | undefined,
  directory: OwnerDirectory,
): { summary?: EntityOwnershipResponse['codeowners']; problems: OwnershipProblem[] } {
  if (!stored) return { problems: [] };
  const base = { readAt: stored.readAt, error: stored.error };
  if (!stored.url || stored.content === undefined) return { summary: { ...base, status: 'no-file', owners: [] }, problems: [] };
  if (!ownerRef) return { summary: { ...base, url: stored.url, status: 'no-owner', owners: [] }, problems: [] };
  const check = checkCodeowners({ file: { url: stored.url, text: stored.content }, path: stored.path, entityOwnerRef: ownerRef, directory });
  return {
    summary: { ...base, url: stored.url, status: check.status, owners: check.owners.map(o => o.owner), line: check.rule?.line },
    problems: codeownersProblems(check),
  };
}
