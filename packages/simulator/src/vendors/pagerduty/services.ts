import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import { oncallDirectory, type PagerDutyService } from '../../data/oncall';
import { invalidInput, notFound } from './errors';
import { integrationJson, renderFor, serviceJson } from './json';
import { arrayParam, listRequest, sendPage, stringParam, timeZoneParam } from './params';

// Services: GET /services/{id}, GET /services (query, name, team_ids[], sort_by, include[], classic
// pagination) and GET /services/{id}/integrations/{integration_id}.
//
// `query` filters by name only, as PagerDuty documents it. There is no "service by integration key"
// lookup: list the services with include[]=integrations (every page) and match integration_key.

const SORTS = ['name', 'name:asc', 'name:desc'];

function findService(ctx: SimulatorContext, id: string): PagerDutyService | undefined {
  return oncallDirectory(ctx.scenario).pagerduty.services.find((s) => s.id === id);
}

export function registerServiceRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/services', (req, res) => {
    const list = listRequest(req, res);
    if (!list) return;
    const sortBy = stringParam(req, 'sort_by') ?? 'name';
    if (!SORTS.includes(sortBy)) return invalidInput(res, `Sort by must be one of ${SORTS.join(', ')}`);
    const query = stringParam(req, 'query')?.toLowerCase() ?? '';
    const name = stringParam(req, 'name');
    const teams = arrayParam(req, 'team_ids');
    const services = oncallDirectory(ctx.scenario)
      .pagerduty.services.filter((s) => s.name.toLowerCase().includes(query))
      .filter((s) => name === undefined || s.name === name)
      .filter(() => teams.length === 0) // services here belong to no PagerDuty team
      .sort((a, b) => a.name.localeCompare(b.name) * (sortBy === 'name:desc' ? -1 : 1));
    const r = renderFor(req, ctx, list.timeZone, list.include);
    sendPage(res, 'services', services, list, (s) => serviceJson(r, s));
  });

  router.get('/services/:id', (req, res) => {
    const service = findService(ctx, req.params.id!);
    if (!service) return notFound(res);
    const timeZone = timeZoneParam(req, res, 'UTC');
    if (timeZone === undefined) return;
    res.json({ service: serviceJson(renderFor(req, ctx, timeZone, new Set(arrayParam(req, 'include'))), service) });
  });

  router.get('/services/:id/integrations/:integrationId', (req, res) => {
    const service = findService(ctx, req.params.id!);
    const integration = service?.integrations.find((i) => i.id === req.params.integrationId);
    if (!service || !integration) return notFound(res);
    const timeZone = timeZoneParam(req, res, 'UTC');
    if (timeZone === undefined) return;
    res.json({ integration: integrationJson(renderFor(req, ctx, timeZone, new Set()), service, integration) });
  });
}
