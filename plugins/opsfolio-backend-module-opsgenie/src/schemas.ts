import { z } from 'zod';

/** The parts of Opsgenie's objects Opsfolio reads. */
export const scheduleSchema = z.object({
  id: z.string(),
  name: z.string(),
  ownerTeam: z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

const recipient = z.object({
  type: z.string(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  username: z.string().nullish(),
  escalationTime: z.number().nullish(),
});

export const onCallsSchema = z.object({
  data: z.object({
    onCallParticipants: z.array(recipient.extend({ onCallParticipants: z.array(recipient).nullish() })).default([]),
  }),
});

export const timelineSchema = z.object({
  data: z.object({
    finalTimeline: z.object({
      rotations: z
        .array(
          z.object({
            name: z.string(),
            periods: z
              .array(z.object({ startDate: z.string(), endDate: z.string(), recipient: recipient.nullish() }))
              .default([]),
          }),
        )
        .default([]),
    }),
  }),
});

export const alertSchema = z.object({
  id: z.string(),
  tinyId: z.string().nullish(),
  message: z.string(),
  status: z.string(),
  acknowledged: z.boolean().nullish(),
  priority: z.string().nullish(),
  createdAt: z.string(),
  report: z.object({ ackTime: z.number().nullish(), closeTime: z.number().nullish() }).nullish(),
});

export type OgSchedule = z.infer<typeof scheduleSchema>;
export type OgAlert = z.infer<typeof alertSchema>;
