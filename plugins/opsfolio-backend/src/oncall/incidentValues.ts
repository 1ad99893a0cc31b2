import type { IncidentStatus, IncidentUrgency } from '@opsfolio/backstage-plugin-common';

/** Incident statuses, as PagerDuty names them; Opsgenie's `open`/`closed` map to `triggered`/`resolved`. */
export const INCIDENT_STATUSES = ['triggered', 'acknowledged', 'resolved'] as const satisfies readonly IncidentStatus[];

/** Incident urgencies, as PagerDuty names them. */
export const INCIDENT_URGENCIES = ['high', 'low'] as const satisfies readonly IncidentUrgency[];
