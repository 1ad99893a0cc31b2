import type { AuthService, BackstageCredentials, CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DAY_MS,
  isKind,
  type Incident,
  type IncidentsPage,
  type IncidentStatus,
  type OnCallNow,
  type OnCallResponse,
  type TeamOnCallResponse,
  type TeamOnCallService,
} from '@opsfolio/backstage-plugin-common';
import { mapWithConcurrency, type IncidentRecord, type OnCallSource } from '@opsfolio/backstage-plugin-node';
import { membersOf, ownerMembers, type Member } from '../platform/catalog/ownerMembers';
import { groupAndDescendants, ownedBy } from '../platform/catalog/teamEntities';
import { checkBatch } from '../platform/push/checkBatch';
import { describeAnswer } from './describeAnswer';
import { onCallDrift, rotaOf } from './drift';
import { LIVE_READ_TIMEOUT_MS, readEntityOnCallLive } from './liveOnCall';
import type { OnCallService } from './OnCallService';
import type { OnCallStore } from './OnCallStore';
import { responseTimes } from './responseTimes';

/** Live reads in flight for one team page: a team's services share the vendor's rate limit with everyone. */
const READ_CONCURRENCY = 4;

/** {@link OnCallService} over the on-call sources, the cache for live reads and the on-call store. */
export class DefaultOnCallService implements OnCallService {
  constructor(
    private readonly deps: {
      store: OnCallStore;
      sources: OnCallSource[];
      catalog: CatalogService;
      auth: AuthService;
      cache: CacheService;
      logger: LoggerService;
      /** How long a live read is served from the cache. */
      cacheTtlMs: number;
      now?: () => Date;
    },
  ) {}

  get sources() {
    return this.deps.sources;
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  private readLive(entityRef: string, entity: Entity) {
    return readEntityOnCallLive(
      { ...this.deps, ttlMs: this.deps.cacheTtlMs, timeoutMs: LIVE_READ_TIMEOUT_MS },
      { entityRef, annotations: entity.metadata.annotations ?? {} },
    );
  }

  async entityOnCall(entity: Entity, credentials: BackstageCredentials): Promise<OnCallResponse> {
    const entityRef = stringifyEntityRef(entity);
    const at = this.now();
    // The vendors (or the cache), the catalog and the database answer independently: ask them at once.
    const [answers, owner, incidents] = await Promise.all([
      this.readLive(entityRef, entity),
      ownerMembers(this.deps.catalog, entity, credentials),
      this.deps.store.forResponseTimes(entityRef, new Date(at.getTime() - 90 * DAY_MS)),
    ]);
    if (answers.length > 0 && answers.every(a => a.error && !a.onCall)) {
      throw new ServiceUnavailableError(`On-call vendors unavailable and nothing stored yet: ${answers.map(a => a.error).join('; ')}`);
    }
    const rota = rotaOf(answers.flatMap(a => (a.onCall ? [a.onCall] : [])));
    return {
      entityRef,
      sources: answers.map(describeAnswer),
      drift:
        owner.ownerRef && rota.length > 0
          ? { ...onCallDrift({ rota, ownerMembers: owner.members, ownerRef: owner.ownerRef }), ownerFound: owner.ownerFound }
          : undefined,
      responseTimes: {
        days30: responseTimes(incidents, { from: new Date(at.getTime() - 30 * DAY_MS), to: at }),
        days90: responseTimes(incidents, { from: new Date(at.getTime() - 90 * DAY_MS), to: at }),
      },
    };
  }

  async teamOnCall(group: Entity, credentials: BackstageCredentials): Promise<TeamOnCallResponse> {
    const { catalog } = this.deps;
    const onCallAnnotations = this.deps.sources.flatMap(s => s.annotations);
    const groupRefs = await groupAndDescendants(catalog, group, credentials);
    // Components are always listed (an unmapped one is a finding); other kinds when mapped.
    const owned = (await ownedBy(catalog, groupRefs, credentials)).filter(
      ({ entity }) => isKind(entity.kind, 'component') || onCallAnnotations.some(a => entity.metadata.annotations?.[a]?.trim()),
    );
    owned.sort((a, b) => a.ownerRef.localeCompare(b.ownerRef) || a.entity.metadata.name.localeCompare(b.entity.metadata.name));

    const members = new Map<string, Promise<{ members: Member[] }>>();
    const membersOfOwner = (ownerRef: string) => {
      if (!members.has(ownerRef)) members.set(ownerRef, membersOf(catalog, ownerRef, credentials));
      return members.get(ownerRef)!;
    };
    const at = this.now();
    const services = await mapWithConcurrency(owned, READ_CONCURRENCY, async ({ entity, ownerRef }): Promise<TeamOnCallService> => {
      const entityRef = stringifyEntityRef(entity);
      const answers = await this.readLive(entityRef, entity);
      const rota = rotaOf(answers.flatMap(a => (a.onCall ? [a.onCall] : [])));
      const incidents = await this.deps.store.forResponseTimes(entityRef, new Date(at.getTime() - 30 * DAY_MS));
      return {
        entityRef,
        title: entity.metadata.title,
        ownerRef,
        sources: answers.map(answer => {
          const { onCall, ...rest } = describeAnswer(answer);
          if (!onCall) return rest;
          const { schedules: _entries, ...withoutEntries } = onCall;
          return { ...rest, onCall: withoutEntries };
        }),
        drift: rota.length > 0 ? onCallDrift({ rota, ownerMembers: (await membersOfOwner(ownerRef)).members, ownerRef }) : undefined,
        responseTimes30d: responseTimes(incidents, { from: new Date(at.getTime() - 30 * DAY_MS), to: at }),
      };
    });
    return { groupRef: stringifyEntityRef(group), groupRefs, services };
  }

  async incidents(entityRef: string, query: { status?: IncidentStatus; limit: number; offset: number }): Promise<IncidentsPage> {
    const page = await this.deps.store.listIncidents(entityRef, query);
    return { ...page, limit: query.limit, offset: query.offset };
  }

  async acceptPush(source: string, events: Array<IncidentRecord & { entityRef: string }>): Promise<void> {
    const byEntity = await checkBatch({ kind: 'incidents', events, catalog: this.deps.catalog, auth: this.deps.auth });
    const records = new Map([...byEntity].map(([entityRef, batch]) => [entityRef, batch.map(({ entityRef: _ref, ...incident }) => incident)]));
    await this.deps.store.upsertIncidentsMany(source, records);
  }

  async lastReads(entityRef: string): Promise<OnCallNow[]> {
    const reads = await Promise.all(this.deps.sources.map(s => this.deps.store.snapshot(entityRef, s.id)));
    return reads.filter((r): r is OnCallNow => r !== undefined);
  }

  allLastReads(): Promise<Map<string, OnCallNow[]>> {
    return this.deps.store.allSnapshots();
  }

  incidentsSince(entityRef: string, from: Date): Promise<Incident[]> {
    return this.deps.store.forResponseTimes(entityRef, from);
  }

  allIncidentsSince(from: Date): Promise<Map<string, Incident[]>> {
    return this.deps.store.allForResponseTimes(from);
  }
}
