import type { OnCallDrift, OnCallMatch, OnCallNow, OnCallPerson, OwnerMember } from '@opsfolio/backstage-plugin-common';

/**
 * A name reduced to what identifies it: accents dropped (`José` → `jose`), lower case, and everything
 * that is not a letter or a digit removed, so `Jean-Luc Picard`, `jean.luc.picard` and `JEAN LUC PICARD`
 * are one name. Word order still counts (`Picard, Jean-Luc` is another name), and letters that are not
 * an accented base letter (`ø`, `ß`) are kept as they are.
 */
export function normalisePersonName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const emailKey = (email: string | undefined) => email?.trim().toLowerCase() || undefined;

/**
 * Whether two records name the same person. The rule, strongest evidence first:
 * 1. both have an email: the same person exactly when the emails are equal ignoring case and spaces
 *    around them; a namesake with another address is another person;
 * 2. else both have a vendor id: equal ids;
 * 3. else equal normalised names ({@link normalisePersonName}), never an empty one.
 */
export function samePerson(a: { id?: string; name: string; email?: string }, b: typeof a): boolean {
  const [emailA, emailB] = [emailKey(a.email), emailKey(b.email)];
  if (emailA && emailB) return emailA === emailB;
  if (a.id && b.id) return a.id === b.id;
  const nameA = normalisePersonName(a.name);
  return nameA !== '' && nameA === normalisePersonName(b.name);
}

/** The first record of each distinct person ({@link samePerson}), in the order given. */
export function distinctPeople<T extends { id?: string; name: string; email?: string }>(people: readonly T[]): T[] {
  const distinct: T[] = [];
  for (const person of people) if (!distinct.some(seen => samePerson(seen, person))) distinct.push(person);
  return distinct;
}

/** The kind and name of an entity ref such as `user:default/jane.doe`; a bare name is a group, as owners are. */
function parseOwnerRef(ref: string): { kind: string; name: string } {
  const match = /^(?:([^:/]+):)?(?:[^/]+\/)?(.*)$/.exec(ref.trim())!;
  return { kind: (match[1] ?? 'group').toLowerCase(), name: match[2] };
}

/** The input of {@link onCallDrift}. */
export interface OnCallDriftInput {
  /** The people on the entity's schedules and escalation policy, repeats allowed. */
  rota: readonly OnCallPerson[];
  /**
   * The members of the owning group from the catalog: display name (else entity name) and email. For a
   * User owner, the user itself; when left empty, the user's entity name from `ownerRef` is used.
   */
  ownerMembers: readonly OwnerMember[];
  /** The entity's owner, e.g. `group:default/payments` or `user:default/jane.doe`. */
  ownerRef: string;
}

/**
 * Compares the people paged for an entity with the people who own it. Pure.
 *
 * Each distinct person on the rota is matched to a member of the owning group: by email when both have
 * one (equal ignoring case), else by normalised name (case, accents, dots, dashes and spaces ignored) —
 * see {@link samePerson}. An email match is preferred over a name match with another member. Those
 * matched are in `matchedBy`, the others are `outsiders`. `ownerOnRota` is false when no member is on the
 * rota, which includes an empty rota and a group without members. An owner that is a User counts as a
 * group of one.
 */
export function onCallDrift(input: OnCallDriftInput): OnCallDrift {
  const owner = parseOwnerRef(input.ownerRef);
  const members: readonly OwnerMember[] =
    owner.kind === 'user' && input.ownerMembers.length === 0 && owner.name
      ? [{ name: owner.name }]
      : input.ownerMembers;

  const outsiders: OnCallPerson[] = [];
  const matchedBy: OnCallMatch[] = [];
  for (const person of distinctPeople(input.rota)) {
    const email = emailKey(person.email);
    const byEmail = email ? members.find(m => emailKey(m.email) === email) : undefined;
    // samePerson falls back to names only where one side has no email.
    const member = byEmail ?? members.find(m => samePerson(person, m));
    if (member) matchedBy.push({ person, member, by: byEmail ? 'email' : 'name' });
    else outsiders.push(person);
  }
  return { outsiders, ownerOnRota: matchedBy.length > 0, matchedBy };
}

/**
 * Everyone on an entity's rota: on call now at any level, or taking a shift in the schedules' entries ahead
 * (a weekly rotation of five shows one person now and the rest only over the weeks to come).
 */
export function rotaOf(reads: ReadonlyArray<Pick<OnCallNow, 'shifts' | 'schedules'>>): OnCallPerson[] {
  return reads.flatMap(r => [
    ...r.shifts.map(s => s.person),
    ...(r.schedules ?? []).flatMap(s => s.entries.flatMap(e => (e.person ? [e.person] : []))),
  ]);
}
