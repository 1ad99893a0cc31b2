import type { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { opsfolioCostReadPermission, type CheckResult, type CheckTransition, type Scorecard } from '@opsfolio/backstage-plugin-common';

const HIDDEN = 'hidden: reading cost needs the opsfolio.cost.read permission.';

/**
 * Cost facts (a spend change, the tagged share) say something about spend: without `opsfolio.cost.read` their
 * checks keep their state but lose their value and evidence. Returns a function that redacts one scorecard's
 * results and transitions, or leaves them alone when the caller may read cost.
 */
export async function costRedaction(permissions: PermissionsService, credentials: BackstageCredentials) {
  const [decision] = await permissions.authorize([{ permission: opsfolioCostReadPermission }], { credentials });
  const allowed = decision.result === AuthorizeResult.ALLOW;
  const costChecks = costCheckIds;
  const hidden = <T extends { checkId: string; value?: unknown; reason: string }>(scorecard: Scorecard, items: T[]): T[] => {
    if (allowed) return items;
    const hide = costChecks(scorecard);
    return items.map(item => {
      if (!hide.has(item.checkId)) return item;
      const { value: _hidden, ...rest } = item;
      return { ...rest, reason: `Cost ${HIDDEN}` } as T;
    });
  };
  return {
    /** Whether the caller may read cost: nothing is hidden. */
    allowed,
    results: (scorecard: Scorecard, results: CheckResult[]) => hidden(scorecard, results),
    transitions: (scorecard: Scorecard, transitions: CheckTransition[]) => hidden(scorecard, transitions),
    /** The gate's failing checks: a cost check still fails the gate, without its evidence. */
    failing: <T extends { checkId: string; reason: string }>(scorecard: Scorecard, failing: T[]) => hidden(scorecard, failing),
  };
}

/** The checks of a scorecard that read a cost fact. */
export const costCheckIds = (scorecard: Scorecard): Set<string> =>
  new Set(scorecard.checks.filter(c => c.fact.startsWith('cost.')).map(c => c.id));
