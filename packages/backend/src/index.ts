import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
// Actions for AI agents as MCP tools at /api/mcp-actions/v1: those of the plugins in backend.actions.pluginSources.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
// The demo allows everything; a real install puts Opsfolio's cost and exemption permissions in its policy.
backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@opsfolio/backstage-plugin-backend'));
backend.add(import('@opsfolio/backstage-plugin-backend-module-github'));
backend.add(import('@opsfolio/backstage-plugin-backend-module-gitlab'));
backend.add(import('@opsfolio/backstage-plugin-backend-module-pagerduty'));
backend.add(import('@opsfolio/backstage-plugin-backend-module-opsgenie'));
backend.add(import('@opsfolio/backstage-plugin-backend-module-aws'));
backend.add(import('@opsfolio/backstage-plugin-backend-module-focus'));

backend.start();
