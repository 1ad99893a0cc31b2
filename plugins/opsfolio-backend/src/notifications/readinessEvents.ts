import type { Scorecard } from '@opsfolio/backstage-plugin-common';
import { COUNTS_AS_PASSING } from '../scorecards/engine';
import type { ScorecardStore, StoredEvaluation } from '../scorecards/ScorecardStore';
import type { NotificationEvent } from './items';

/** Beyond this many entities with changes in a scorecard, one read of all its results beats one read each. */
const READ_ALL_FROM = 50;

/**
 * A check that counted as passing and now fails, and a level that went down, since `fromAt`, to the entity's
 * owner. A check that went stale or unreported is left out: the data is late, the service did not get worse.
 */
export async function readinessEvents(
  deps: { store: ScorecardStore; scorecards: Scorecard[] },
  fromAt: string
): Promise<NotificationEvent[]> {
  const { transitions, levelChanges } = await deps.store.changesSince(fromAt);
  const regressions = transitions.filter(t => t.from !== null && COUNTS_AS_PASSING.has(t.from) && t.to === 'fail');
  const drops = levelChanges.filter(c => {
    const scorecard = deps.scorecards.find(s => s.id === c.scorecardId);
    if (!scorecard || c.from === null) return false;
    const rank = (level: string | null) => (level === null ? -1 : scorecard.levels.findIndex(l => l.id === level));
    return rank(c.to) < rank(c.from);
  });
  const evaluations = await evaluationsOf(deps.store, [...regressions, ...drops]);
  const events: NotificationEvent[] = [];
  for (const t of regressions) {
    const scorecard = deps.scorecards.find(s => s.id === t.scorecardId);
    const check = scorecard?.checks.find(c => c.id === t.checkId);
    const evaluation = evaluations.get(`${t.scorecardId}|${t.entityRef}`);
    const ownerRef = evaluation?.info.ownerRef;
    // A check since removed, or an entity no longer scored, has nobody left to fix it.
    if (!scorecard || !check || !evaluation || !ownerRef) continue;
    events.push({
      key: `check-failing|${t.scorecardId}|${t.entityRef}|${t.checkId}|${t.at}`,
      topic: 'readiness-check-failing',
      ownerRefs: [ownerRef],
      item: {
        kind: 'check-failing',
        entityRef: t.entityRef,
        ...(evaluation.info.title ? { entityTitle: evaluation.info.title } : {}),
        scorecardTitle: scorecard.title,
        checkTitle: check.title,
        fix: check.fix,
      },
    });
  }
  for (const c of drops) {
    const scorecard = deps.scorecards.find(s => s.id === c.scorecardId)!;
    const evaluation = evaluations.get(`${c.scorecardId}|${c.entityRef}`);
    const ownerRef = evaluation?.info.ownerRef;
    if (!evaluation || !ownerRef) continue;
    const title = (id: string | null) => (id === null ? null : scorecard.levels.find(l => l.id === id)?.title ?? id);
    events.push({
      key: `level-drop|${c.scorecardId}|${c.entityRef}|${c.at}`,
      topic: 'readiness-level-drop',
      ownerRefs: [ownerRef],
      item: {
        kind: 'level-drop',
        entityRef: c.entityRef,
        ...(evaluation.info.title ? { entityTitle: evaluation.info.title } : {}),
        scorecardTitle: scorecard.title,
        from: title(c.from)!,
        to: title(c.to),
      },
    });
  }
  return events;
}

/** The latest evaluation of each scorecard and entity named, by `scorecardId|entityRef`. */
async function evaluationsOf(
  store: ScorecardStore,
  changes: Array<{ scorecardId: string; entityRef: string }>
): Promise<Map<string, StoredEvaluation>> {
  const byScorecard = new Map<string, Set<string>>();
  for (const c of changes)
    byScorecard.set(c.scorecardId, (byScorecard.get(c.scorecardId) ?? new Set()).add(c.entityRef));
  const found = new Map<string, StoredEvaluation>();
  for (const [scorecardId, refs] of byScorecard) {
    if (refs.size > READ_ALL_FROM) {
      const all = await store.entities(scorecardId);
      for (const ref of refs) {
        const e = all.get(ref);
        if (e) found.set(`${scorecardId}|${ref}`, e);
      }
      continue;
    }
    for (const ref of refs) {
      const e = await store.entity(scorecardId, ref);
      if (e) found.set(`${scorecardId}|${ref}`, e);
    }
  }
  return found;
}
