import type { AuditorService, AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/** Opsfolio's audit events, as Backstage's auditor logs them: `opsfolio.<eventId>`. */
export type OpsfolioAuditEvent =
  | 'deployments-push'
  | 'incidents-push'
  | 'scorecards-refresh'
  | 'scorecard-gate'
  | 'campaign-create'
  | 'campaign-update'
  | 'campaign-state';

/**
 * Runs a write under an audit event, as the catalog and scaffolder do: the event is logged when the write
 * starts (who, from where, what), then as succeeded with what it did or failed with why, a refused batch
 * included. Call it after the caller is authenticated: the auditor reads who they are from the request.
 */
export async function audited<T>(
  auditor: AuditorService,
  options: AuditorServiceCreateEventOptions & { eventId: OpsfolioAuditEvent },
  write: () => Promise<T>,
  outcome: (result: T) => JsonObject = () => ({}),
): Promise<T> {
  const event = await auditor.createEvent(options);
  try {
    const result = await write();
    await event.success({ meta: outcome(result) });
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
