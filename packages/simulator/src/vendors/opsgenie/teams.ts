import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import { findTeam, opsgenieTeams } from './directory';
import { apiBase, identifierType, sendData } from './envelope';
import { notFound, unprocessable } from './errors';
import { teamJson } from './json';

// Teams: GET /v2/teams and GET /v2/teams/{identifier}?identifierType=id|name (with members and roles).

export function registerTeamRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/v2/teams', (req, res) => {
    sendData(res, opsgenieTeams(ctx).map((t) => teamJson(apiBase(req), t, false)));
  });

  router.get('/v2/teams/:identifier', (req, res) => {
    const type = identifierType(req, 'team', ['id', 'name']);
    if (!type) return unprocessable(res, 'identifierType must be one of [id, name]');
    const team = findTeam(ctx, req.params.identifier!, type);
    if (!team) return notFound(res, `Team with ${type} [${req.params.identifier}]`);
    sendData(res, teamJson(apiBase(req), team, true));
  });
}
