import type { LoggerService } from '@backstage/backend-plugin-api';
import { ANNOTATIONS, DAY_MS } from '@opsfolio/backstage-plugin-common';
import {
  paginateOffset,
  type OnCallRead,
  type OnCallSource,
  type OnCallSyncContext,
  type SourceEntity,
  type VendorClient,
} from '@opsfolio/backstage-plugin-node';
import { z } from 'zod';
import { toIncident, toOnCallRead } from './mapping';
import {
  escalationPolicySchema,
  incidentSchema,
  logEntrySchema,
  onCallSchema,
  serviceSchema,
  type PdEscalationPolicy,
  type PdIncident,
  type PdOnCall,
  type PdService,
} from './schemas';

/**
 * How far ahead on-call shifts are read (PagerDuty lists them up to 90 days ahead): long enough that
 * everyone on a rotation of up to 12 weeks takes a shift in it, so drift sees the whole rota. The backend
 * judges coverage gaps over the first 14 days.
 */
const WINDOW_DAYS = 84;
/** Ids per request in batched queries (escalation_policy_ids[], service_ids[]): calls grow with pages. */
const BATCH = 20;
/** The account-wide log is read this much at a time (see `acknowledgements`). */
const LOG_RANGE_MS = 7 * DAY_MS;
/** PagerDuty's classic pagination reaches no further than this many records. */
const MAX_LOG_OFFSET = 10_000;

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

