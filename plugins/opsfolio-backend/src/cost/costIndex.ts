import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import { type CostTag, entityRefKey, refKey, resolveRefKey } from '@opsfolio/backstage-plugin-common';
import { relationTargets } from '../platform/catalog/relations';

/** An entity as the cost pillar sees it: its tag, and where it rolls up to. */
interface CostEntity {
  ref: string;
  kind: string;
  title?: string;
  tag?: CostTag;
  /** Why the entity's spend cannot be found (a malformed annotation). */
  tagProblem?: string;
  ownerRef?: string;
  systemRef?: string;
}

/** The catalog, read once, arranged for cost: tag value → entity, owners, group tree, systems → domains. */
export interface CostIndex {
  tagKey: string;
  entities: Map<string, CostEntity>;
  /** Exact value of the allocation key (AWS tag values are case-sensitive) → the entity whose spend it is. */
  byTag: Map<string, string>;
  /**
   * `<key>\u0000<value>` of an entity's own tag key (one that is not the allocation key) → that entity. Read
   * for the entity itself only: teams, systems and the overview allocate by the organisation's key.
   */
  byOwnTag: Map<string, string>;
  /** Tag values more than one entity claims; the first ref got it. */
  conflicts: Array<{ tagValue: string; refs: string[] }>;
  groups: Map<string, { title?: string; parentRef?: string; childRefs: string[] }>;
  systems: Map<string, { title?: string; domainRef?: string }>;
  domains: Map<string, { title?: string }>;
}

/**
 * Parses `opsfolio.io/cost-tag`. Returns an error message (not a throw) for a malformed value, so an
 * entity page can say what is wrong. Pure.
 */
function costTagOf(
  entity: { metadata: { name: string; annotations?: Record<string, string> } },
  defaultTagKey: string,
): CostTag | { error: string } {
  const raw = entity.metadata.annotations?.['opsfolio.io/cost-tag']?.trim();
  if (!raw) return { key: defaultTagKey, value: entity.metadata.name, annotated: false };
  const at = raw.indexOf('=');
  const key = at > 0 ? raw.slice(0, at).trim() : '';
  const value = at > 0 ? raw.slice(at + 1).trim() : '';
  if (!key || !value) return { error: `opsfolio.io/cost-tag must be key=value, e.g. ${defaultTagKey}=${entity.metadata.name}; got "${raw}"` };
  return { key, value, annotated: true };
}

/** Kinds whose spend is tagged: they map by `<tagKey>=<metadata.name>` unless annotated otherwise. */
const COSTED_KINDS = ['component', 'resource'];


function refOf(value: unknown, entity: Entity, defaultKind: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  return resolveRefKey(value, { defaultKind, defaultNamespace: entity.metadata.namespace });
}

/**
 * Arranges catalog entities for cost. Pure. When several entities claim one tag value, an annotated claim
 * beats a default one, a component beats a resource, then the first ref alphabetically; the rest are
 * reported as conflicts rather than silently double-counted.
 */
