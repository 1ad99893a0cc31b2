import type { Deployment, DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';

/** A stored deployment with what DORA needs beside it. */
export interface StoredDeployment extends Deployment {
  commitTimestamps: string[];
}

export interface DeploymentQuery {
  environment?: string;
  status?: DeploymentStatus;
  limit: number;
  offset: number;
}

/**
 * Deployments of every source, keyed by (source, externalId, entity): a shared repository's deploys belong
 * to each of its components. Entity refs compare case-insensitively, as the catalog compares them.
 */
export interface DeploymentStore {
  /**
   * Inserts or updates deployments, then re-derives rollbacks for the environments touched. A report
   * that arrives late never turns a finished deployment back into a running one.
   */
  upsert(source: string, entityRef: string, records: DeploymentRecord[]): Promise<void>;
  /** `upsert` for several entities in one transaction: a pushed batch is stored whole or not at all. */
  upsertMany(source: string, byEntity: Map<string, DeploymentRecord[]>): Promise<void>;
  /** What a source already stored of these deployments: status and commit, so a sync can skip finished ones. */
  known(source: string, entityRef: string, externalIds: string[]): Promise<Map<string, { status: DeploymentStatus; commitSha?: string }>>;
  /** A page of an entity's deployments, newest first. */
  list(entityRef: string, query: DeploymentQuery): Promise<{ items: StoredDeployment[]; total: number }>;
  /** Deployments of an entity that started in [from, to), oldest first, for DORA. */
  between(entityRef: string, from: Date, to: Date): Promise<StoredDeployment[]>;
  /** Every entity's (or the given ones') deployments that started in [from, to), by entity, oldest first. */
  allBetween(from: Date, to: Date, entityRefs?: string[]): Promise<Map<string, StoredDeployment[]>>;
  /** Who deployed what since `from`: deploys per (entity, actor), for one entity or all. */
  deployersSince(from: Date, entityRef?: string): Promise<Array<{ entityRef: string; actor: string; deploys: number }>>;
  /** Per environment: the newest deployment and the newest successful one (what runs there now). */
  current(entityRef: string): Promise<Array<{ environment: string; latest: StoredDeployment; running?: StoredDeployment }>>;
  /** The newest deployment of an entity, whatever its environment: when it last shipped. */
  last(entityRef: string): Promise<StoredDeployment | undefined>;
}
