import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  OWNERSHIP_PROBLEM_KINDS,
  refKey,
  type EntityOwnershipResponse,
  type OwnershipOverviewResponse,
  type OwnershipProblemKind,
} from '@opsfolio/backstage-plugin-common';
import type { DeploymentsService } from '../deployments/DeploymentsService';
import type { OnCallService } from '../oncall/OnCallService';
import { codeownersFinding } from './codeownersFinding';
import type { CodeownersStore } from './CodeownersStore';
import { deployerDriftProblems } from './deployerDrift';
import { ownershipFacts } from './facts';
import { DEPLOYER_DAYS, OwnershipFactsLoader, type EntityOwnership } from './ownershipFactsLoader';
import { ownerRefOf } from './ownershipIndex';
import type { OwnerPeople, OwnershipService } from './OwnershipService';
import { isReadable, type ReadableRefs } from '../platform/catalog/CatalogVisibility';
import { rotaDriftProblems } from './rotaDrift';

/** {@link OwnershipService} over the shared catalog snapshot, CODEOWNERS reads, and the on-call and deployments pillars. */
export class DefaultOwnershipService implements OwnershipService {
  constructor(
    private readonly deps: { loader: OwnershipFactsLoader; onCall: OnCallService; codeowners: CodeownersStore; deployments: DeploymentsService },
  ) {}

  async entityOwnership(entity: Entity): Promise<EntityOwnershipResponse> {
    const ref = stringifyEntityRef(entity);
    const reads = await this.deps.onCall.lastReads(ref);
    const { index: idx, directory } = await this.deps.loader.catalog();
    // The entity as just read, so a changed owner shows at once; groups and users come from the snapshot.
    const cached = idx.owned.get(refKey(ref));
    const fresh = cached ? { ...cached, title: entity.metadata.title, ownerRef: ownerRefOf(entity) } : undefined;
    const owner = fresh?.ownerRef;
    const codeowners = codeownersFinding(await this.deps.codeowners.get(ref), owner, directory);
    const deployers = await this.deps.deployments.deployersSince(OwnershipFactsLoader.since(), ref);
    const facts = ownershipFacts(
      idx,
      ref,
      [...codeowners.problems, ...rotaDriftProblems(idx, owner, reads), ...deployerDriftProblems(idx, owner, deployers, DEPLOYER_DAYS)],
      fresh,
    );
    if (!facts) throw new NotFoundError(`${ref} is not a kind Opsfolio checks ownership of (components, APIs, resources, systems, domains, groups)`);
    return {
      ...facts,
      codeowners: codeowners.summary,
      onCallNow: reads.length
        ? reads.flatMap(r =>
            r.shifts.filter(s => s.level === 1).map(s => ({ name: s.person.name, email: s.person.email, until: s.end, source: r.source, readAt: r.readAt })),
          )
        : undefined,
    };
  }

  async overview(filters: { problem?: OwnershipProblemKind; owner?: string } = {}, readable?: ReadableRefs): Promise<OwnershipOverviewResponse> {
    const { index: idx } = await this.deps.loader.catalog();
    const all = [...(await this.deps.loader.all()).values()].map(e => e.facts).filter(f => isReadable(readable, f.entityRef));
    const counts = Object.fromEntries(OWNERSHIP_PROBLEM_KINDS.map(k => [k, 0])) as OwnershipOverviewResponse['counts'];
    const teams = new Map<string, { entities: number; problems: number }>();
    for (const f of all) {
      for (const p of f.problems) counts[p.kind] += 1;
      if (f.kind === 'group') continue;
      const team = teams.get(f.ownerRef ?? '') ?? teams.set(f.ownerRef ?? '', { entities: 0, problems: 0 }).get(f.ownerRef ?? '')!;
      team.entities += 1;
      team.problems += f.problems.length;
    }
    const owner = filters.owner === undefined ? undefined : refKey(filters.owner);
    return {
      entities: all.length,
      counts,
      byTeam: [...teams]
        .map(([ownerRef, t]) => ({ ownerRef, title: idx.groups.get(ownerRef)?.title ?? idx.users.get(ownerRef)?.title, ...t }))
        .sort((a, b) => b.problems - a.problems || a.ownerRef.localeCompare(b.ownerRef)),
      problems: all
        .filter(f => !owner || f.ownerRef === owner || (f.kind === 'group' && f.entityRef === owner))
        .flatMap(f => f.problems.map(problem => ({ entityRef: f.entityRef, kind: f.kind, title: f.title, ownerRef: f.ownerRef, problem })))
        .filter(p => !filters.problem || p.problem.kind === filters.problem)
        .sort((a, b) => a.problem.kind.localeCompare(b.problem.kind) || a.entityRef.localeCompare(b.entityRef)),
    };
  }

  all(): Promise<Map<string, EntityOwnership>> {
    return this.deps.loader.all();
  }

  async people(): Promise<OwnerPeople> {
    const { index } = await this.deps.loader.catalog();
    return {
      ownerOf: ref => index.owned.get(refKey(ref))?.ownerRef,
      titleOf: ref => {
        const key = refKey(ref);
        return index.groups.get(key)?.title ?? index.users.get(key)?.title ?? index.owned.get(key)?.title;
      },
      usersOf: ref => {
        const key = refKey(ref);
        if (index.users.has(key)) return [key];
        return index.groups.get(key)?.memberRefs.map(refKey) ?? [];
      },
    };
  }

  async ownerTitles(): Promise<Map<string, string | undefined>> {
    const { index } = await this.deps.loader.catalog();
    return new Map<string, string | undefined>([...[...index.groups].map(([ref, g]) => [ref, g.title] as const), ...[...index.users].map(([ref, u]) => [ref, u.title] as const)]);
  }
}