export function buildCostIndex(catalog: Entity[], tagKey: string): CostIndex {
  const index: CostIndex = { tagKey, entities: new Map(), byTag: new Map(), byOwnTag: new Map(), conflicts: [], groups: new Map(), systems: new Map(), domains: new Map() };
  const claims = new Map<string, Array<{ ref: string; rank: string }>>();
  for (const entity of catalog) {
    const kind = refKey(entity.kind);
    const ref = entityRefKey(entity);
    const title = entity.metadata.title;
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    if (kind === 'group') {
      index.groups.set(ref, { title, parentRef: relationTargets(entity, 'childOf')[0] ?? refOf(spec.parent, entity, 'group'), childRefs: relationTargets(entity, 'parentOf') });
      continue;
    }
    if (kind === 'system') index.systems.set(ref, { title, domainRef: refOf(spec.domain, entity, 'domain') });
    if (kind === 'domain') index.domains.set(ref, { title });
    if (!COSTED_KINDS.includes(kind)) continue;
    const costEntity: CostEntity = {
      ref,
      kind,
      title,
      ownerRef: relationTargets(entity, 'ownedBy')[0] ?? refOf(spec.owner, entity, 'group'),
      systemRef: refOf(spec.system, entity, 'system'),
    };
    const tag = costTagOf(entity, tagKey);
    if ('error' in tag) costEntity.tagProblem = tag.error;
    else {
      costEntity.tag = tag;
      const rank = `${tag.annotated ? 0 : 1}${COSTED_KINDS.indexOf(kind)}${ref}`;
      const claim = tag.key === tagKey ? tag.value : ownTagId(tag.key, tag.value);
      claims.set(claim, [...(claims.get(claim) ?? []), { ref, rank }]);
    }
    index.entities.set(ref, costEntity);
  }
  for (const [claim, claimants] of claims) {
    claimants.sort((a, b) => a.rank.localeCompare(b.rank));
    const own = claim.indexOf('\u0000');
    (own < 0 ? index.byTag : index.byOwnTag).set(claim, claimants[0].ref);
    const tagValue = own < 0 ? claim : `${claim.slice(0, own)}=${claim.slice(own + 1)}`;
    if (claimants.length > 1) index.conflicts.push({ tagValue, refs: claimants.map(c => c.ref) });
  }
  // Groups whose parent is only known from the parent's side.
  for (const [ref, group] of index.groups) for (const child of group.childRefs) {
    const c = index.groups.get(child);
    if (c && !c.parentRef) c.parentRef = ref;
  }
  return index;
}

const ownTagId = (key: string, value: string) => `${key}\u0000${value}`;

/** The tag keys entities name that are not the allocation key, sorted: what cost sources also read. */
export function ownTagKeys(index: CostIndex): string[] {
  return [...new Set([...index.byOwnTag.keys()].map(id => id.slice(0, id.indexOf('\u0000'))))].sort();
}

/** Whether the entity won its tag: a lost conflict is reported, not counted twice. */
function holdsItsTag(index: CostIndex, e: CostEntity): boolean {
  if (!e.tag) return false;
  return e.tag.key === index.tagKey ? index.byTag.get(e.tag.value) === e.ref : index.byOwnTag.get(ownTagId(e.tag.key, e.tag.value)) === e.ref;
}

/**
 * The tags whose spend belongs to an entity: its own (by whatever key it names), or what a group (with
 * sub-groups), system or domain holds by the organisation's allocation key, as the overview counts it.
 */
export function tagValuesOf(index: CostIndex, entityRef: string): Array<{ entityRef: string; tag: CostTag }> {
  const ref = refKey(entityRef);
  const kind = parseEntityRef(ref).kind;
  let members: CostEntity[];
  if (kind === 'group') {
    const groups = new Set<string>();
    const visit = (g: string) => {
      if (groups.has(g)) return;
      groups.add(g);
      index.groups.get(g)?.childRefs.forEach(visit);
    };
    visit(ref);
    members = [...index.entities.values()].filter(e => e.ownerRef && groups.has(e.ownerRef));
  } else if (kind === 'user') {
    members = [...index.entities.values()].filter(e => e.ownerRef === ref);
  } else if (kind === 'system') {
    members = [...index.entities.values()].filter(e => e.systemRef === ref);
  } else if (kind === 'domain') {
    members = [...index.entities.values()].filter(e => e.systemRef && index.systems.get(e.systemRef)?.domainRef === ref);
  } else {
    const own = index.entities.get(ref);
    return own && holdsItsTag(index, own) ? [{ entityRef: own.ref, tag: own.tag! }] : [];
  }
  // Spend by an entity's own key stays with the entity: in a team's figures it would not add up to the overview.
  return members.filter(e => e.tag?.key === index.tagKey && holdsItsTag(index, e)).map(e => ({ entityRef: e.ref, tag: e.tag! }));
}
