import { type CheckTransition, type LevelChange, refKey } from '@opsfolio/backstage-plugin-common';
import type { Knex } from 'knex';
import { bumpGeneration, type DataGenerations } from '../platform/dataGenerations';
import type { DailyChecksRow, DailyRow, EvaluationWrite, RecentChanges, ScorecardStore, StoredEvaluation } from './ScorecardStore';

const ENTITIES = 'opsfolio_scorecard_entities';
const TRANSITIONS = 'opsfolio_scorecard_transitions';
const LEVEL_CHANGES = 'opsfolio_scorecard_level_changes';
const DAILY = 'opsfolio_scorecard_daily';
const BATCH = 200;

type EntityRow = {
  entity_ref: string;
  level: string | null;
  passing: number;
  total: number;
  info: string;
  results: string;
  exemption_problems: string;
  evaluated_at: string;
};

const toStored = (r: EntityRow): StoredEvaluation => ({
  entityRef: r.entity_ref,
  level: r.level,
  passing: Number(r.passing),
  total: Number(r.total),
  info: JSON.parse(r.info),
  results: JSON.parse(r.results),
  exemptionProblems: JSON.parse(r.exemption_problems),
  evaluatedAt: r.evaluated_at,
});

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** {@link ScorecardStore} on the plugin's database (SQLite or PostgreSQL), through Knex. */
export class DatabaseScorecardStore implements ScorecardStore {
  constructor(
    private readonly db: Knex,
    private readonly generations?: DataGenerations,
  ) {}

  async entities(scorecardId: string): Promise<Map<string, StoredEvaluation>> {
    const rows: EntityRow[] = await this.db(ENTITIES).where('scorecard_id', scorecardId);
    return new Map(rows.map(r => [r.entity_ref, toStored(r)]));
  }

  async entity(scorecardId: string, entityRef: string): Promise<StoredEvaluation | undefined> {
    const row: EntityRow | undefined = await this.db(ENTITIES).where({ scorecard_id: scorecardId, entity_ref: refKey(entityRef) }).first();
    return row ? toStored(row) : undefined;
  }

