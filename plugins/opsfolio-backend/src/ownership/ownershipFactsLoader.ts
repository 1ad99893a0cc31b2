import { DAY_MS, type EntityOwnershipResponse, type OwnershipFacts } from '@opsfolio/backstage-plugin-common';
import type { DeploymentsService } from '../deployments/DeploymentsService';
import type { OnCallService } from '../oncall/OnCallService';
import type { CatalogSnapshotLoader } from '../platform/catalog/catalogSnapshot';
import { ownerDirectory, type OwnerDirectory } from './codeowners/matchGroups';
import { codeownersFinding } from './codeownersFinding';
import type { CodeownersStore } from './CodeownersStore';
import { deployerDriftProblems } from './deployerDrift';
import { ownershipFacts } from './facts';
import { buildOwnershipIndex, type OwnershipIndex } from './ownershipIndex';
import { rotaDriftProblems } from './rotaDrift';

/** Who deployed an entity is judged over this many days. */
export const DEPLOYER_DAYS = 90;

export interface EntityOwnership {
  facts: OwnershipFacts;
  codeowners?: EntityOwnershipResponse['codeowners'];
}

/**
 * Every entity's ownership facts (with CODEOWNERS, rota and deployer drift), shared by the ownership
 * overview and the scorecards and kept for half a minute: recomputing 10,000 entities on each request
 * dominated the overview's latency, and the catalog, rotas and CODEOWNERS change far less often.
 */
export class OwnershipFactsLoader {
  private built?: { from: object; index: OwnershipIndex; directory: OwnerDirectory };
  private computed?: { at: number; from: object; all: Promise<Map<string, EntityOwnership>> };

  constructor(
    private readonly deps: { snapshot: CatalogSnapshotLoader; onCall: OnCallService; codeowners: CodeownersStore; deployments: DeploymentsService },
  ) {}

  /** The catalog's groups, users and owned entities, rebuilt when the snapshot is. */
  async catalog(): Promise<{ index: OwnershipIndex; directory: OwnerDirectory }> {
    const snapshot = await this.deps.snapshot.get();
    if (this.built?.from !== snapshot) {
      this.built = { from: snapshot, index: buildOwnershipIndex(snapshot.entities), directory: ownerDirectory(snapshot.entities) };
    }
    return this.built;
  }

  static since(): Date {
    return new Date(Date.now() - DEPLOYER_DAYS * DAY_MS);
  }

  async all(): Promise<Map<string, EntityOwnership>> {
    const current = await this.catalog();
    const c = this.computed;
    if (c && c.from === current && Date.now() - c.at < 30_000) return c.all;
    const all = this.compute(current);
    this.computed = { at: Date.now(), from: current, all };
    all.catch(() => {
      if (this.computed?.all === all) this.computed = undefined;
    });
    return all;
  }

  private async compute({ index: idx, directory }: { index: OwnershipIndex; directory: OwnerDirectory }) {
    const reads = await this.deps.onCall.allLastReads();
    const files = await this.deps.codeowners.all();
    const deployers = new Map<string, Array<{ actor: string; deploys: number }>>();
    for (const d of await this.deps.deployments.deployersSince(OwnershipFactsLoader.since())) {
      deployers.set(d.entityRef, [...(deployers.get(d.entityRef) ?? []), d]);
    }
    const result = new Map<string, EntityOwnership>();
    for (const ref of [...idx.owned.keys(), ...idx.groups.keys()]) {
      const owner = idx.owned.get(ref)?.ownerRef;
      const codeowners = codeownersFinding(files.get(ref), owner, directory);
      const extra = [
        ...codeowners.problems,
        ...rotaDriftProblems(idx, owner, reads.get(ref) ?? []),
        ...deployerDriftProblems(idx, owner, deployers.get(ref) ?? [], DEPLOYER_DAYS),
      ];
      result.set(ref, { facts: ownershipFacts(idx, ref, extra)!, codeowners: codeowners.summary });
    }
    return result;
  }
}
