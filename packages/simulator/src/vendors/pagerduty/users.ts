import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import { oncallDirectory } from '../../data/oncall';
import { notFound } from './errors';
import { renderFor, userJson } from './json';
import { listRequest, sendPage, stringParam, timeZoneParam } from './params';

// Users: GET /users/{id} and GET /users (query on name or email, classic pagination) — the people on the
// scenario's PagerDuty and Opsgenie rotas.

export function registerUserRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/users', (req, res) => {
    const list = listRequest(req, res);
    if (!list) return;
    const query = stringParam(req, 'query')?.toLowerCase() ?? '';
    const users = oncallDirectory(ctx.scenario)
      .users.filter((u) => u.name.toLowerCase().includes(query) || u.email.includes(query))
      .sort((a, b) => a.name.localeCompare(b.name));
    const r = renderFor(req, ctx, list.timeZone, list.include);
    sendPage(res, 'users', users, list, (u) => userJson(r, u));
  });

  router.get('/users/:id', (req, res) => {
    const user = oncallDirectory(ctx.scenario).users.find((u) => u.pagerdutyId === req.params.id);
    if (!user) return notFound(res);
    const timeZone = timeZoneParam(req, res, 'UTC');
    if (timeZone === undefined) return;
    res.json({ user: userJson(renderFor(req, ctx, timeZone, new Set()), user) });
  });
}
