import type { OwnershipFacts } from '@opsfolio/backstage-plugin-common';
import type { EntityOwnership, OwnershipFactsLoader } from '../../ownership/ownershipFactsLoader';
import { component, NOW, readable } from './factTestKit';
import { ownershipFactProvider } from './ownershipFacts';

const payments = component('payments-api');

const owned = (over: Partial<OwnershipFacts> = {}): OwnershipFacts => ({
  entityRef: payments.entityRef,
  kind: 'component',
  ownerRef: 'group:default/payments',
  ownerExists: true,
  ownerIsGroup: true,
  memberCount: 4,
  parentChain: [],
  problems: [],
  ...over,
});

const codeowners = (status: NonNullable<EntityOwnership['codeowners']>['status']): EntityOwnership['codeowners'] => ({
  status,
  owners: ['@acme/payments'],
  readAt: '2026-11-22T09:00:00.000Z',
});

/** The ownership loader as the provider reads it. */
const loaderOf = (entries: Record<string, EntityOwnership>) => ({ all: async () => new Map(Object.entries(entries)) }) as unknown as OwnershipFactsLoader;

const collect = async (found: EntityOwnership | undefined) =>
  (await ownershipFactProvider(loaderOf(found ? { [payments.entityRef]: found } : {})).collect([payments], { asOf: NOW })).get(payments.entityRef);

describe('ownership facts', () => {
  it('reads owner, team, member count and problem count from the ownership computation', async () => {
    const facts = readable(
      await collect({
        facts: owned({ problems: [{ kind: 'deployer-drift', message: 'm', fix: 'f' }, { kind: 'codeowners-drift', message: 'm', fix: 'f' }] }),
        codeowners: codeowners('drift'),
      }),
    );
    expect(facts).toEqual({
      'ownership.ownerExists': true,
      'ownership.ownerIsGroup': true,
      'ownership.ownerMembers': 4,
      'ownership.codeownersAgree': false,
      'ownership.problems': 2,
    });
  });

  it('says CODEOWNERS agree, as of when the file was read', async () => {
    const answers = await collect({ facts: owned(), codeowners: codeowners('agrees') });
    expect(answers?.['ownership.codeownersAgree']).toEqual({ value: true, observedAt: '2026-11-22T09:00:00.000Z' });
  });

  it('does not judge CODEOWNERS it has not read, or a repository without the file', async () => {
    expect(readable(await collect({ facts: owned() }))['ownership.codeownersAgree']).toBe('notReported: no CODEOWNERS read for this entity');
    expect(readable(await collect({ facts: owned(), codeowners: codeowners('no-file') }))['ownership.codeownersAgree']).toBe(
      'notReported: the repository has no CODEOWNERS file',
    );
  });

  it('does not compare CODEOWNERS for an entity without an owner', async () => {
    const facts = readable(
      await collect({ facts: owned({ ownerRef: undefined, ownerExists: false, ownerIsGroup: false, memberCount: null }), codeowners: codeowners('no-owner') }),
    );
    expect(facts['ownership.codeownersAgree']).toBe('notReported: the entity has no owner to compare with');
    expect(facts['ownership.ownerMembers']).toBeNull();
  });

  it('leaves out an entity the ownership computation does not know', async () => {
    expect(await collect(undefined)).toBeUndefined();
  });
});
