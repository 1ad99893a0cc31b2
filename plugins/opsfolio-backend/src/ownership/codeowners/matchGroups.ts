import { DEFAULT_NAMESPACE, parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { OwnersMatch } from './parse';

/** Annotations the GitHub org provider sets: `org/team-slug` on groups, the login on users. */
const TEAM_SLUG_ANNOTATION = 'github.com/team-slug';
const USER_LOGIN_ANNOTATION = 'github.com/user-login';

type CodeownerKind = 'team' | 'user' | 'email';

export interface CodeownersOwner {
  /** As written in CODEOWNERS: `@acme/team-payments`, `@octocat`, `jane@acme.example`. */
  owner: string;
  kind: CodeownerKind;
  /** The catalog Group (team) or User (user, email) it maps to; absent when the catalog has none. */
  entityRef?: string;
}

function codeownerKind(owner: string): CodeownerKind {
  if (!owner.startsWith('@')) return 'email';
  return owner.includes('/') ? 'team' : 'user';
}

/** Maps CODEOWNERS owners to catalog refs; build once per refresh from the catalog's groups and users. */
export interface OwnerDirectory {
  lookup(owner: string): string | undefined;
}

/**
 * `@org/team` → the Group annotated `github.com/team-slug: org/team`, else the Group named `team`;
 * `@login` → the User annotated `github.com/user-login: login`, else the User named `login`;
 * an email → the User whose `spec.profile.email` it is. All case-insensitive; when names repeat across
 * namespaces, the default namespace wins, then the first given.
 */
export function ownerDirectory(entities: readonly Entity[]): OwnerDirectory {
  const maps = {
    teamSlug: new Map<string, string>(),
    groupName: new Map<string, string>(),
    userLogin: new Map<string, string>(),
    userName: new Map<string, string>(),
    userEmail: new Map<string, string>(),
  };
  const set = (map: Map<string, string>, key: unknown, ref: string) => {
    if (typeof key === 'string' && key && !map.has(key.toLowerCase())) map.set(key.toLowerCase(), ref);
  };
  const inDefault = (e: Entity) => (e.metadata.namespace ?? DEFAULT_NAMESPACE) === DEFAULT_NAMESPACE;
  for (const entity of [...entities.filter(inDefault), ...entities.filter(e => !inDefault(e))]) {
    const ref = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    const kind = entity.kind.toLowerCase();
    if (kind === 'group') {
      set(maps.teamSlug, annotations[TEAM_SLUG_ANNOTATION], ref);
      set(maps.groupName, entity.metadata.name, ref);
    } else if (kind === 'user') {
      set(maps.userLogin, annotations[USER_LOGIN_ANNOTATION], ref);
      set(maps.userName, entity.metadata.name, ref);
      set(maps.userEmail, (entity.spec?.profile as { email?: unknown } | undefined)?.email, ref);
    }
  }
  return {
    lookup(owner) {
      const key = owner.replace(/^@/, '').toLowerCase();
      switch (codeownerKind(owner)) {
        case 'team':
          // GitHub `@org/team`, GitLab `@group/subgroup/team`: the slug, else the Group named like its last part.
          return maps.teamSlug.get(key) ?? maps.groupName.get(key.slice(key.lastIndexOf('/') + 1));
        case 'user':
          return maps.userLogin.get(key) ?? maps.userName.get(key);
        default:
          return maps.userEmail.get(key);
      }
    },
  };
}

export function matchOwners(owners: readonly string[], directory: OwnerDirectory): CodeownersOwner[] {
  return owners.map(owner => {
    const entityRef = directory.lookup(owner);
    return { owner, kind: codeownerKind(owner), ...(entityRef && { entityRef }) };
  });
}

type CodeownersStatus = 'agrees' | 'drift' | 'no-rule' | 'unowned';

export interface CodeownersDrift {
  /**
   * `agrees`: the entity's owner is one of the owners of the deciding rule; `drift`: it is not;
   * `unowned`: the deciding rule lists nobody; `no-rule`: no rule covers the entity's directory.
   */
  status: CodeownersStatus;
  /** The entity's owner as a full ref, e.g. `group:default/team-payments`. */
  ownerRef: string;
  /** The deciding rule (the last that matches). */
  rule?: { line: number; pattern: string };
  /** Every owner of the deciding rule, in file order, with its catalog ref when there is one. */
  owners: CodeownersOwner[];
}

export interface CodeownersDriftInput {
  /** `spec.owner` as written (`team-a` is a Group, as Backstage reads it) or a full ref. */
  entityOwnerRef: string;
  /** The entity's namespace, for a bare owner name; default `default`. */
  namespace?: string;
  /** `ownersOf(rules, path)` for the entity's directory. */
  match: OwnersMatch | undefined;
  directory: OwnerDirectory;
}

function fullRef(ref: string, namespace: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: namespace }));
  } catch {
    return ref.trim().toLowerCase();
  }
}

/** The ref a team or user would have if the catalog named it after its GitHub slug or login. */
function impliedRef(owner: CodeownersOwner, namespace: string): string | undefined {
  const key = owner.owner.replace(/^@/, '').toLowerCase();
  if (owner.kind === 'team') return `group:${namespace}/${key.slice(key.lastIndexOf('/') + 1)}`;
  if (owner.kind === 'user') return `user:${namespace}/${key}`;
  return undefined;
}

/**
 * Whether CODEOWNERS agrees with the catalog owner. Agreement is the owner itself among the rule's owners:
 * the owning Group as a team (or, for a User-owned entity, that user). A listed user who is a member of
 * the owning group does not count: GitHub teams are how a team claims code, and listing people instead is
 * the drift this check exists to show. An owner missing from the catalog still agrees when its name is
 * the owner's (`@acme/team-x` and `group:default/team-x`): both sources name the same team, and whether
 * that team exists is the owner-exists check's business.
 */
export function codeownersDrift(input: CodeownersDriftInput): CodeownersDrift {
  const ownerRef = fullRef(input.entityOwnerRef, (input.namespace ?? DEFAULT_NAMESPACE).toLowerCase());
  const { match } = input;
  if (!match) return { status: 'no-rule', ownerRef, owners: [] };
  const rule = { line: match.line, pattern: match.pattern };
  const owners = matchOwners(match.owners, input.directory);
  if (owners.length === 0) return { status: 'unowned', ownerRef, rule, owners };
  const ownerNamespace = ownerRef.slice(ownerRef.indexOf(':') + 1, ownerRef.indexOf('/'));
  const agrees = owners.some(o => (o.entityRef ?? impliedRef(o, ownerNamespace)) === ownerRef);
  return { status: agrees ? 'agrees' : 'drift', ownerRef, rule, owners };
}
