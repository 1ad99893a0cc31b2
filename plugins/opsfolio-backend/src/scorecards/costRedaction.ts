import type { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CheckResult, CheckTransition, Scorecard } from '@opsfolio/backstage-plugin-common';
import { costReadableEverywhere, costReadableRefs } from '../platform/permissions';

const HIDDEN = 'hidden: reading cost needs the opsfolio.cost.read permission.';

/**
 * Cost facts (a spend change, the tagged share) say something about spend: without `opsfolio.cost.read` their
 * checks keep their state but lose their value and evidence. Returns functions that redact one scorecard's
 * results and transitions, or leave them alone when the caller may read cost (of `entityRef`, when given).
 */
export async function costRedaction(permissions: PermissionsService, credentials: BackstageCredentials, entityRef?: string) {
  // For one entity, the policy's conditions apply to it; across entities (an overview), only an outright allow shows cost.
  const allowed = entityRef
    ? (await costReadableRefs(permissions, credentials, [entityRef])).size > 0
    : (await costReadableEverywhere(permissions, credentials)) === AuthorizeResult.ALLOW;
  const hidden = <T extends { checkId: string; value?: unknown; reason: string }>(scorecard: Scorecard, items: T[]): T[] => {
    if (allowed) return items;
    const hide = costCheckIds(scorecard);
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
