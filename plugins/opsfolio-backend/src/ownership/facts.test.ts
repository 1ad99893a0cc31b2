import type { Entity } from '@backstage/catalog-model';
import { ownershipFacts } from './facts';
import { buildOwnershipIndex } from './ownershipIndex';

const rel = (type: string, ...refs: string[]) => refs.map(targetRef => ({ type, targetRef }));
const group = (name: string, relations: Entity['relations'], extra: Partial<Entity['metadata']> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, ...extra },
  spec: { type: 'team', children: [], profile: { email: `${name}@acme.example` } },
  relations,
});
const user = (name: string): Entity => ({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name }, spec: { profile: { displayName: name.toUpperCase() } } });
const component = (name: string, owner?: string, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace },
  spec: owner ? { type: 'service', owner } : { type: 'service' },
});

// acme ── eng ─┬─ payments (ada, ghost: a member ref with no User)
//              └─ mobile (nobody)
const index = buildOwnershipIndex([
  group('acme', rel('parentOf', 'group:default/eng')),
  group('eng', [...rel('childOf', 'group:default/acme'), ...rel('parentOf', 'group:default/payments', 'group:default/mobile')]),
  group('payments', [...rel('childOf', 'group:default/eng'), ...rel('hasMember', 'user:default/ada', 'user:default/ghost')], {
    title: 'Payments',
    links: [{ url: 'https://chat.acme.example/payments', type: 'slack', title: '#payments' }, { url: 'https://wiki', type: 'docs' }],
  }),
  group('mobile', rel('childOf', 'group:default/eng')),
  user('ada'),
  user('helen'),
  component('pay-api', 'payments'),
  component('billing', 'group:default/payments'),
  component('orphan'),
  component('promo', 'team-promotions'),
  component('sso', 'user:helen'),
  component('app', 'mobile'),
  component('other-ns', 'payments', 'ops'),
]);

describe('ownership facts', () => {
  it('resolves a healthy team owner with its members, parent chain and contact', () => {
    const facts = ownershipFacts(index, 'component:default/pay-api')!;
    expect(facts).toMatchObject({ ownerRef: 'group:default/payments', ownerExists: true, ownerIsGroup: true, ownerTitle: 'Payments', problems: [] });
    // ghost is a member ref without a User entity: not counted.
    expect(facts.memberCount).toBe(1);
    expect(facts.parentChain.map(p => p.ref)).toEqual(['group:default/eng', 'group:default/acme']);
    expect(facts.contact).toEqual({ email: 'payments@acme.example', links: [{ url: 'https://chat.acme.example/payments', type: 'slack', title: '#payments' }] });
    expect(ownershipFacts(index, 'component:default/billing')!.ownerRef).toBe('group:default/payments');
  });

  it('names each problem with its fix', () => {
    const kinds = (ref: string) => ownershipFacts(index, ref)!.problems.map(p => p.kind);
    expect(kinds('component:default/orphan')).toEqual(['no-owner']);
    expect(kinds('component:default/promo')).toEqual(['owner-missing']);
    expect(ownershipFacts(index, 'component:default/promo')!.problems[0].message).toContain('group:default/team-promotions');
    expect(kinds('component:default/sso')).toEqual(['owned-by-user']);
    expect(ownershipFacts(index, 'component:default/sso')).toMatchObject({ ownerIsGroup: false, memberCount: 1, ownerTitle: 'HELEN' });
    expect(kinds('component:default/app')).toEqual(['team-without-members']);
    // A group is checked as a team; a department with sub-teams but no direct members is fine.
    expect(kinds('group:default/mobile')).toEqual(['team-without-members']);
    expect(kinds('group:default/eng')).toEqual([]);
  });

  it("resolves an owner without a namespace in the entity's own namespace", () => {
    // ops/other-ns names 'payments', which means group:ops/payments: not the default namespace's team.
    expect(ownershipFacts(index, 'component:ops/other-ns')).toMatchObject({ ownerRef: 'group:ops/payments', ownerExists: false, problems: [{ kind: 'owner-missing' }] });
  });

  it('adds what other pillars found, and knows nothing of entities outside the catalog', () => {
    const drift = { kind: 'oncall-drift' as const, message: 'Nobody from the owning team is on the rota.', fix: 'Put the team on the rota.' };
    expect(ownershipFacts(index, 'component:default/pay-api', [drift])!.problems).toEqual([drift]);
    expect(ownershipFacts(index, 'component:default/nope')).toBeUndefined();
  });
});
