import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { addDays, dayOf, type EntityScorecardResult, type FactDescription } from '@opsfolio/backstage-plugin-common';
import type { FactProvider, FactSubject } from '@opsfolio/backstage-plugin-node';
import type { CatalogSnapshotLoader } from '../platform/catalog/catalogSnapshot';
import { collectFacts } from './collectFacts';
import { COUNTS_AS_PASSING, compileScorecard, evaluateScorecard, type CompiledScorecard } from './engine';
import { entityInfoOf } from './entityInfo';
import { EXEMPTIONS_ANNOTATION, parseExemptions } from './exemptions';
import type { EntityInfo } from './filter';
import type { ScorecardSettings } from './config';
import type { DailyRow, EvaluationWrite, ScorecardStore, StoredEvaluation } from './ScorecardStore';
import { compareWithPrevious } from './transitions';

const counted = (r: EntityScorecardResult) => {
  const scored = r.results.filter(x => x.state !== 'not-applicable');
  return { passing: scored.filter(x => COUNTS_AS_PASSING.has(x.state)).length, total: scored.length };
};

/** The day's snapshot of one result: its level, counts and which checks held it back or were exempt. */
const snapshotOf = (r: EntityScorecardResult, day: string): DailyRow => ({
  entityRef: r.entityRef,
  day,
  level: r.level?.id ?? null,
  ...counted(r),
  failing: r.results.filter(x => !COUNTS_AS_PASSING.has(x.state)).map(x => x.checkId),
  exempt: r.results.filter(x => x.state === 'exempt').map(x => x.checkId),
});

/**
 * Evaluates every scorecard: in bulk on a schedule (all entities, facts read once per provider), on demand for
 * one entity, and back over past days for a new install's trend. Stores results, transitions, level changes
 * and one snapshot per entity and day.
 */
export class ScorecardEvaluator {
  readonly compiled: CompiledScorecard[];
  readonly factTitles: Map<string, string>;
  /** Every `<checkId>` and `<scorecardId>/<checkId>` an exemption may name. */
  private readonly checkNames: Set<string>;

