import type { OnCallPerson, OwnerMember } from '@opsfolio/backstage-plugin-common';
import { distinctPeople, normalisePersonName, onCallDrift, rotaOf, samePerson } from './drift';

// The owning group, group:default/payments, as the catalog lists it.
const ANA: OwnerMember = { name: 'Ana Souza', email: 'ana.souza@example.com' };
const JOSE: OwnerMember = { name: 'jose.alvarez-ruiz', email: 'jar@example.com' };
const KIM: OwnerMember = { name: 'Kim Ng' }; // no email in the catalog
const PAYMENTS = [ANA, JOSE, KIM];
const GROUP = 'group:default/payments';

// People on the rota, as the vendor lists them.
const anaPd: OnCallPerson = { id: 'PANA', name: 'Ana S.', email: 'Ana.Souza@Example.COM' };
const josePd: OnCallPerson = { id: 'PJOSE', name: 'José  Álvarez Ruiz' }; // no email at the vendor
const kimPd: OnCallPerson = { id: 'PKIM', name: 'KIM NG', email: 'kim@example.com' };
const oluPd: OnCallPerson = { id: 'POLU', name: 'Olu Bello', email: 'olu@contractor.io' };

const drift = (rota: OnCallPerson[], ownerMembers: OwnerMember[] = PAYMENTS, ownerRef = GROUP) =>
  onCallDrift({ rota, ownerMembers, ownerRef });

describe('normalisePersonName', () => {
  it('ignores case, accents, dots, dashes and spaces', () => {
    // All reduce to "josealvarezruiz".
    for (const name of ['José Álvarez-Ruiz', 'jose.alvarez.ruiz', 'JOSE ALVAREZ RUIZ', ' José  Álvarez_Ruiz ']) {
      expect(normalisePersonName(name)).toBe('josealvarezruiz');
    }
    expect(normalisePersonName('Zoë O’Brien')).toBe('zoeobrien');
    // Word order and letters that are not accented base letters still count.
    expect(normalisePersonName('Ruiz, José')).toBe('ruizjose');
    expect(normalisePersonName('Søren')).toBe('søren');
  });
});

describe('samePerson', () => {
  it('decides by email when both have one, else by id, else by name', () => {
    expect(samePerson({ name: 'A', email: ' X@Y.io' }, { name: 'B', email: 'x@y.io ' })).toBe(true);
    // Namesakes with different addresses are different people, even with the same id.
    const sam = { id: 'P1', name: 'Sam Lee', email: 'sam@a.io' };
    expect(samePerson(sam, { ...sam, email: 's@b.io' })).toBe(false);
    expect(samePerson({ id: 'P1', name: 'Sam' }, { id: 'P1', name: 'Samuel', email: 's@b.io' })).toBe(true);
    expect(samePerson({ id: 'P1', name: 'Sam Lee' }, { id: 'P2', name: 'Sam Lee' })).toBe(false);
    expect(samePerson({ name: 'Sam Lee', email: 's@b.io' }, { name: 'sam.lee' })).toBe(true);
    // An empty name is nobody.
    expect(samePerson({ name: '…' }, { name: '-' })).toBe(false);
  });

  it('keeps the first record of each person', () => {
    expect(distinctPeople([anaPd, oluPd, { ...anaPd, id: 'OTHER' }, { name: 'olu bello' }])).toEqual([anaPd, oluPd]);
  });
});

