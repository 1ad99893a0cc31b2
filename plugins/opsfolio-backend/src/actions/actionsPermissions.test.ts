import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult, type Permission } from '@backstage/plugin-permission-common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { opsfolioCostReadPermission } from '@opsfolio/backstage-plugin-common';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { COST_ACTION } from './costActions';
import { OWNERSHIP_ACTION, ownershipOutput } from './ownershipActions';
import { call, callFailing, connect, costModule, entities } from '../testing/actionsWorld';

const denying = (denied: Permission) => {
  const decide = (permission: Permission) => ({
    result: permission.name === denied.name ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  });
  return mockServices.permissions.mock({
    authorize: async requests => requests.map(r => decide(r.permission)) as any,
    authorizeConditional: async requests => requests.map(r => decide(r.permission)) as any,
  }).factory;
};

describe('Opsfolio actions under a policy that denies opsfolio.cost.read', () => {
  let backend: OpsfolioTestBackend;
  let client: Client;

  beforeAll(async () => {
    backend = await startOpsfolioTestBackend({
      features: [mcpActionsPlugin, costModule, denying(opsfolioCostReadPermission)],
      entities,
      config: { backend: { actions: { pluginSources: ['opsfolio'] } } },
    });
    await backend.runSync('fake-cost');
    client = await connect(backend, backend.userHeader);
  });
  afterAll(async () => {
    await client?.close();
    await backend?.stop();
  });

  it('refuses the cost of an entity, naming the permission, and still answers the rest', async () => {
    expect(await callFailing(client, COST_ACTION, { entityRef: 'payments-api' })).toBe(
      'NotAllowedError: Not allowed: opsfolio.cost.read'
    );
    const ownership = await call(client, OWNERSHIP_ACTION, ownershipOutput, { entityRef: 'payments-api' });
    expect(ownership.owner.ref).toBe('group:default/team-payments');
  });
});