  /**
   * Stores one evaluation of a scorecard, for every entity (`'all'`: entities not in it are deleted) or the ones
   * named. The stored results it compares with are read inside the write transaction, under a per-scorecard
   * lock on PostgreSQL, so evaluations on several replicas (a refresh during the scheduled run) take turns and
   * each compares with what the one before it stored. `build` turns those into the write; an entity whose
   * stored result is newer than `evaluatedAt` is left as it is, so an older evaluation never overwrites a
   * newer one. Returns what was written.
   */
  async writeEvaluation(
    scorecardId: string,
    scope: 'all' | { entityRefs: string[] },
    evaluatedAt: string,
    build: (previous: Map<string, StoredEvaluation>) => EvaluationWrite,
  ): Promise<EvaluationWrite> {
    const written = await this.db.transaction(async tx => {
      if (this.db.client.config.client === 'pg') await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [`opsfolio:scorecard:${scorecardId}`]);
      const query = tx(ENTITIES).where('scorecard_id', scorecardId);
      const rows: EntityRow[] = scope === 'all' ? await query : await query.whereIn('entity_ref', scope.entityRefs.map(refKey));
      const previous = new Map(rows.map(r => [r.entity_ref, toStored(r)]));
      const newer = new Set([...previous.values()].filter(p => p.evaluatedAt > evaluatedAt).map(p => p.entityRef));
      const w = build(previous);
      const keep = <T extends { entityRef: string }>(items: T[]) => items.filter(i => !newer.has(i.entityRef));
      const write: EvaluationWrite = {
        upserts: keep(w.upserts),
        deletes: w.deletes.filter(ref => !newer.has(ref)),
        transitions: keep(w.transitions),
        levelChanges: keep(w.levelChanges),
        daily: keep(w.daily),
      };
      await this.apply(tx, scorecardId, write);
      await bumpGeneration(tx, 'scorecards');
      return write;
    });
    this.generations?.invalidate();
    return written;
  }

  /** Daily snapshots alone (the history backfill): no results, transitions or level changes. */
  async writeDaily(scorecardId: string, daily: DailyRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      await this.apply(tx, scorecardId, { upserts: [], deletes: [], transitions: [], levelChanges: [], daily });
      await bumpGeneration(tx, 'scorecards');
    });
    this.generations?.invalidate();
  }

  private async apply(tx: Knex.Transaction, scorecardId: string, w: EvaluationWrite): Promise<void> {
    for (let i = 0; i < w.deletes.length; i += BATCH) {
      await tx(ENTITIES).where('scorecard_id', scorecardId).whereIn('entity_ref', w.deletes.slice(i, i + BATCH)).delete();
    }
    const entityRows = w.upserts.map(e => ({
      scorecard_id: scorecardId,
      entity_ref: e.entityRef,
      level: e.level,
      passing: e.passing,
      total: e.total,
      info: JSON.stringify(e.info),
      results: JSON.stringify(e.results),
      exemption_problems: JSON.stringify(e.exemptionProblems),
      evaluated_at: e.evaluatedAt,
    }));
    for (let i = 0; i < entityRows.length; i += BATCH) {
      await tx(ENTITIES).insert(entityRows.slice(i, i + BATCH)).onConflict(['scorecard_id', 'entity_ref']).merge();
    }
    const transitionRows = w.transitions.map(t => ({
      scorecard_id: scorecardId,
      entity_ref: t.entityRef,
      check_id: t.checkId,
      at: t.at,
      from_state: t.from,
      to_state: t.to,
      value: json(t.value),
      reason: t.reason,
    }));
    // The unique keys make a transition or level change impossible to record twice.
    for (let i = 0; i < transitionRows.length; i += BATCH) {
      await tx(TRANSITIONS).insert(transitionRows.slice(i, i + BATCH)).onConflict(['scorecard_id', 'entity_ref', 'check_id', 'at']).ignore();
    }
    const changeRows = w.levelChanges.map(c => ({
      scorecard_id: scorecardId,
      entity_ref: c.entityRef,
      at: c.at,
      from_level: c.from,
      to_level: c.to,
      because: JSON.stringify(c.because),
    }));
    for (let i = 0; i < changeRows.length; i += BATCH) {
      await tx(LEVEL_CHANGES).insert(changeRows.slice(i, i + BATCH)).onConflict(['scorecard_id', 'entity_ref', 'at']).ignore();
    }
    const dailyRows = w.daily.map(d => ({
      scorecard_id: scorecardId,
      entity_ref: d.entityRef,
      day: d.day,
      level: d.level,
      passing: d.passing,
      total: d.total,
      failing: json(d.failing),
      exempt: json(d.exempt),
    }));
    for (let i = 0; i < dailyRows.length; i += BATCH) {
      await tx(DAILY).insert(dailyRows.slice(i, i + BATCH)).onConflict(['scorecard_id', 'entity_ref', 'day']).merge();
    }
  }

  /** Daily snapshots from `fromDay` on, for one entity or all. */
  async daily(scorecardId: string, fromDay: string, entityRef?: string): Promise<DailyRow[]> {
    const rows: Array<{ entity_ref: string; day: string; level: string | null; passing: number; total: number }> = await this.db(DAILY)
      .select('entity_ref', 'day', 'level', 'passing', 'total')
      .where('scorecard_id', scorecardId)
      .andWhere('day', '>=', fromDay)
      .modify(q => (entityRef ? q.andWhere('entity_ref', refKey(entityRef)) : q))
      .orderBy('day');
    return rows.map(r => ({ entityRef: r.entity_ref, day: r.day, level: r.level, passing: Number(r.passing), total: Number(r.total) }));
  }

  async dailyChecks(scorecardId: string, fromDay: string): Promise<DailyChecksRow[]> {
    const rows: Array<{ entity_ref: string; day: string; level: string | null; passing: number; total: number; failing: string | null; exempt: string | null }> =
      await this.db(DAILY)
        .select('entity_ref', 'day', 'level', 'passing', 'total', 'failing', 'exempt')
        .where('scorecard_id', scorecardId)
        .andWhere('day', '>=', fromDay)
        .orderBy('day');
    const lists = new Map<string, string[]>();
    // Most snapshots repeat the lists of the day before: parse each distinct text once.
    const parse = (text: string | null) => (text === null ? null : (lists.get(text) ?? lists.set(text, JSON.parse(text)).get(text)!));
    return rows.map(r => ({
      entityRef: r.entity_ref,
      day: r.day,
      level: r.level,
      passing: Number(r.passing),
      total: Number(r.total),
      failing: parse(r.failing),
      exempt: parse(r.exempt),
    }));
  }

  /** Days that already have snapshots, so a backfill fills only what is missing. */
  async daysWithSnapshots(scorecardId: string, fromDay: string): Promise<Set<string>> {
    const rows: Array<{ day: string }> = await this.db(DAILY).distinct('day').where('scorecard_id', scorecardId).andWhere('day', '>=', fromDay);
    return new Set(rows.map(r => r.day));
  }

  async history(scorecardId: string, entityRef: string, fromAt: string): Promise<{ transitions: CheckTransition[]; levelChanges: LevelChange[] }> {
    const ref = refKey(entityRef);
    const transitions: Array<{ check_id: string; at: string; from_state: string | null; to_state: string; value: string | null; reason: string }> =
      await this.db(TRANSITIONS).where({ scorecard_id: scorecardId, entity_ref: ref }).andWhere('at', '>=', fromAt).orderBy([{ column: 'at' }, { column: 'id' }]);
    const changes: Array<{ at: string; from_level: string | null; to_level: string | null; because: string }> = await this.db(LEVEL_CHANGES)
      .where({ scorecard_id: scorecardId, entity_ref: ref })
      .andWhere('at', '>=', fromAt)
      .orderBy([{ column: 'at' }, { column: 'id' }]);
    return {
      transitions: transitions.map(t => ({
        at: t.at,
        checkId: t.check_id,
        from: t.from_state as CheckTransition['from'],
        to: t.to_state as CheckTransition['to'],
        ...(t.value === null ? {} : { value: JSON.parse(t.value) }),
        reason: t.reason,
      })),
      levelChanges: changes.map(c => ({ at: c.at, from: c.from_level, to: c.to_level, because: JSON.parse(c.because) })),
    };
  }

  async changesSince(fromAt: string): Promise<RecentChanges> {
    const transitions: Array<{ scorecard_id: string; entity_ref: string; check_id: string; at: string; from_state: string | null; to_state: string; reason: string }> =
      await this.db(TRANSITIONS)
        .select('scorecard_id', 'entity_ref', 'check_id', 'at', 'from_state', 'to_state', 'reason')
        .where('at', '>=', fromAt)
        .orderBy([{ column: 'at' }, { column: 'id' }]);
    const changes: Array<{ scorecard_id: string; entity_ref: string; at: string; from_level: string | null; to_level: string | null }> = await this.db(LEVEL_CHANGES)
      .select('scorecard_id', 'entity_ref', 'at', 'from_level', 'to_level')
      .where('at', '>=', fromAt)
      .orderBy([{ column: 'at' }, { column: 'id' }]);
    return {
      transitions: transitions.map(t => ({
        scorecardId: t.scorecard_id,
        entityRef: t.entity_ref,
        at: t.at,
        checkId: t.check_id,
        from: t.from_state as CheckTransition['from'],
        to: t.to_state as CheckTransition['to'],
        reason: t.reason,
      })),
      levelChanges: changes.map(c => ({ scorecardId: c.scorecard_id, entityRef: c.entity_ref, at: c.at, from: c.from_level, to: c.to_level })),
    };
  }

  /** Drops snapshots, transitions and level changes older than the retention. */
  async prune(beforeDay: string): Promise<void> {
    await this.db(DAILY).where('day', '<', beforeDay).delete();
    await this.db(TRANSITIONS).where('at', '<', beforeDay).delete();
    await this.db(LEVEL_CHANGES).where('at', '<', beforeDay).delete();
  }
}
