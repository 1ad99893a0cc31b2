import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { type EntityOwnershipResponse, OWNERSHIP_PROBLEM_KINDS, type OwnershipFacts, type OwnershipOverviewResponse, refKey } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { DeploymentsService } from '../deployments/DeploymentsService';
import type { OnCallService } from '../oncall/OnCallService';
import { deployerDriftProblems } from './deployerDrift';
import { codeownersFinding } from './codeownersFinding';
import type { CodeownersStore } from './codeownersStore';
import { loadEntity } from '../platform/catalog/loadEntity';
import { ownershipCsv } from './csv';
import { ownershipFacts } from './facts';
import { ownerRefOf } from './ownershipIndex';
import { rotaDriftProblems } from './rotaDrift';
import { DEPLOYER_DAYS, OwnershipFactsLoader } from './ownershipFactsLoader';
import { parseQuery } from '../platform/parseQuery';

const overviewQuery = z
  .object({
    problem: z.enum(OWNERSHIP_PROBLEM_KINDS).optional(),
    owner: z.string().min(1).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

/** Ownership of one entity (with who is on call for it now), and every ownership problem in the catalog. */
export function ownershipRoutes(deps: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  onCall: OnCallService;
  codeowners: CodeownersStore;
  deployments: DeploymentsService;
  loader: OwnershipFactsLoader;
}) {
  const router = Router();
  const loader = deps.loader;
  const catalog = () => loader.catalog();
  const everyEntity = async (): Promise<OwnershipFacts[]> => [...(await loader.all()).values()].map(e => e.facts);

  router.get('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    // As the caller: the catalog's own permissions decide whether they may see the entity.
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    const ref = stringifyEntityRef(entity);
    const reads = await deps.onCall.lastReads(ref);
    const { index: idx, directory } = await catalog();
    // The entity as just read, so a changed owner shows at once; groups and users come from the snapshot.
    const cached = idx.owned.get(refKey(ref));
    const fresh = cached ? { ...cached, title: entity.metadata.title, ownerRef: ownerRefOf(entity) } : undefined;
    const owner = fresh?.ownerRef;
    const codeowners = codeownersFinding(await deps.codeowners.get(ref), owner, directory);
    const deployers = await deps.deployments.deployersSince(OwnershipFactsLoader.since(), ref);
    const facts = ownershipFacts(idx, ref, [
      ...codeowners.problems,
      ...rotaDriftProblems(idx, owner, reads),
      ...deployerDriftProblems(idx, owner, deployers, DEPLOYER_DAYS),
    ], fresh);
    if (!facts) throw new NotFoundError(`${ref} is not a kind Opsfolio checks ownership of (components, APIs, resources, systems, domains, groups)`);
    const body: EntityOwnershipResponse = {
      ...facts,
      codeowners: codeowners.summary,
      onCallNow: reads.length
        ? reads.flatMap(r => r.shifts.filter(s => s.level === 1).map(s => ({ name: s.person.name, email: s.person.email, until: s.end, source: r.source, readAt: r.readAt })))
        : undefined,
    };
    res.json(body);
  });

  router.get('/overview/ownership', async (req, res) => {
    const query = parseQuery(overviewQuery, req.query);
    await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { index: idx } = await catalog();
    const all = await everyEntity();
    const counts = Object.fromEntries(OWNERSHIP_PROBLEM_KINDS.map(k => [k, 0])) as OwnershipOverviewResponse['counts'];
    const teams = new Map<string, { entities: number; problems: number }>();
    for (const f of all) {
      for (const p of f.problems) counts[p.kind] += 1;
      if (f.kind === 'group') continue;
      const team = teams.get(f.ownerRef ?? '') ?? teams.set(f.ownerRef ?? '', { entities: 0, problems: 0 }).get(f.ownerRef ?? '')!;
      team.entities += 1;
      team.problems += f.problems.length;
    }
    const owner = (query.owner === undefined ? undefined : refKey(query.owner));
    const body: OwnershipOverviewResponse = {
      entities: all.length,
      counts,
      byTeam: [...teams]
        .map(([ownerRef, t]) => ({ ownerRef, title: idx.groups.get(ownerRef)?.title ?? idx.users.get(ownerRef)?.title, ...t }))
        .sort((a, b) => b.problems - a.problems || a.ownerRef.localeCompare(b.ownerRef)),
      problems: all
        .filter(f => !owner || f.ownerRef === owner || (f.kind === 'group' && f.entityRef === owner))
        .flatMap(f => f.problems.map(problem => ({ entityRef: f.entityRef, kind: f.kind, title: f.title, ownerRef: f.ownerRef, problem })))
        .filter(p => !query.problem || p.problem.kind === query.problem)
        .sort((a, b) => a.problem.kind.localeCompare(b.problem.kind) || a.entityRef.localeCompare(b.entityRef)),
    };
    if (query.format === 'csv') {
      res.type('text/csv').attachment('opsfolio-ownership-problems.csv').send(ownershipCsv(body));
      return;
    }
    res.json(body);
  });
  return router;
}
