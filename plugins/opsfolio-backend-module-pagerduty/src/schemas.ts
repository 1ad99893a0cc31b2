import { z } from 'zod';

/** The parts of PagerDuty's objects Opsfolio reads; everything else passes through unread. */
const reference = z.object({ id: z.string(), summary: z.string().nullish(), html_url: z.string().nullish() });

const userSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  summary: z.string().nullish(),
  email: z.string().nullish(),
  html_url: z.string().nullish(),
});

export const escalationPolicySchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  summary: z.string().nullish(),
  html_url: z.string().nullish(),
  // Required: a bare reference (no rules) must not parse as a policy with no levels. A schedule target's
  // reference names the schedule (its summary) and links to it.
  escalation_rules: z.array(
    z.object({
      targets: z.array(z.object({ id: z.string(), type: z.string(), summary: z.string().nullish(), html_url: z.string().nullish() })),
    }),
  ),
});

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  html_url: z.string().nullish(),
  escalation_policy: z.union([escalationPolicySchema, reference]),
  integrations: z.array(z.object({ id: z.string(), integration_key: z.string().nullish() })).default([]),
});

/** An entry of `GET /oncalls`: a shift of a schedule target (whole, with start and end) or a direct target (neither). */
export const onCallSchema = z.object({
  user: userSchema,
  schedule: reference.nullish(),
  escalation_policy: reference,
  escalation_level: z.number(),
  start: z.string().nullish(),
  end: z.string().nullish(),
});

export const incidentSchema = z.object({
  id: z.string(),
  incident_number: z.number().nullish(),
  title: z.string().nullish(),
  summary: z.string().nullish(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.enum(['high', 'low']).nullish(),
  priority: z.object({ summary: z.string().nullish() }).nullish(),
  created_at: z.string(),
  resolved_at: z.string().nullish(),
  html_url: z.string().nullish(),
  service: reference,
  acknowledgements: z.array(z.object({ at: z.string() })).nullish(),
});

export const logEntrySchema = z.object({ type: z.string(), created_at: z.string(), incident: z.object({ id: z.string() }).nullish() });

export type PdService = z.infer<typeof serviceSchema>;
export type PdEscalationPolicy = z.infer<typeof escalationPolicySchema>;
export type PdOnCall = z.infer<typeof onCallSchema>;
export type PdIncident = z.infer<typeof incidentSchema>;
