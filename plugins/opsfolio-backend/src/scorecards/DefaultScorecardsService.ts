import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  addDays,
  dayOf,
  daysBetween,
  entityRefKey,
  isKind,
  refKey,
  type EntityScorecardResult,
  type ExemptionRow,
  type FactDescription,
  type PortfolioService,
  type ScorecardGateResponse,
  type ScorecardHistoryResponse,
  type TeamPortfolioResponse,
} from '@opsfolio/backstage-plugin-common';
import type { CostService } from '../cost/CostService';
import type { DeploymentsService } from '../deployments/DeploymentsService';
import type { OnCallService } from '../oncall/OnCallService';
import { groupAndDescendants, ownedBy } from '../platform/catalog/teamEntities';
import { scorecardCsv } from './csv';
import { COUNTS_AS_PASSING, levelOf } from './engine';
import { entityInfoOf } from './entityInfo';
import type { ScorecardEvaluator } from './evaluator';
import { matchesFilter } from './filter';
import { buildOverview, refOf } from './overview';
import { costCheckIds } from './costRedaction';
import { isReadable } from '../platform/catalog/CatalogVisibility';
import type { OverviewDataLoader } from './overviewData';
import type { ScorecardsService } from './ScorecardsService';
import type { ScorecardStore } from './ScorecardStore';

/** Rendered overview answers kept per loaded data: at most this many, or this many bytes, oldest out first. */
const KEPT_ANSWERS = 32;
const KEPT_BYTES = 64 * 2 ** 20;

/** {@link ScorecardsService} over the evaluator, the scorecard store and the other pillars' services. */
export class DefaultScorecardsService implements ScorecardsService {
  private readonly answers = new WeakMap<object, Map<string, string>>();

