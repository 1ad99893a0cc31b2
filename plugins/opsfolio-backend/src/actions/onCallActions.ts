import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ResponseTimes } from '@opsfolio/backstage-plugin-common';
import type { OnCallService } from '../oncall/OnCallService';
import { ENTITY_ERRORS, entityRefInput, READ_ONLY, readEntity, type Zod } from './shared';

export const ON_CALL_ACTION = 'get-entity-on-call';

const responseTimesOutput = (z: Zod) =>
  z.object({
    mttaHours: z
      .number()
      .nullable()
      .describe('Mean time to acknowledge, in hours; null when too few incidents were acknowledged.'),
    mttaSampleSize: z.number().describe('Incidents the MTTA is over.'),
    mttrHours: z.number().nullable().describe('Mean time to resolve, in hours; null when too few were resolved.'),
    mttrSampleSize: z.number().describe('Incidents the MTTR is over.'),
    openIncidents: z.number().describe('Incidents open now (triggered or acknowledged), whenever created.'),
  });

export const onCallOutput = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    configured: z.boolean().describe('An on-call source (PagerDuty, Opsgenie) is set up for the entity.'),
    note: z.string().optional().describe('Why there is no answer, and what to add, when `configured` is false.'),
    onCallNow: z
      .array(
        z.object({
          source: z.string().describe('The on-call source, e.g. `pagerduty`.'),
          level: z.number().describe('Escalation level: 1 is paged first.'),
          name: z.string(),
          email: z.string().optional(),
          until: z
            .string()
            .optional()
            .describe('ISO instant the shift ends; absent: permanently on call at this level.'),
          scheduleName: z.string().optional(),
        })
      )
      .describe('Everyone on call now, at every escalation level, by source then level.'),
    sources: z.array(
      z.object({
        source: z.string(),
        stale: z
          .boolean()
          .describe('True when the vendor could not be read now: the answer is the last stored read (see `readAt`).'),
        error: z.string().optional().describe('Why the vendor could not be read.'),
        readAt: z.string().optional().describe('ISO instant of the read: its age is the age of the answer.'),
        service: z.object({ id: z.string(), name: z.string(), url: z.string().optional() }).optional(),
        escalationPolicy: z
          .object({ name: z.string(), levels: z.number(), url: z.string().optional() })
          .optional()
          .describe('The escalation policy and its number of levels.'),
        emptyLevels: z.array(z.number()).describe('Escalation levels nobody is on call at now.'),
        coverage: z
          .array(
            z.object({
              scheduleName: z.string(),
              coveredShare: z.number().describe('Share of the next 14 days someone is on call, 0 to 1.'),
              gaps: z
                .array(z.object({ start: z.string(), end: z.string() }))
                .describe('Stretches with nobody on call, ISO instants, end exclusive.'),
            })
          )
          .describe('Gaps in each schedule over the 14 days after the read.'),
      })
    ),
    drift: z
      .object({
        ownerOnRota: z.boolean().describe('At least one member of the owning team is on the rota.'),
        ownerFound: z.boolean().describe('The owning team exists in the catalog.'),
        outsiders: z
          .array(z.object({ name: z.string(), email: z.string().optional() }))
          .describe('People on the rota who are not members of the owning team.'),
      })
      .optional()
      .describe('Whether the people paged for the entity are the people who own it.'),
    responseTimes: z.object({ last30Days: responseTimesOutput(z), last90Days: responseTimesOutput(z) }),
  });

const times = (r: ResponseTimes) => ({
  mttaHours: r.mtta.hours,
  mttaSampleSize: r.mtta.sampleSize,
  mttrHours: r.mttr.hours,
  mttrSampleSize: r.mttr.sampleSize,
  openIncidents: r.open,
});

/** Who is on call for an entity now: the on-call card's answer (live through the cache, else the last stored read). */
export function registerOnCallAction(
  registry: ActionsRegistryService,
  deps: { catalog: CatalogService; onCall: OnCallService }
): void {
  registry.register({
    name: ON_CALL_ACTION,
    title: 'Who is on call for an entity now',
    description: [
      'Answers who is on call right now for a Backstage catalog entity, at every escalation level (level 1 is paged',
      'first), read live from PagerDuty or Opsgenie through a short cache; when the vendor cannot be read, the last',
      'stored read is returned with `stale: true` and its `readAt`. Also gives escalation levels nobody covers, gaps',
      'in each schedule over the next 14 days, whether the people on the rota belong to the owning team, and the mean',
      'time to acknowledge and to resolve incidents (MTTA, MTTR, in hours) over the last 30 and 90 days. An entity',
      `without an on-call annotation answers \`configured: false\` with a note. ${ENTITY_ERRORS} Fails with`,
      'ServiceUnavailableError when every vendor fails and nothing was ever stored.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: onCallOutput,
    },
    action: async ({ input, credentials }) => {
      const entity = await readEntity(deps.catalog, input.entityRef, credentials);
      const answer = await deps.onCall.entityOnCall(entity, credentials);
      const annotations = deps.onCall.sources.flatMap(s => s.annotations);
      return {
        output: {
          entityRef: answer.entityRef,
          configured: answer.sources.length > 0,
          note:
            answer.sources.length > 0
              ? undefined
              : annotations.length > 0
              ? `No on-call source is set up for this entity: add one of the annotations ${annotations.join(', ')}.`
              : 'No on-call source (PagerDuty, Opsgenie) is installed in this Backstage.',
          onCallNow: answer.sources.flatMap(s =>
            (s.onCall?.shifts ?? [])
              .map(shift => ({
                source: s.source,
                level: shift.level,
                name: shift.person.name,
                email: shift.person.email,
                until: shift.end,
                scheduleName: shift.scheduleName,
              }))
              .sort((a, b) => a.level - b.level)
          ),
          sources: answer.sources.map(s => ({
            source: s.source,
            stale: s.stale,
            error: s.error,
            readAt: s.onCall?.readAt,
            service: s.onCall?.service,
            escalationPolicy: s.onCall?.escalationPolicy && {
              name: s.onCall.escalationPolicy.name,
              levels: s.onCall.escalationPolicy.levels,
              url: s.onCall.escalationPolicy.url,
            },
            emptyLevels: s.escalation?.emptyLevels ?? [],
            coverage: (s.coverage ?? []).map(c => ({
              scheduleName: c.scheduleName,
              coveredShare: c.coveredShare,
              gaps: c.gaps,
            })),
          })),
          drift: answer.drift && {
            ownerOnRota: answer.drift.ownerOnRota,
            ownerFound: answer.drift.ownerFound,
            outsiders: answer.drift.outsiders.map(p => ({ name: p.name, email: p.email })),
          },
          responseTimes: {
            last30Days: times(answer.responseTimes.days30),
            last90Days: times(answer.responseTimes.days90),
          },
        },
      };
    },
  });
}
