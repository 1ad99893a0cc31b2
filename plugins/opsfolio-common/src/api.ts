import type { PillarId, PillarSetup } from './pillars';

/** One recorded run of a sync source. @public */
export interface SyncRun {
  sourceId: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  items?: number;
  error?: string;
}

/** A registered sync source and how fresh its data is. @public */
export interface SourceHealth {
  id: string;
  pillar: PillarId;
  vendor: string;
  lastRun?: SyncRun;
  /** When the source last finished without error: the age of its data. */
  lastSuccessAt?: string;
}

/** `GET /health` @public */
export interface HealthResponse {
  status: 'ok';
  sources: SourceHealth[];
}

/** One pillar in `GET /entities/:kind/:namespace/:name/summary`. @public */
export interface PillarSummary extends PillarSetup {
  /** Ids of the installed sources that feed this pillar. */
  sources: string[];
}

/** `GET /entities/:kind/:namespace/:name/summary` @public */
export interface EntitySummaryResponse {
  entityRef: string;
  pillars: Record<PillarId, PillarSummary>;
}