  constructor(
    private readonly deps: {
      settings: Omit<ScorecardSettings, 'origins'>;
      providers: FactProvider[];
      snapshot: CatalogSnapshotLoader;
      store: ScorecardStore;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.compiled = deps.settings.scorecards.map(compileScorecard);
    const lower = (x: string) => x.toLowerCase();
    this.checkNames = new Set(this.compiled.flatMap(c => c.scorecard.checks.flatMap(k => [lower(k.id), lower(`${c.scorecard.id}/${k.id}`)])));
    this.factTitles = new Map(deps.providers.flatMap(p => p.facts).map((f: FactDescription) => [f.id, f.title]));
  }

  get scorecards() {
    return this.deps.settings.scorecards;
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  private subjectsOf(entities: Entity[]): Array<FactSubject & { info: EntityInfo; raw: Entity }> {
    return entities
      .map(entity => ({ entity, raw: entity, info: entityInfoOf(entity) }))
      .filter(s => this.compiled.some(c => c.applies(s.info)))
      .map(s => ({ entityRef: s.info.entityRef, entity: s.entity, info: s.info, raw: s.raw }));
  }

  /** Pure evaluation of already collected facts: what the benchmark times. */
  evaluate(subjects: Array<FactSubject & { info: EntityInfo }>, facts: Awaited<ReturnType<typeof collectFacts>>, asOf: Date) {
    const today = dayOf(asOf);
    // Teams copy one exemption block to many services: parse each distinct annotation once.
    const parsedOnce = new Map<string, ReturnType<typeof parseExemptions>>();
    const parse = (annotation: string | undefined) => {
      if (!annotation) return parseExemptions(undefined, today);
      return parsedOnce.get(annotation) ?? parsedOnce.set(annotation, parseExemptions(annotation, today)).get(annotation)!;
    };
    return subjects.map(s => {
      const parsed = parse(s.entity.metadata.annotations?.[EXEMPTIONS_ANNOTATION]);
      const unknown = parsed.exemptions
        .filter(e => !this.checkNames.has(e.check.toLowerCase()))
        .map(e => `The exemption for ${e.check} names no check of any scorecard.`);
      return {
        subject: s,
        results: this.compiled.map(c => {
          const r = evaluateScorecard(c, { info: s.info, facts: facts.get(s.entityRef), exemptions: parsed.exemptions, factTitles: this.factTitles, now: asOf });
          r.exemptionProblems.push(...parsed.problems, ...unknown);
          return r;
        }),
      };
    });
  }

  /** Every entity now; returns how many entity × scorecard results were stored. */
  /**
   * Evaluations that write results run one at a time on this replica: each reads the stored results it compares
   * with, and two interleaved (a gate call during the scheduled run) would record a transition twice.
   */
  private writing: Promise<unknown> = Promise.resolve();

  private oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writing.then(fn, fn);
    this.writing = run.catch(() => undefined);
    return run;
  }

  /** Every entity now, stored; stops before writing once `signal` aborts (the schedule's timeout). */
  evaluateAll(signal?: AbortSignal): Promise<{ items: number }> {
    return this.oneAtATime(() => this.evaluateEveryEntity(signal));
  }

  /** One entity now, stored with its transitions: an explicit refresh. */
  evaluateOne(entity: Entity): Promise<EntityScorecardResult[]> {
    return this.oneAtATime(() => this.evaluateEntity(entity));
  }

  /**
   * One entity now, compared with what is stored (so unchanged checks keep their `since`) but not stored:
   * what reads answer (the gate, an entity the schedule has not reached yet). Reads never write, so they
   * cannot race the scheduled evaluation.
   */
  async evaluateInMemory(entity: Entity): Promise<EntityScorecardResult[]> {
    const asOf = this.now();
    const info = entityInfoOf(entity);
    const subject = { entityRef: info.entityRef, entity, info };
    const facts = await collectFacts(this.deps.providers, [subject], { asOf }, this.deps.logger);
    const [evaluated] = this.evaluate([subject], facts, asOf);
    return Promise.all(
      this.compiled.map(async (c, i) => {
        const r = evaluated.results[i];
        if (!r.applicable) return r;
        return { ...r, results: compareWithPrevious(r, await this.deps.store.entity(c.scorecard.id, info.entityRef)).results };
      }),
    );
  }

  private async evaluateEveryEntity(signal?: AbortSignal): Promise<{ items: number }> {
    const asOf = this.now();
    const { entities } = await this.deps.snapshot.get();
    const subjects = this.subjectsOf(entities);
    const facts = await collectFacts(this.deps.providers, subjects, { asOf }, this.deps.logger);
    const evaluated = this.evaluate(subjects, facts, asOf);
    const infos = evaluated.map(e => e.subject.info);
    let items = 0;
    for (const [i, c] of this.compiled.entries()) {
      // A run past its timeout stops here rather than write over the next run's newer results.
      signal?.throwIfAborted();
      const results = evaluated.map(e => e.results[i]);
      const written = await this.deps.store.writeEvaluation(c.scorecard.id, 'all', asOf.toISOString(), previous =>
        this.buildWrite(results, infos, previous, { all: true }),
      );
      items += written.upserts.length;
    }
    await this.deps.store.prune(addDays(dayOf(asOf), -this.deps.settings.historyDays));
    return { items };
  }

  private async evaluateEntity(entity: Entity): Promise<EntityScorecardResult[]> {
    const asOf = this.now();
    const subject = { entityRef: entityInfoOf(entity).entityRef, entity, info: entityInfoOf(entity) };
    const facts = await collectFacts(this.deps.providers, [subject], { asOf }, this.deps.logger);
    const [evaluated] = this.evaluate([subject], facts, asOf);
    for (const [i, c] of this.compiled.entries()) {
      await this.deps.store.writeEvaluation(c.scorecard.id, { entityRefs: [subject.entityRef] }, asOf.toISOString(), previous =>
        this.buildWrite([evaluated.results[i]], [subject.info], previous, { all: false }),
      );
    }
    return evaluated.results;
  }

  /** What storing these results writes, compared with what is stored. Pure but for `since`, which it sets on `results`. */
  private buildWrite(
    results: EntityScorecardResult[],
    infos: EntityInfo[],
    previous: Map<string, StoredEvaluation>,
    { all }: { all: boolean },
  ): EvaluationWrite {
    const write: EvaluationWrite = { upserts: [], deletes: [], transitions: [], levelChanges: [], daily: [] };
    const seen = new Set<string>();
    results.forEach((r, i) => {
      if (!r.applicable) return;
      seen.add(r.entityRef);
      const old = previous.get(r.entityRef);
      const compared = compareWithPrevious(r, old);
      r.results = compared.results;
      const { passing, total } = counted(r);
      const stored: StoredEvaluation = {
        entityRef: r.entityRef,
        level: r.level?.id ?? null,
        passing,
        total,
        info: infos[i],
        results: compared.results,
        exemptionProblems: r.exemptionProblems,
        evaluatedAt: r.evaluatedAt,
      };
      write.upserts.push(stored);
      write.transitions.push(...compared.transitions.map(t => ({ ...t, entityRef: r.entityRef })));
      if (compared.levelChange) write.levelChanges.push({ ...compared.levelChange, entityRef: r.entityRef });
      write.daily.push(snapshotOf(r, r.evaluatedAt.slice(0, 10)));
    });
    for (const ref of previous.keys()) if (!seen.has(ref) && (all || results.some(r => r.entityRef === ref))) write.deletes.push(ref);
    return write;
  }

  /**
   * Fills missing daily snapshots of the last `backfillDays` days from the data that has history (deploys,
   * incidents, cost as of each day); facts without history (catalog, on-call reads) count with today's
   * value. Results and transitions are left alone: only the trend is filled.
   */
  async backfill(): Promise<{ days: number }> {
    const days = this.deps.settings.backfillDays;
    if (days === 0) return { days: 0 };
    const today = dayOf(this.now());
    const from = addDays(today, -days);
    const { entities } = await this.deps.snapshot.get();
    const subjects = this.subjectsOf(entities);
    const missing = new Map<string, Set<string>>();
    for (const c of this.compiled) missing.set(c.scorecard.id, await this.deps.store.daysWithSnapshots(c.scorecard.id, from));
    let filled = 0;
    // A scorecard no entity falls under writes no snapshot: it would look unfilled forever.
    const covering = this.compiled.filter(c => subjects.some(s => c.applies(s.info)));
    for (let d = from; d < today; d = addDays(d, 1)) {
      const todo = covering.filter(c => !missing.get(c.scorecard.id)!.has(d));
      if (todo.length === 0 || subjects.length === 0) continue;
      const asOf = new Date(Date.parse(`${d}T23:59:59Z`));
      const facts = await collectFacts(this.deps.providers, subjects, { asOf, historical: true }, this.deps.logger);
      const evaluated = this.evaluate(subjects, facts, asOf);
      for (const c of todo) {
        const i = this.compiled.indexOf(c);
        const daily: DailyRow[] = evaluated
          .map(e => e.results[i])
          .filter(r => r.applicable)
          .map(r => snapshotOf(r, d));
        await this.deps.store.writeDaily(c.scorecard.id, daily);
      }
      filled += 1;
    }
    return { days: filled };
  }
}