async function collect<T>(pages: AsyncIterable<{ items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

const isFullPolicy = (p: PdService['escalation_policy']): p is PdEscalationPolicy => 'escalation_rules' in p;

/**
 * PagerDuty: the service of `pagerduty.com/service-id` (or the one whose integration has the key of
 * `pagerduty.com/integration-key`), its escalation policy, who is on call at every level, its schedules
 * for the next two weeks, and its incidents.
 *
 * Who is on call now and the schedules ahead come from one `GET /oncalls` series over the fortnight for a
 * batch of policies (every level, each shift whole): the entries covering the read's instant are "now",
 * and each schedule's entries are its coverage. No schedule is read on its own, so requests grow with
 * pages, not with entities or schedules.
 */
export class PagerDutyOnCallSource implements OnCallSource {
  readonly id = 'pagerduty';
  readonly vendor = 'pagerduty';
  readonly annotations = [ANNOTATIONS.pagerdutyServiceId, ANNOTATIONS.pagerdutyIntegrationKey];

  constructor(
    private readonly client: VendorClient,
    private readonly options: { logger: LoggerService; incidentDays: number; now?: () => Date },
  ) {}

  /** Whole seconds: PagerDuty answers on-call windows to the second, and coverage is measured over the read's window. */
  private now() {
    const now = this.options.now?.() ?? new Date();
    return new Date(Math.floor(now.getTime() / 1000) * 1000);
  }

  async readOnCall(entity: SourceEntity, signal: AbortSignal): Promise<OnCallRead | undefined> {
    // One instant for "now" and the start of the window read, so coverage is measured over exactly what was read.
    const readAt = this.now();
    let serviceId: string | undefined = entity.annotations[ANNOTATIONS.pagerdutyServiceId]?.trim();
    if (!serviceId) {
      const services = await this.listServices(signal);
      serviceId = this.byIntegrationKey(services).get(entity.annotations[ANNOTATIONS.pagerdutyIntegrationKey]?.trim() ?? '');
      if (!serviceId) return undefined;
    }
    const { body } = await this.client.getJson(`/services/${encodeURIComponent(serviceId)}`, {
      query: { 'include[]': 'escalation_policies' },
      schema: z.object({ service: serviceSchema }),
      signal,
    });
    const policy = await this.policyOf(body.service, signal);
    const until = this.windowEnd(readAt);
    const oncalls = policy ? await this.onCallsOf([policy.id], readAt, until, signal) : [];
    return toOnCallRead({ service: body.service, policy, oncalls, readAt, until });
  }

  async sync(context: OnCallSyncContext): Promise<{ items: number }> {
    const { signal } = context;
    const services = await this.listServices(signal);
    const byId = new Map(services.map(s => [s.id, s]));
    const byKey = this.byIntegrationKey(services);
    const serviceOf = new Map<string, PdService>();
    for (const entity of context.entities) {
      const id = entity.annotations[ANNOTATIONS.pagerdutyServiceId]?.trim() ||
        byKey.get(entity.annotations[ANNOTATIONS.pagerdutyIntegrationKey]?.trim() ?? '');
      const service = id ? byId.get(id) : undefined;
      if (service) serviceOf.set(entity.entityRef, service);
      else context.logger.warn(`${entity.entityRef}: no PagerDuty service ${id ?? 'for its integration key'}`);
    }

    const policies = new Map<string, PdEscalationPolicy>();
    for (const [done, service] of [...serviceOf.values()].entries()) {
      context.progress?.({ unit: 'services', done, total: serviceOf.size, phase: 'on-call' });
      const policy = await this.policyOf(service, signal);
      if (policy) policies.set(policy.id, policy);
    }
    const readAt = this.now();
    const until = this.windowEnd(readAt);
    const byPolicy = new Map<string, PdOnCall[]>();
    for (const o of await this.onCallsOf([...policies.keys()], readAt, until, signal)) {
      const own = byPolicy.get(o.escalation_policy.id) ?? [];
      own.push(o);
      byPolicy.set(o.escalation_policy.id, own);
    }
    for (const [entityRef, service] of serviceOf) {
      const policy = policies.get(service.escalation_policy.id);
      const oncalls = (policy && byPolicy.get(policy.id)) ?? [];
      await context.saveOnCall(entityRef, toOnCallRead({ service, policy, oncalls, readAt, until }));
    }

    return { items: await this.syncIncidents(context, serviceOf) };
  }

  private async syncIncidents(context: OnCallSyncContext, serviceOf: Map<string, PdService>): Promise<number> {
    const now = this.now();
    const mark = await context.state.get('incidents_since');
    // From the mark (a day of overlap for late changes), else the full history window.
    const since = mark ? new Date(Math.min(Date.parse(mark), now.getTime() - DAY_MS)) : new Date(now.getTime() - this.options.incidentDays * DAY_MS);
    const entitiesOf = new Map<string, string[]>();
    for (const [entityRef, service] of serviceOf) entitiesOf.set(service.id, [...(entitiesOf.get(service.id) ?? []), entityRef]);
    let oldestOpen = now.getTime();
    const read: Array<{ entityRef: string; incidents: PdIncident[]; known: Map<string, { status: string; acknowledgedAt?: string }> }> = [];
    // A resolved incident no longer lists its acknowledgements: they are in the log. Once stored as resolved its
    // log has been read (also when nobody acknowledged it: resolved by the integration), so it is not read again.
    const needLog = new Map<string, number>();
    let servicesRead = 0;
    for (const ids of chunks([...entitiesOf.keys()], BATCH)) {
      context.progress?.({ unit: 'services', done: servicesRead, total: entitiesOf.size, phase: 'incidents' });
      servicesRead += ids.length;
      const pages = paginateOffset(this.client, '/incidents', {
        limit: 100,
        itemsKey: 'incidents',
        itemSchema: incidentSchema,
        query: { 'service_ids[]': ids, since: since.toISOString(), until: now.toISOString(), time_zone: 'UTC' },
        signal: context.signal,
      });
      for await (const page of pages) {
        for (const [serviceId, entityRefs] of entitiesOf) {
          const incidents = page.items.filter(i => i.service.id === serviceId);
          if (incidents.length === 0) continue;
          for (const entityRef of entityRefs) {
            const known = await context.knownIncidents(entityRef, incidents.map(i => i.id));
            read.push({ entityRef, incidents, known });
            for (const incident of incidents) {
              if (incident.status !== 'resolved') oldestOpen = Math.min(oldestOpen, Date.parse(incident.created_at));
              const stored = known.get(incident.id);
              if (incident.status === 'resolved' && !incident.acknowledgements?.length && !stored?.acknowledgedAt && stored?.status !== 'resolved') {
                needLog.set(incident.id, Date.parse(incident.created_at));
              }
            }
          }
        }
      }
    }
    const acks = needLog.size ? await this.acknowledgements(needLog, now, context.signal) : new Map<string, string>();
    let items = 0;
    for (const { entityRef, incidents, known } of read) {
      const records = incidents.map(incident => toIncident(incident, known.get(incident.id)?.acknowledgedAt ?? acks.get(incident.id)));
      await context.saveIncidents(entityRef, records);
      items += records.length;
    }
    await context.state.set('incidents_since', new Date(Math.min(oldestOpen, now.getTime())).toISOString());
    return items;
  }

  /**
   * The first acknowledgement of each incident asked for (id → created), from the account-wide log read once
   * from the oldest of them to now: requests grow with log pages, not with incidents. PagerDuty's classic
   * pagination stops at an offset of 10,000, so the log is read a week at a time, and a week with more than
   * that is read again in halves.
   */
  private async acknowledgements(incidents: Map<string, number>, now: Date, signal: AbortSignal): Promise<Map<string, string>> {
    const first = new Map<string, string>();
    const oldest = Math.min(...incidents.values());
    const ranges: Array<[number, number]> = [];
    for (let from = oldest; from < now.getTime(); from += LOG_RANGE_MS) ranges.push([from, Math.min(from + LOG_RANGE_MS, now.getTime())]);
    while (ranges.length) {
      const [from, until] = ranges.shift()!;
      let read = 0;
      const pages = paginateOffset(this.client, '/log_entries', {
        limit: 100,
        itemsKey: 'log_entries',
        itemSchema: logEntrySchema,
        query: { since: new Date(from).toISOString(), until: new Date(until).toISOString(), is_overview: true, time_zone: 'UTC' },
        maxPages: MAX_LOG_OFFSET / 100,
        signal,
      });
      for await (const page of pages) {
        read += page.items.length;
        for (const entry of page.items) {
          const id = entry.incident?.id;
          if (entry.type !== 'acknowledge_log_entry' || !id || !incidents.has(id)) continue;
          const earlier = first.get(id);
          if (!earlier || Date.parse(entry.created_at) < Date.parse(earlier)) first.set(id, entry.created_at);
        }
      }
      // As far as pagination reaches: the range may hold more. Read it again in halves (down to a minute).
      if (read >= MAX_LOG_OFFSET && until - from > 60_000) {
        const middle = from + Math.floor((until - from) / 2);
        ranges.unshift([from, middle], [middle, until]);
      }
    }
    return first;
  }

  private listServices(signal: AbortSignal): Promise<PdService[]> {
    return collect(
      paginateOffset(this.client, '/services', {
        limit: 100,
        itemsKey: 'services',
        itemSchema: serviceSchema,
        query: { 'include[]': ['escalation_policies', 'integrations'] },
        signal,
      }),
    );
  }

  private byIntegrationKey(services: PdService[]): Map<string, string> {
    return new Map(
      services.flatMap(s => s.integrations.filter(i => i.integration_key).map(i => [i.integration_key!, s.id] as const)),
    );
  }

  private async policyOf(service: PdService, signal: AbortSignal): Promise<PdEscalationPolicy | undefined> {
    const ref = service.escalation_policy;
    if (isFullPolicy(ref)) return ref;
    const { body } = await this.client.getJson(`/escalation_policies/${encodeURIComponent(ref.id)}`, {
      schema: z.object({ escalation_policy: escalationPolicySchema }),
      signal,
    });
    return body.escalation_policy;
  }

  /** The end (exclusive) of the window read from `readAt`. */
  private windowEnd(readAt: Date) {
    return new Date(readAt.getTime() + WINDOW_DAYS * DAY_MS);
  }

  /**
   * Every on-call entry at every level of these policies over [since, until), a batch of policies per series
   * of pages: the shifts that overlap the window (whole) and the direct targets (no start, no end).
   */
  private async onCallsOf(policyIds: string[], since: Date, until: Date, signal: AbortSignal): Promise<PdOnCall[]> {
    const all: PdOnCall[] = [];
    for (const ids of chunks(policyIds, BATCH)) {
      all.push(
        ...(await collect(
          paginateOffset(this.client, '/oncalls', {
            limit: 100,
            itemsKey: 'oncalls',
            itemSchema: onCallSchema,
            query: {
              'escalation_policy_ids[]': ids,
              since: since.toISOString(),
              until: until.toISOString(),
              'include[]': 'users',
              time_zone: 'UTC',
            },
            signal,
          }),
        )),
      );
    }
    return all;
  }
}
