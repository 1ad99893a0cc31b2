import { z } from 'zod';

/** A pushed timestamp: ISO 8601 with a zone, so no push is read in the server's local time. */
export const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-21T10:00:00Z' });
