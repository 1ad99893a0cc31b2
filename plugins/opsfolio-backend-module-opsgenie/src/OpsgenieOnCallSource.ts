import type { LoggerService } from '@backstage/backend-plugin-api';
import { ANNOTATIONS, DAY_MS } from '@opsfolio/backstage-plugin-common';
import {
  paginateCursor,
  type OnCallRead,
  type OnCallSource,
  type OnCallSyncContext,
  type SourceEntity,
  type VendorClient,
} from '@opsfolio/backstage-plugin-node';
import { z } from 'zod';
import { shiftsOf, toIncident } from './mapping';
import { alertSchema, onCallsSchema, scheduleSchema, timelineSchema, type OgSchedule } from './schemas';

const WEB = 'https://app.opsgenie.com';

/**
 * Opsgenie: the schedules of the team in `opsgenie.com/team`, who is on call on them (levels from the team's
 * escalation), their next two weeks, and alerts matching `opsgenie.com/component-selector` as incidents.
 * Kept small on purpose: Opsgenie's API shuts down on 2027-04-05, and the on-call source interface is
 * what its successors implement.
 */
export class OpsgenieOnCallSource implements OnCallSource {
  readonly id = 'opsgenie';
  readonly vendor = 'opsgenie';
  readonly annotations = [ANNOTATIONS.opsgenieTeam, ANNOTATIONS.opsgenieComponentSelector];

  constructor(
    private readonly client: VendorClient,
    private readonly options: { logger: LoggerService; incidentDays: number; now?: () => Date },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  async readOnCall(entity: SourceEntity, signal: AbortSignal): Promise<OnCallRead | undefined> {
    const team = entity.annotations[ANNOTATIONS.opsgenieTeam]?.trim();
    if (!team) return undefined;
    const schedule = (await this.schedules(signal)).find(s => s.ownerTeam?.name?.toLowerCase() === team.toLowerCase());
    return schedule ? this.onCallOf(team, schedule, signal) : undefined;
  }

  async sync(context: OnCallSyncContext): Promise<{ items: number }> {
    const { signal } = context;
    const schedules = await this.schedules(signal);
    const reads = new Map<string, OnCallRead | undefined>();
    let items = 0;
    for (const [done, entity] of context.entities.entries()) {
      context.progress?.({ unit: 'components', done, total: context.entities.length });
      const team = entity.annotations[ANNOTATIONS.opsgenieTeam]?.trim();
      if (team) {
        // Once per team, however many of its components there are.
        const key = team.toLowerCase();
        if (!reads.has(key)) {
          const schedule = schedules.find(s => s.ownerTeam?.name?.toLowerCase() === key);
          reads.set(key, schedule ? await this.onCallOf(team, schedule, signal) : undefined);
        }
        const read = reads.get(key);
        if (read) await context.saveOnCall(entity.entityRef, read);
      }
      const selector = entity.annotations[ANNOTATIONS.opsgenieComponentSelector]?.trim() || (team ? `teams:"${team}"` : undefined);
      if (selector) items += await this.syncAlerts(context, entity, selector);
    }
    return { items };
  }

  private async syncAlerts(context: OnCallSyncContext, entity: SourceEntity, selector: string): Promise<number> {
    const markKey = `alerts_since:${entity.entityRef}`;
    const mark = await context.state.get(markKey);
    const now = this.now();
    const since = mark ? Math.min(Date.parse(mark), now.getTime() - DAY_MS) : now.getTime() - this.options.incidentDays * DAY_MS;
    const pages = paginateCursor(this.client, '/v2/alerts', {
      cursorParam: 'offset',
      cursor: '0',
      nextCursor: body => {
        const next = (body as { paging?: { next?: string } }).paging?.next;
        return next ? (new URL(next).searchParams.get('offset') ?? undefined) : undefined;
      },
      itemsKey: 'data',
      itemSchema: alertSchema,
      query: { query: `(${selector}) AND createdAt >= ${since}`, limit: 100, sort: 'createdAt', order: 'asc' },
      signal: context.signal,
    });
    let items = 0;
    let oldestOpen = now.getTime();
    for await (const page of pages) {
      for (const alert of page.items) if (alert.status !== 'closed') oldestOpen = Math.min(oldestOpen, Date.parse(alert.createdAt));
      await context.saveIncidents(entity.entityRef, page.items.map(toIncident));
      items += page.items.length;
    }
    await context.state.set(markKey, new Date(oldestOpen).toISOString());
    return items;
  }

  private async schedules(signal: AbortSignal): Promise<OgSchedule[]> {
    const { body } = await this.client.getJson('/v2/schedules', {
      schema: z.object({ data: z.array(scheduleSchema) }),
      signal,
    });
    return body.data;
  }

  private async onCallOf(team: string, schedule: OgSchedule, signal: AbortSignal): Promise<OnCallRead> {
    const id = encodeURIComponent(schedule.id);
    // Opsgenie takes whole seconds: one instant for who is on call, the timeline's start and the read.
    const readAt = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
    const date = readAt.toISOString().replace('.000Z', 'Z');
    const { body } = await this.client.getJson(`/v2/schedules/${id}/on-calls`, {
      query: { identifierType: 'id', flat: false, date },
      schema: onCallsSchema,
      signal,
    });
    const { body: timeline } = await this.client.getJson(`/v2/schedules/${id}/timeline`, {
      query: { identifierType: 'id', interval: 2, intervalUnit: 'weeks', date },
      schema: timelineSchema,
      signal,
    });
    // The primary rotation is who is paged first; the others are the escalation's.
    const rotation = timeline.data.finalTimeline.rotations.find(r => r.name === 'primary') ?? timeline.data.finalTimeline.rotations[0];
    const shifts = shiftsOf(body.data, schedule.name);
    return {
      service: { id: schedule.ownerTeam?.id ?? team, name: team, url: `${WEB}/teams/list` },
      escalationPolicy: { id: `${schedule.id}:escalation`, name: `${team} escalation`, levels: Math.max(1, ...shifts.map(s => s.level)) },
      shifts,
      schedules: [
        {
          id: schedule.id,
          name: schedule.name,
          url: `${WEB}/schedule/whoIsOnCall`,
          entries: (rotation?.periods ?? []).map(p => ({ start: p.startDate, end: p.endDate })),
        },
      ],
      readAt: readAt.toISOString(),
    };
  }
}
