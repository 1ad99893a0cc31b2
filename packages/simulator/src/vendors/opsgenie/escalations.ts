import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import { findEscalationTeam, opsgenieTeams } from './directory';
import { identifierType, sendData } from './envelope';
import { notFound, unprocessable } from './errors';
import { escalationJson } from './json';

// Escalations: GET /v2/escalations and GET /v2/escalations/{identifier}?identifierType=id|name. A team's
// `<team>_escalation` notifies its schedule's on-call at once, the schedule's next on-call (notifyType
// "next") after 10 minutes, and the manager directly after 20 — as many rules as it has levels.

export function registerEscalationRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/v2/escalations', (_req, res) => {
    sendData(res, opsgenieTeams(ctx).map(escalationJson));
  });

  router.get('/v2/escalations/:identifier', (req, res) => {
    const type = identifierType(req, 'escalation', ['id', 'name']);
    if (!type) return unprocessable(res, 'identifierType must be one of [id, name]');
    const team = findEscalationTeam(ctx, req.params.identifier!, type);
    if (!team) return notFound(res, `Escalation with ${type} [${req.params.identifier}]`);
    sendData(res, escalationJson(team));
  });
}
