import type { AuthService, BackstageCredentials, HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { addDays, dayOf, type EntityScorecardResult, type EntityScorecardsResponse, type FactDescription, type ScorecardGateResponse, type ScorecardHistoryResponse } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import { scorecardCsv } from './csv';
import { costRedaction } from './costRedaction';
import { COUNTS_AS_PASSING, levelOf } from './engine';
import { entityInfoOf } from './entityInfo';
import type { ScorecardEvaluator } from './evaluator';
import { matchesFilter } from './filter';
import { buildOverview } from './overview';
import type { OverviewDataLoader } from './overviewData';
import type { ScorecardStore } from './store';
import { parseQuery } from '../platform/parseQuery';

const text = z.string().trim().min(1).max(255);
const overviewQuery = z
  .object({
    scorecard: text.optional(),
    owner: text.optional(),
    system: text.optional(),
    kind: text.optional(),
    type: text.optional(),
    lifecycle: text.optional(),
    tier: text.optional(),
    level: text.optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
const historyQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(90) }).strict();
const gateQuery = z.object({ level: text.optional() }).strict();

const parse = parseQuery;

/** Scorecard results of one entity (stored, or evaluated now), its history, a CI gate, and the managers' overview. */
export function scorecardRoutes(deps: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  evaluator: ScorecardEvaluator;
  store: ScorecardStore;
  overview: OverviewDataLoader;
  facts: FactDescription[];
}) {
  const router = Router();
  const { evaluator } = deps;
  const responses = new WeakMap<object, Map<string, string>>();
  const scorecardById = (id: string) => {
    const compiled = evaluator.compiled.find(c => c.scorecard.id === id);
    if (!compiled) throw new NotFoundError(`No scorecard '${id}'; configured: ${evaluator.scorecards.map(s => s.id).join(', ')}`);
    return compiled;
  };

  /** Stored results where every applicable scorecard has them; otherwise one evaluation now, which stores them. */
  async function resultsOf(entity: Entity, fresh: boolean): Promise<EntityScorecardResult[]> {
    const info = entityInfoOf(entity);
    const stored = fresh ? [] : await Promise.all(evaluator.compiled.map(c => deps.store.entity(c.scorecard.id, info.entityRef)));
    const missing = evaluator.compiled.some((c, i) => matchesFilter(info, c.scorecard.filter) && !stored[i]);
    if (fresh || missing) return evaluator.evaluateOne(entity);
    return evaluator.compiled.map((c, i) => {
      const s = stored[i];
      const target = info.tier !== undefined ? c.scorecard.targets?.[info.tier] : undefined;
      const base = { scorecard: c.scorecard, entityRef: info.entityRef, target: c.scorecard.levels.find(l => l.id === target) };
      if (!s) return { ...base, applicable: false, level: null, results: [], exemptionProblems: [], evaluatedAt: new Date().toISOString() };
      return { ...base, applicable: true, ...levelOf(c, s.results), results: s.results, exemptionProblems: s.exemptionProblems, evaluatedAt: s.evaluatedAt };
    });
  }

  // Everyone reads the entity as themselves (the catalog's permissions apply), except a service calling the gate:
  // a CI token is usually valid for this plugin only, and the gate answers pass or fail, so the plugin reads it.
  const entityOf = async (req: { params: Record<string, string> }, credentials: BackstageCredentials, gate = false) =>
    loadEntity(
      deps.catalog,
      { kind: req.params.kind, namespace: req.params.namespace, name: req.params.name },
      gate && deps.auth.isPrincipal(credentials, 'service') ? await deps.auth.getOwnServiceCredentials() : credentials,
    );

  router.get('/scorecards', async (req, res) => {
    await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ scorecards: evaluator.scorecards, facts: deps.facts });
  });

  router.get('/entities/:kind/:namespace/:name/scorecards', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await entityOf(req, credentials);
    const redact = await costRedaction(deps.permissions, credentials);
    const scorecards = (await resultsOf(entity, false)).map(s => ({ ...s, results: redact.results(s.scorecard, s.results) }));
    const body: EntityScorecardsResponse = { entityRef: stringifyEntityRef(entity), scorecards };
    res.json(body);
  });

  router.post('/entities/:kind/:namespace/:name/scorecards/refresh', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await entityOf(req, credentials);
    const redact = await costRedaction(deps.permissions, credentials);
    const scorecards = (await resultsOf(entity, true)).map(s => ({ ...s, results: redact.results(s.scorecard, s.results) }));
    const body: EntityScorecardsResponse = { entityRef: stringifyEntityRef(entity), scorecards };
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name/scorecards/:scorecardId/history', async (req, res) => {
    const { days } = parse(historyQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const compiled = scorecardById(req.params.scorecardId);
    const entity = await entityOf(req, credentials);
    const entityRef = stringifyEntityRef(entity);
    const fromDay = addDays(dayOf(new Date()), -(days - 1));
    const daily = await deps.store.daily(compiled.scorecard.id, fromDay, entityRef);
    const history = await deps.store.history(compiled.scorecard.id, entityRef, fromDay);
    const redact = await costRedaction(deps.permissions, credentials);
    history.transitions = redact.transitions(compiled.scorecard, history.transitions);
    for (const change of history.levelChanges) change.because = redact.transitions(compiled.scorecard, change.because);
    const body: ScorecardHistoryResponse = {
      entityRef,
      scorecardId: compiled.scorecard.id,
      days: daily.map(d => ({ day: d.day, level: d.level, passing: d.passing, total: d.total })),
      ...history,
    };
    res.json(body);
  });

  // For CI before a deploy: evaluated now, 200 when the entity reaches the level, 412 with what fails when not.
  router.get('/entities/:kind/:namespace/:name/scorecards/:scorecardId/gate', async (req, res) => {
    const query = parse(gateQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const compiled = scorecardById(req.params.scorecardId);
    const entity = await entityOf(req, credentials, true);
    const info = entityInfoOf(entity);
    if (!matchesFilter(info, compiled.scorecard.filter)) {
      throw new InputError(`${compiled.scorecard.title} does not apply to ${info.entityRef}`);
    }
    const levelId = query.level?.toLocaleLowerCase('en-US') ?? (info.tier !== undefined ? compiled.scorecard.targets?.[info.tier] : undefined);
    if (!levelId) throw new InputError(`level is required: ${info.entityRef} has no tier with a target level (levels: ${compiled.scorecard.levels.map(l => l.id).join(', ')})`);
    const requiredIndex = compiled.levelIndex.get(levelId);
    if (requiredIndex === undefined) throw new InputError(`level '${levelId}' is not a level of ${compiled.scorecard.id} (${compiled.scorecard.levels.map(l => l.id).join(', ')})`);
    const result = (await evaluator.evaluateOne(entity))[evaluator.compiled.indexOf(compiled)];
    const byId = new Map(result.results.map(r => [r.checkId, r]));
    const failing = compiled.checks
      .filter(c => c.level <= requiredIndex && !COUNTS_AS_PASSING.has(byId.get(c.check.id)?.state ?? 'not-reported'))
      .map(c => {
        const r = byId.get(c.check.id)!;
        return { checkId: c.check.id, title: c.check.title, level: c.check.level, state: r.state, reason: r.reason, fix: c.check.fix };
      });
    const body: ScorecardGateResponse = {
      entityRef: info.entityRef,
      scorecardId: compiled.scorecard.id,
      pass: failing.length === 0,
      required: compiled.scorecard.levels[requiredIndex],
      reached: result.level,
      failing,
      evaluatedAt: result.evaluatedAt,
    };
    res.status(body.pass ? 200 : 412).json(body);
  });

  router.get('/overview/scorecards', async (req, res) => {
    const { format, scorecard: id, ...filters } = parse(overviewQuery, req.query);
    if (filters.level) filters.level = filters.level.toLowerCase();
    await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const compiled = id ? scorecardById(id) : evaluator.compiled[0];
    if (!compiled) throw new NotFoundError('No scorecard is configured');
    if (filters.level && filters.level !== 'none' && !compiled.levelIndex.has(filters.level)) {
      throw new InputError(`level: '${filters.level}' is not a level of ${compiled.scorecard.id} (${[...compiled.levelIndex.keys(), 'none'].join(', ')})`);
    }
    const data = await deps.overview.get(compiled.scorecard);
    // Managers open the same few views over and over: each answer is kept as text until the data is reloaded.
    const answers = responses.get(data) ?? responses.set(data, new Map()).get(data)!;
    const key = JSON.stringify([format, compiled.scorecard.id, Object.entries(filters).sort()]);
    let text = answers.get(key);
    if (text === undefined) {
      const body = buildOverview(data, filters, evaluator.scorecards.map(s => ({ id: s.id, title: s.title })));
      text = format === 'csv' ? scorecardCsv(body) : JSON.stringify(body);
      // At most 32 answers or 64 MB (an unfiltered answer at 10,000 entities is a few MB), oldest out first.
      let kept = text.length;
      for (const t of answers.values()) kept += t.length;
      while (answers.size > 0 && (answers.size >= 32 || kept > 64 * 2 ** 20)) {
        const [oldest, dropped] = answers.entries().next().value!;
        answers.delete(oldest);
        kept -= dropped.length;
      }
      answers.set(key, text);
    }
    if (format === 'csv') res.type('text/csv').attachment(`opsfolio-${compiled.scorecard.id}.csv`);
    else res.type('application/json');
    res.send(text);
  });
  return router;
}
