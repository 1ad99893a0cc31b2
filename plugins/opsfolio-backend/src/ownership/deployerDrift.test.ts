import type { Entity } from '@backstage/catalog-model';
import { deployerDriftProblems } from './deployerDrift';
import { buildOwnershipIndex } from './ownershipIndex';

const group = (name: string, title: string, members: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, title },
  spec: { type: 'team', children: [] },
  relations: members.map(m => ({ type: 'hasMember', targetRef: `user:default/${m}` })),
});
const user = (name: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, annotations },
  spec: { profile: { email: `${name}@acme.example` } },
});
const index = buildOwnershipIndex([
  group('identity', 'Identity', ['nina.patel']),
  group('growth', 'Growth', ['jade.wilson', 'kofi.mensah']),
  user('nina.patel'),
  user('jade.wilson'),
  user('kofi.mensah', { 'github.com/user-login': 'kmensah' }),
]);
const OWNER = 'group:default/identity';

describe('deployer drift', () => {
  it('names the team that ships most of the deploys, matching GitHub logins and annotations to catalog users', () => {
    // jade-wilson (GitHub drops the dot) 20 + kmensah (annotated login) 16 = 36 by Growth, 4 by Identity, the bot is unknown.
    const problems = deployerDriftProblems(index, OWNER, [
      { actor: 'jade-wilson', deploys: 20 },
      { actor: 'kmensah', deploys: 16 },
      { actor: 'nina.patel', deploys: 4 },
      { actor: 'release-bot', deploys: 50 },
    ], 90);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'deployer-drift', message: 'Mostly deployed by Growth: 36 of 40 deploys in the last 90 days (4 by Identity).' }),
    ]);
  });

  it('says nothing when the owner ships at least half, no other team has a majority, or there are too few deploys', () => {
    expect(deployerDriftProblems(index, OWNER, [{ actor: 'jade-wilson', deploys: 10 }, { actor: 'nina.patel', deploys: 10 }], 90)).toEqual([]);
    expect(deployerDriftProblems(index, OWNER, [{ actor: 'jade-wilson', deploys: 4 }], 90)).toEqual([]);
    expect(deployerDriftProblems(index, 'user:default/nina.patel', [{ actor: 'jade-wilson', deploys: 40 }], 90)).toEqual([]);
  });
});