describe('onCallDrift', () => {
  it('matches by email ignoring case', () => {
    // "Ana S." would not match by name; the emails agree once lower-cased.
    expect(drift([anaPd])).toEqual({
      outsiders: [],
      ownerOnRota: true,
      matchedBy: [{ person: anaPd, member: ANA, by: 'email' }],
    });
  });

  it('matches by normalised name when an email is missing on either side', () => {
    // Vendor has no email for José: "José  Álvarez Ruiz" and "jose.alvarez-ruiz" are both "josealvarezruiz".
    // The catalog has no email for Kim: "KIM NG" and "Kim Ng" are both "kimng".
    expect(drift([josePd, kimPd]).matchedBy).toEqual([
      { person: josePd, member: JOSE, by: 'name' },
      { person: kimPd, member: KIM, by: 'name' },
    ]);
  });

  it('prefers an email match over a name match with another member', () => {
    // A second member named like the vendor's "Ana S." but without email: the email match wins.
    const result = drift([anaPd], [{ name: 'Ana S.' }, ANA]);
    expect(result.matchedBy).toEqual([{ person: anaPd, member: ANA, by: 'email' }]);
  });

  it('reports people on the rota who are not in the owning group, once each', () => {
    // Olu is at level 1 and level 2 (two rota entries): one outsider.
    // A namesake of Ana with another address is not Ana.
    const namesake: OnCallPerson = { id: 'PX', name: 'Ana Souza', email: 'ana@elsewhere.org' };
    const result = drift([anaPd, oluPd, josePd, oluPd, namesake, { ...anaPd }]);
    expect(result.outsiders).toEqual([oluPd, namesake]);
    expect(result.ownerOnRota).toBe(true);
    expect(result.matchedBy.map(m => [m.person.id, m.by])).toEqual([
      ['PANA', 'email'],
      ['PJOSE', 'name'],
    ]);
  });

  it('says when nobody of the owning group is on the rota', () => {
    // Everyone paged is from elsewhere: all outsiders, owner not on the rota.
    const zed: OnCallPerson = { name: 'Zed Quinn' };
    expect(drift([oluPd, zed])).toEqual({ outsiders: [oluPd, zed], ownerOnRota: false, matchedBy: [] });
    // An empty rota has no outsiders, and still no owner on it.
    expect(drift([])).toEqual({ outsiders: [], ownerOnRota: false, matchedBy: [] });
    // A group without members cannot be on the rota.
    expect(drift([anaPd], [])).toEqual({ outsiders: [anaPd], ownerOnRota: false, matchedBy: [] });
  });

  it('treats a User owner as a group of one', () => {
    const jane: OnCallPerson = { id: 'PJANE', name: 'Jane Doe', email: 'jane@example.com' };
    // The caller passes the user's profile as the only member: matched by email.
    expect(drift([jane, oluPd], [{ name: 'Jane Doe', email: 'JANE@example.com' }], 'user:default/jane.doe')).toEqual({
      outsiders: [oluPd],
      ownerOnRota: true,
      matchedBy: [{ person: jane, member: { name: 'Jane Doe', email: 'JANE@example.com' }, by: 'email' }],
    });
    // Without a profile, the user's entity name stands for it: "jane.doe" and "Jane Doe" are both "janedoe".
    expect(drift([jane], [], 'User:jane.doe').matchedBy).toEqual([
      { person: jane, member: { name: 'jane.doe' }, by: 'name' },
    ]);
    // The same user on nobody's rota: not on call for their own service.
    expect(drift([oluPd], [], 'user:default/jane.doe')).toMatchObject({ outsiders: [oluPd], ownerOnRota: false });
    // A bare owner name is a group: its name is not taken as a member.
    expect(drift([{ name: 'Payments' }], [], 'payments').ownerOnRota).toBe(false);
  });
});

describe('rotaOf', () => {
  it('takes the people on call now and everyone with a shift in the schedules ahead', () => {
    // A weekly rotation of three: only Ada is on call now; Kofi's week comes later.
    const rota = rotaOf([
      {
        shifts: [{ level: 1, person: { name: 'Ada Okafor', email: 'ada@example.com' } }],
        schedules: [
          {
            id: 'S1',
            name: 'Primary',
            entries: [
              { start: '2026-11-22T00:00:00Z', end: '2026-11-29T00:00:00Z', person: { name: 'Ada Okafor', email: 'ada@example.com' } },
              { start: '2026-11-29T00:00:00Z', end: '2026-12-06T00:00:00Z', person: { name: 'Kofi Mensah', email: 'kofi@example.com' } },
              { start: '2026-12-06T00:00:00Z', end: '2026-12-13T00:00:00Z' },
            ],
          },
        ],
      },
    ]);
    expect(distinctPeople(rota).map(p => p.name)).toEqual(['Ada Okafor', 'Kofi Mensah']);
    expect(onCallDrift({ rota, ownerMembers: [{ name: 'Ada Okafor', email: 'ada@example.com' }], ownerRef: 'group:default/payments' }).outsiders.map(p => p.name)).toEqual(['Kofi Mensah']);
  });
});
