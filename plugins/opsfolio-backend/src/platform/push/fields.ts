import { parseEntityRef } from '@backstage/catalog-model';
import { DAY_MS, HOUR_MS } from '@opsfolio/backstage-plugin-common';
import { z } from 'zod';
import { CONTROL } from '../parseQuery';

/**
 * The bounds every pushed value is held to, written once so deployments and incidents agree and
 * `openapi.yaml` can state them: http(s) links only, times within a window around now, text on one line
 * without control characters, lengths capped, and refs to kinds that run software.
 */
const PUSH_BOUNDS = {
  /** How far back a pushed event may lie: enough to backfill a year of DORA history with room to spare. */
  pastMs: 5 * 366 * DAY_MS,
  /** How far ahead: clock skew between a CI runner and this backend, not a schedule. */
  futureMs: HOUR_MS,
  /** Kinds a deployment or an incident can belong to. */
  kinds: ['component', 'resource', 'api', 'system'],
} as const;

/** One line of text: no control characters, not blank, at most `max` characters. */
export const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine(s => !CONTROL.test(s), 'must be one line without control characters')
    .refine(s => s.trim().length > 0, 'must not be blank');

/** A link shown on a card: http or https only, so no `javascript:`, `data:` or `file:` link reaches a page. */
export const httpUrl = z
  .string()
  .max(2000)
  .refine(s => {
    try {
      const url = new URL(s);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !CONTROL.test(s);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** A pushed timestamp: ISO 8601 with a zone (never read in the server's local time), within the push window. */
export const instant = z
  .iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-21T10:00:00Z' })
  .refine(s => {
    const t = Date.parse(s);
    // A value that is no date-time at all has its own error already.
    return Number.isNaN(t) || (t >= Date.now() - PUSH_BOUNDS.pastMs && t <= Date.now() + PUSH_BOUNDS.futureMs);
  }, 'must lie between 5 years ago and 1 hour from now');

/** Milliseconds of a timestamp that passed its own checks, NaN otherwise: cross-field rules skip NaN. */
export const timeOf = (value: string | undefined): number => (value && instant.safeParse(value).success ? Date.parse(value) : NaN);

/** An entity ref to a kind that deploys or has incidents; the short form means a component in `default`. */
export const pushedEntityRef = z
  .string()
  .min(1)
  .max(255)
  .superRefine((value, ctx) => {
    let kind: string;
    try {
      kind = parseEntityRef(value, { defaultKind: 'component', defaultNamespace: 'default' }).kind;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return;
    }
    if (!(PUSH_BOUNDS.kinds as readonly string[]).includes(kind.toLowerCase())) {
      ctx.addIssue({ code: 'custom', message: `kind ${kind} cannot deploy or have incidents; use one of ${PUSH_BOUNDS.kinds.join(', ')}` });
    }
  });