  constructor(
    private readonly deps: {
      evaluator: ScorecardEvaluator;
      store: ScorecardStore;
      overview: OverviewDataLoader;
      facts: FactDescription[];
      catalog: CatalogService;
      onCall: OnCallService;
      deployments: DeploymentsService;
      cost: CostService;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  private compiledOf(id: string) {
    const compiled = this.deps.evaluator.compiled.find(c => c.scorecard.id === id);
    if (!compiled) throw new NotFoundError(`No scorecard '${id}'; configured: ${this.deps.evaluator.scorecards.map(s => s.id).join(', ')}`);
    return compiled;
  }

  definitions() {
    return { scorecards: this.deps.evaluator.scorecards, facts: this.deps.facts };
  }

  async entityResults(entity: Entity): Promise<EntityScorecardResult[]> {
    const { evaluator, store } = this.deps;
    const info = entityInfoOf(entity);
    const stored = await Promise.all(evaluator.compiled.map(c => store.entity(c.scorecard.id, info.entityRef)));
    if (evaluator.compiled.some((c, i) => matchesFilter(info, c.scorecard.filter) && !stored[i])) return evaluator.evaluateInMemory(entity);
    return evaluator.compiled.map((c, i) => {
      const s = stored[i];
      const target = info.tier !== undefined ? c.scorecard.targets?.[info.tier] : undefined;
      const base = { scorecard: c.scorecard, entityRef: info.entityRef, target: c.scorecard.levels.find(l => l.id === target) };
      if (!s) return { ...base, applicable: false, level: null, results: [], exemptionProblems: [], evaluatedAt: this.now().toISOString() };
      return { ...base, applicable: true, ...levelOf(c, s.results), results: s.results, exemptionProblems: s.exemptionProblems, evaluatedAt: s.evaluatedAt };
    });
  }

  refresh(entity: Entity): Promise<EntityScorecardResult[]> {
    return this.deps.evaluator.evaluateOne(entity);
  }

  async history(entity: Entity, scorecardId: string, days: number): Promise<ScorecardHistoryResponse> {
    const compiled = this.compiledOf(scorecardId);
    const entityRef = stringifyEntityRef(entity);
    const fromDay = addDays(dayOf(this.now()), -(days - 1));
    const daily = await this.deps.store.daily(compiled.scorecard.id, fromDay, entityRef);
    const history = await this.deps.store.history(compiled.scorecard.id, entityRef, fromDay);
    return {
      entityRef,
      scorecardId: compiled.scorecard.id,
      days: daily.map(d => ({ day: d.day, level: d.level, passing: d.passing, total: d.total })),
      ...history,
    };
  }

  async gate(entity: Entity, scorecardId: string, level?: string): Promise<ScorecardGateResponse> {
    const compiled = this.compiledOf(scorecardId);
    const info = entityInfoOf(entity);
    if (!matchesFilter(info, compiled.scorecard.filter)) throw new InputError(`${compiled.scorecard.title} does not apply to ${info.entityRef}`);
    const levels = compiled.scorecard.levels.map(l => l.id).join(', ');
    const levelId = level !== undefined ? refKey(level) : info.tier !== undefined ? compiled.scorecard.targets?.[info.tier] : undefined;
    if (!levelId) throw new InputError(`level is required: ${info.entityRef} has no tier with a target level (levels: ${levels})`);
    const requiredIndex = compiled.levelIndex.get(levelId);
    if (requiredIndex === undefined) throw new InputError(`level '${levelId}' is not a level of ${compiled.scorecard.id} (${levels})`);
    const result = (await this.deps.evaluator.evaluateInMemory(entity))[this.deps.evaluator.compiled.indexOf(compiled)];
    const byId = new Map(result.results.map(r => [r.checkId, r]));
    const failing = compiled.checks
      .filter(c => c.level <= requiredIndex && !COUNTS_AS_PASSING.has(byId.get(c.check.id)?.state ?? 'not-reported'))
      .map(c => {
        const r = byId.get(c.check.id)!;
        return { checkId: c.check.id, title: c.check.title, level: c.check.level, state: r.state, reason: r.reason, fix: c.check.fix };
      });
    return {
      entityRef: info.entityRef,
      scorecardId: compiled.scorecard.id,
      pass: failing.length === 0,
      required: compiled.scorecard.levels[requiredIndex],
      reached: result.level,
      failing,
      evaluatedAt: result.evaluatedAt,
    };
  }

  async overview(query: Parameters<ScorecardsService['overview']>[0]): Promise<{ scorecardId: string; text: string }> {
    const { evaluator } = this.deps;
    const filters = { ...query.filters, ...(query.filters.level ? { level: query.filters.level.toLowerCase() } : {}) };
    const compiled = query.scorecardId ? this.compiledOf(query.scorecardId) : evaluator.compiled[0];
    if (!compiled) throw new NotFoundError('No scorecard is configured');
    if (filters.level && filters.level !== 'none' && !compiled.levelIndex.has(filters.level)) {
      throw new InputError(`level: '${filters.level}' is not a level of ${compiled.scorecard.id} (${[...compiled.levelIndex.keys(), 'none'].join(', ')})`);
    }
    const data = await this.deps.overview.get(compiled.scorecard);
    // Managers open the same few views over and over: each answer is kept as text until the data is reloaded.
    const answers = this.answers.get(data) ?? this.answers.set(data, new Map()).get(data)!;
    const key = JSON.stringify([query.format, query.costVisible, compiled.scorecard.id, Object.entries(filters).sort()]);
    // An answer filtered to what one caller may read is built for them and not kept.
    let text = query.readable ? undefined : answers.get(key);
    if (text === undefined) {
      const hidden = query.costVisible ? new Set<string>() : costCheckIds(compiled.scorecard);
      const body = buildOverview(data, filters, evaluator.scorecards.map(s => ({ id: s.id, title: s.title })), { hiddenChecks: hidden, readable: query.readable });
      text = query.format === 'csv' ? scorecardCsv(body) : JSON.stringify(body);
      if (query.readable) return { scorecardId: compiled.scorecard.id, text };
      let kept = text.length;
      for (const t of answers.values()) kept += t.length;
      while (answers.size > 0 && (answers.size >= KEPT_ANSWERS || kept > KEPT_BYTES)) {
        const [oldest, dropped] = answers.entries().next().value!;
        answers.delete(oldest);
        kept -= dropped.length;
      }
      answers.set(key, text);
    }
    return { scorecardId: compiled.scorecard.id, text };
  }

  async exemptions(query: Parameters<ScorecardsService['exemptions']>[0]): Promise<ExemptionRow[]> {
    if (query.scorecardId) this.compiledOf(query.scorecardId);
    const owner = query.owner ? refOf(query.owner, 'group') : undefined;
    const today = dayOf(this.now());
    const rows: ExemptionRow[] = [];
    for (const compiled of this.deps.evaluator.compiled.filter(c => !query.scorecardId || c.scorecard.id === query.scorecardId)) {
      const titles = new Map(compiled.scorecard.checks.map(c => [c.id, c.title]));
      for (const e of (await this.deps.overview.get(compiled.scorecard)).evaluations) {
        if ((owner && e.info.ownerRef !== owner) || !isReadable(query.readable, e.entityRef)) continue;
        for (const r of e.results) {
          if (!r.exemption) continue;
          // Judged today, not at the last evaluation: an exemption ending yesterday is expired now.
          const exemption = { ...r.exemption, expired: r.exemption.until < today };
          if (query.status && (query.status === 'expired') !== exemption.expired) continue;
          rows.push({
            entityRef: e.entityRef,
            title: e.info.title,
            ownerRef: e.info.ownerRef,
            scorecardId: compiled.scorecard.id,
            checkId: r.checkId,
            checkTitle: titles.get(r.checkId) ?? r.checkId,
            exemption,
            daysLeft: daysBetween(today, exemption.until),
          });
        }
      }
    }
    return rows.sort((a, b) => a.daysLeft - b.daysLeft || a.entityRef.localeCompare(b.entityRef));
  }

  async teamPortfolio(group: Entity, { credentials, costReadable }: Parameters<ScorecardsService['teamPortfolio']>[1]): Promise<Omit<TeamPortfolioResponse, 'campaigns'>> {
    const { catalog } = this.deps;
    const groupRefs = await groupAndDescendants(catalog, group, credentials);
    const owned = (await ownedBy(catalog, groupRefs, credentials)).filter(o => isKind(o.entity.kind, 'component'));
    owned.sort((a, b) => a.entity.metadata.name.localeCompare(b.entity.metadata.name));
    // Who is on call comes from the last stored reads: a page of 30 services must not fan out to the vendors.
    const reads = await this.deps.onCall.allLastReads();
    const readable = [...(await costReadable(owned.map(o => entityRefKey(o.entity))))];
    const costThisMonth = readable.length ? await this.deps.cost.monthToDate(readable) : undefined;
    const costVisible = readable.length > 0;
    const now = this.now().getTime();
    // Two indexed reads per service, side by side: a team page of 30 services waits for the slowest, not the sum.
    const services = await Promise.all(
      owned.map(async ({ entity, ownerRef }): Promise<PortfolioService> => {
        const entityRef = entityRefKey(entity);
        const [stored, last] = await Promise.all([this.firstStoredResult(entityRef), this.deps.deployments.last(entityRef)]);
        const onCallNow = (reads.get(entityRef) ?? []).flatMap(read =>
          read.shifts
            .filter(s => s.level === 1 && (!s.start || Date.parse(s.start) <= now) && (!s.end || now < Date.parse(s.end)))
            .map(s => ({ name: s.person.name, email: s.person.email, source: read.source })),
        );
        return {
          entityRef,
          title: entity.metadata.title,
          ownerRef,
          level: stored?.level ?? null,
          scorecardId: stored?.scorecardId,
          onCallNow,
          lastDeploy: last ? { at: last.finishedAt ?? last.startedAt, environment: last.environment, version: last.version, status: last.status } : undefined,
          costThisMonth: costThisMonth?.get(entityRef),
        };
      }),
    );
    return { groupRef: stringifyEntityRef(group), services, costVisible };
  }

  /** The level stored for the first scorecard (in configured order) that has evaluated the entity. */
  private async firstStoredResult(entityRef: string): Promise<{ scorecardId: string; level: PortfolioService['level'] } | undefined> {
    for (const c of this.deps.evaluator.compiled) {
      const stored = await this.deps.store.entity(c.scorecard.id, entityRef);
      if (stored) return { scorecardId: c.scorecard.id, level: c.scorecard.levels.find(l => l.id === stored.level) ?? null };
    }
    return undefined;
  }
}
