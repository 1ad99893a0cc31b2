import { stringifyEntityRef } from '@backstage/catalog-model';
import { DAY_MS, isKind, type TeamOnCallResponse, type TeamOnCallService } from '@opsfolio/backstage-plugin-common';
import { mapWithConcurrency } from '@opsfolio/backstage-plugin-node';
import Router from 'express-promise-router';
import { loadEntity } from '../platform/catalog/loadEntity';
import { membersOf, type Member } from '../platform/catalog/ownerMembers';
import { groupAndDescendants, ownedBy } from '../platform/catalog/teamEntities';
import { describeAnswer } from './describeAnswer';
import { onCallDrift, rotaOf } from './drift';
import { LIVE_READ_TIMEOUT_MS, readEntityOnCallLive } from './liveOnCall';
import { responseTimes } from './responseTimes';
import type { OnCallRouteDeps } from './routes';

/** Live reads in flight for one team page: a team's services share the vendor's rate limit with everyone. */
const READ_CONCURRENCY = 4;

/**
 * A manager's view: every service the group and its sub-teams own, who is on call for each now (live,
 * cached, falling back to the last read like the entity route), drift against the owning team, and 30-day
 * response times. Components are always listed (an unmapped one is a finding); other kinds when mapped.
 */
export function teamOnCallRoutes(deps: OnCallRouteDeps) {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const onCallAnnotations = deps.sources.flatMap(s => s.annotations);

  router.get('/groups/:namespace/:name/oncall', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const group = await loadEntity(deps.catalog, { kind: 'group', namespace: req.params.namespace, name: req.params.name }, credentials);
    const groupRefs = await groupAndDescendants(deps.catalog, group, credentials);
    const owned = (await ownedBy(deps.catalog, groupRefs, credentials)).filter(
      ({ entity }) =>
        isKind(entity.kind, 'component') ||
        onCallAnnotations.some(a => entity.metadata.annotations?.[a]?.trim()),
    );
    owned.sort((a, b) => a.ownerRef.localeCompare(b.ownerRef) || a.entity.metadata.name.localeCompare(b.entity.metadata.name));

    const members = new Map<string, Promise<{ members: Member[] }>>();
    const membersOfOwner = (ownerRef: string) => {
      if (!members.has(ownerRef)) members.set(ownerRef, membersOf(deps.catalog, ownerRef, credentials));
      return members.get(ownerRef)!;
    };
    const at = now();
    const services = await mapWithConcurrency(owned, READ_CONCURRENCY, async ({ entity, ownerRef }): Promise<TeamOnCallService> => {
      const entityRef = stringifyEntityRef(entity);
      const answers = await readEntityOnCallLive(
        { ...deps, ttlMs: deps.cacheTtlMs, timeoutMs: LIVE_READ_TIMEOUT_MS },
        { entityRef, annotations: entity.metadata.annotations ?? {} },
      );
      const rota = rotaOf(answers.flatMap(a => (a.onCall ? [a.onCall] : [])));
      const incidents = await deps.store.forResponseTimes(entityRef, new Date(at.getTime() - 30 * DAY_MS));
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
    const body: TeamOnCallResponse = { groupRef: stringifyEntityRef(group), groupRefs, services };
    res.json(body);
  });
  return router;
}
