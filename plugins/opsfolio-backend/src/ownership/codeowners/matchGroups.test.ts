import type { Entity } from '@backstage/catalog-model';
import { checkCodeowners } from './check';
import { codeownersDrift, matchOwners, ownerDirectory } from './matchGroups';

const group = (name: string, annotations: Record<string, string> = {}, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, annotations, ...(namespace && { namespace }) },
  spec: { type: 'team', children: [] },
});
const user = (name: string, email?: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, annotations },
  spec: { memberOf: ['team-payments'], ...(email && { profile: { email } }) },
});

const directory = ownerDirectory([
  group('payments', { 'github.com/team-slug': 'acme/pay-squad' }),
  group('team-checkout'),
  group('team-checkout', {}, 'other'),
  group('team-sre', {}, 'platform'),
  user('jane.doe', 'Jane@Acme.example', { 'github.com/user-login': 'janed' }),
  user('octocat'),
]);

describe('matchOwners', () => {
  it('maps teams by team-slug, then name; users by login, then name; emails by profile email', () => {
    expect(
      matchOwners(
        ['@acme/pay-squad', '@ACME/Team-Checkout', '@acme/team-sre', '@acme/payments', '@JaneD', '@octocat', 'jane@acme.example', '@nobody', 'x@y.example'],
        directory,
      ),
    ).toEqual([
      { owner: '@acme/pay-squad', kind: 'team', entityRef: 'group:default/payments' },
      { owner: '@ACME/Team-Checkout', kind: 'team', entityRef: 'group:default/team-checkout' },
      { owner: '@acme/team-sre', kind: 'team', entityRef: 'group:platform/team-sre' },
      { owner: '@acme/payments', kind: 'team', entityRef: 'group:default/payments' },
      { owner: '@JaneD', kind: 'user', entityRef: 'user:default/jane.doe' },
      { owner: '@octocat', kind: 'user', entityRef: 'user:default/octocat' },
      { owner: 'jane@acme.example', kind: 'email', entityRef: 'user:default/jane.doe' },
      { owner: '@nobody', kind: 'user' },
      { owner: 'x@y.example', kind: 'email' },
    ]);
  });
});

describe('codeownersDrift', () => {
  const match = (...owners: string[]) => ({ line: 3, pattern: '*', owners });

  it('agrees when the owning group is among the owners, listing them all', () => {
    expect(codeownersDrift({ entityOwnerRef: 'payments', match: match('@octocat', '@acme/pay-squad'), directory })).toEqual({
      status: 'agrees',
      ownerRef: 'group:default/payments',
      rule: { line: 3, pattern: '*' },
      owners: [
        { owner: '@octocat', kind: 'user', entityRef: 'user:default/octocat' },
        { owner: '@acme/pay-squad', kind: 'team', entityRef: 'group:default/payments' },
      ],
    });
  });

  it('reports drift when another team owns it', () => {
    const result = codeownersDrift({ entityOwnerRef: 'group:default/payments', match: match('@acme/team-checkout'), directory });
    expect(result.status).toBe('drift');
    expect(result.owners).toEqual([{ owner: '@acme/team-checkout', kind: 'team', entityRef: 'group:default/team-checkout' }]);
  });

  it('does not count a listed member of the owning group as the group', () => {
    expect(codeownersDrift({ entityOwnerRef: 'payments', match: match('@janed'), directory }).status).toBe('drift');
  });

  it('agrees with a user owner listed as a user or by email', () => {
    expect(codeownersDrift({ entityOwnerRef: 'user:jane.doe', match: match('@janed'), directory }).status).toBe('agrees');
    expect(codeownersDrift({ entityOwnerRef: 'user:default/jane.doe', match: match('jane@acme.example'), directory }).status).toBe('agrees');
  });

  it('agrees by name when both name a team the catalog lacks', () => {
    const result = codeownersDrift({ entityOwnerRef: 'team-promotions', match: match('@acme/team-promotions'), directory });
    expect(result).toMatchObject({ status: 'agrees', owners: [{ owner: '@acme/team-promotions', kind: 'team' }] });
    expect(result.owners[0]!.entityRef).toBeUndefined();
  });

  it('uses the namespace given for a bare owner name', () => {
    expect(codeownersDrift({ entityOwnerRef: 'team-sre', namespace: 'platform', match: match('@acme/team-sre'), directory }).status).toBe('agrees');
    expect(codeownersDrift({ entityOwnerRef: 'team-sre', match: match('@acme/team-sre'), directory }).status).toBe('drift');
  });

  it('tells an unowned rule from no rule', () => {
    expect(codeownersDrift({ entityOwnerRef: 'payments', match: match(), directory })).toMatchObject({ status: 'unowned', rule: { line: 3 } });
    expect(codeownersDrift({ entityOwnerRef: 'payments', match: undefined, directory })).toEqual({
      status: 'no-rule',
      ownerRef: 'group:default/payments',
      owners: [],
    });
  });
});

describe('checkCodeowners', () => {
  it('resolves the entity directory in a monorepo file and reports skipped lines', () => {
    const text = '* @acme/team-checkout\n/services/payments/ @acme/pay-squad\n/services/payments/*.sql @dba\n/x/ dba\n';
    const file = { url: 'https://github.com/acme/mono/blob/main/.github/CODEOWNERS', text };
    expect(checkCodeowners({ file, path: 'services/payments/', entityOwnerRef: 'payments', directory })).toEqual({
      status: 'agrees',
      ownerRef: 'group:default/payments',
      rule: { line: 2, pattern: '/services/payments/' },
      owners: [{ owner: '@acme/pay-squad', kind: 'team', entityRef: 'group:default/payments' }],
      url: file.url,
      path: 'services/payments/',
      problems: [{ line: 4, message: 'invalid owner "dba": use @user, @org/team or an email' }],
    });
    expect(checkCodeowners({ file, path: '', entityOwnerRef: 'payments', directory }).status).toBe('drift');
  });

  it('reads a file from GitLab with GitLab\'s rules: sections, and a nested group by its last part', () => {
    const text = '[Platform]\n* @acme/platform\n[Checkout] @acme/shop/team-checkout\n/services/checkout/\n';
    const file = { url: 'https://git.acme.example/acme/mono/-/blob/main/CODEOWNERS', text };
    // Both sections own the directory; the owning team is among the owners, named by its nested path.
    const check = checkCodeowners({ file, path: 'services/checkout/', entityOwnerRef: 'team-checkout', directory });
    expect(check).toMatchObject({ status: 'agrees', problems: [], ownerRef: 'group:default/team-checkout' });
    expect(check.owners).toEqual([
      { owner: '@acme/platform', kind: 'team' },
      { owner: '@acme/shop/team-checkout', kind: 'team', entityRef: 'group:default/team-checkout' },
    ]);
    // The same text read as GitHub's: section lines are invalid, so only `* @acme/platform` and the path remain.
    expect(checkCodeowners({ file: { ...file, url: 'https://github.com/acme/mono/blob/main/CODEOWNERS' }, path: 'services/checkout/', entityOwnerRef: 'team-checkout', directory }).status).not.toBe('agrees');
  });
});
