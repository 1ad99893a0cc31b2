import type { AuditorService, AuthService, BackstageCredentials, HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EntityScorecardResult, EntityScorecardsResponse } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import { parseQuery, queryInteger, queryText } from '../platform/parseQuery';
import { costRedaction } from './costRedaction';
import { audited } from '../platform/audit';
import type { CatalogVisibility } from '../platform/catalog/CatalogVisibility';
import type { ScorecardsService } from './ScorecardsService';

const overviewQuery = z
  .object({
    scorecard: queryText.optional(),
    owner: queryText.optional(),
    system: queryText.optional(),
    kind: queryText.optional(),
    type: queryText.optional(),
    lifecycle: queryText.optional(),
    tier: queryText.optional(),
    level: queryText.optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
const historyQuery = z.object({ days: queryInteger(1, 365).default(90) }).strict();
const gateQuery = z.object({ level: queryText.optional() }).strict();

/** Scorecard results of one entity (stored, or evaluated now), its history, a CI gate, and the managers' overview. */
export function scorecardRoutes(deps: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  permissions: PermissionsService;
  catalog: CatalogService;
  visibility: CatalogVisibility;
  scorecards: ScorecardsService;
}) {
  const router = Router();

  // Everyone reads the entity as themselves (the catalog's permissions apply), except a service calling the gate:
  // a CI token is usually valid for this plugin only, and the gate answers pass or fail, so the plugin reads it.
  const entityOf = async (req: { params: Record<string, string> }, credentials: BackstageCredentials, gate = false) =>
    loadEntity(
      deps.catalog,
      { kind: req.params.kind, namespace: req.params.namespace, name: req.params.name },
      gate && deps.auth.isPrincipal(credentials, 'service') ? await deps.auth.getOwnServiceCredentials() : credentials,
    );

  // Cost checks lose their values and evidence for callers without opsfolio.cost.read.
  const redacted = async (credentials: BackstageCredentials, entity: Entity, results: EntityScorecardResult[]): Promise<EntityScorecardsResponse> => {
    const redact = await costRedaction(deps.permissions, credentials, stringifyEntityRef(entity));
    return { entityRef: stringifyEntityRef(entity), scorecards: results.map(s => ({ ...s, results: redact.results(s.scorecard, s.results) })) };
  };

  router.get('/scorecards', async (req, res) => {
    await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(deps.scorecards.definitions());
  });

  router.get('/entities/:kind/:namespace/:name/scorecards', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await entityOf(req, credentials);
    res.json(await redacted(credentials, entity, await deps.scorecards.entityResults(entity)));
  });

  router.post('/entities/:kind/:namespace/:name/scorecards/refresh', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await entityOf(req, credentials);
    const entityRef = stringifyEntityRef(entity);
    const results = await audited(
      deps.auditor,
      { eventId: 'scorecards-refresh', severityLevel: 'low', request: req, meta: { entityRef } },
      () => deps.scorecards.refresh(entity),
      stored => ({ levels: Object.fromEntries(stored.map(s => [s.scorecard.id, s.level?.id ?? null])) }),
    );
    res.json(await redacted(credentials, entity, results));
  });

  router.get('/entities/:kind/:namespace/:name/scorecards/:scorecardId/history', async (req, res) => {
    const { days } = parseQuery(historyQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await entityOf(req, credentials);
    const body = await deps.scorecards.history(entity, req.params.scorecardId, days);
    const scorecard = deps.scorecards.definitions().scorecards.find(s => s.id === body.scorecardId)!;
    const redact = await costRedaction(deps.permissions, credentials, stringifyEntityRef(entity));
    body.transitions = redact.transitions(scorecard, body.transitions);
    for (const change of body.levelChanges) change.because = redact.transitions(scorecard, change.because);
    res.json(body);
  });

  // For CI before a deploy: evaluated now, 200 when the entity reaches the level, 412 with what fails when not.
  router.get('/entities/:kind/:namespace/:name/scorecards/:scorecardId/gate', async (req, res) => {
    const query = parseQuery(gateQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await entityOf(req, credentials, true);
    // A deploy decision: who asked, for what, and the answer.
    const body = await audited(
      deps.auditor,
      { eventId: 'scorecard-gate', severityLevel: 'low', request: req, meta: { entityRef: stringifyEntityRef(entity), scorecardId: req.params.scorecardId, level: query.level ?? null } },
      () => deps.scorecards.gate(entity, req.params.scorecardId, query.level),
      gate => ({ pass: gate.pass, required: gate.required.id, reached: gate.reached?.id ?? null }),
    );
    const scorecard = deps.scorecards.definitions().scorecards.find(s => s.id === body.scorecardId)!;
    body.failing = (await costRedaction(deps.permissions, credentials, stringifyEntityRef(entity))).failing(scorecard, body.failing);
    res.status(body.pass ? 200 : 412).json(body);
  });

  router.get('/overview/scorecards', async (req, res) => {
    const { format, scorecard, ...filters } = parseQuery(overviewQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { allowed: costVisible } = await costRedaction(deps.permissions, credentials);
    const readable = await deps.visibility.readableBy(credentials);
    const { scorecardId, text } = await deps.scorecards.overview({ scorecardId: scorecard, filters, format, costVisible, readable });
    if (format === 'csv') res.type('text/csv').attachment(`opsfolio-${scorecardId}.csv`);
    else res.type('application/json');
    res.send(text);
  });
  return router;
}
