import type { Request, Router } from 'express';
import type { SimulatorContext } from '../../context';
import { componentOnCall, findIncident, vendorIncidents, type Incident, type OpsgenieTeam } from '../../data/oncall';
import { offsetPage, offsetRequest, requestUrl } from '../../http/pagination';
import { parseAlertQuery, QueryError, type QueryableAlert } from './alertQuery';
import { identifierType, sendData, stringParam } from './envelope';
import { notFound, unprocessable } from './errors';
import { alertAlias, alertDetailJson, alertJson, INTEGRATION_NAME } from './json';

// Alerts: GET /v2/alerts (query, offset, limit 1..100 default 20, sort, order; paging with absolute URLs)
// and GET /v2/alerts/{identifier}?identifierType=id|tiny|alias. The incidents of components on Opsgenie,
// tagged `service:<component>`, owned by the component's team.

const SORTS: Record<string, (i: Incident) => string | number> = {
  createdAt: (i) => i.createdAt,
  updatedAt: (i) => i.lastStatusChangeAt,
  lastOccurredAt: (i) => i.createdAt,
  tinyId: (i) => i.number,
  alias: (i) => alertAlias(i),
  message: (i) => i.title,
  status: (i) => (i.status === 'resolved' ? 'closed' : 'open'),
  acknowledged: (i) => (i.acknowledgedAt !== undefined ? 1 : 0),
  isSeen: (i) => (i.acknowledgedAt !== undefined || i.status === 'resolved' ? 1 : 0),
  snoozed: () => 0,
  count: (i) => 1 + (i.number % 3),
  source: () => INTEGRATION_NAME,
  owner: (i) => i.acknowledgedBy?.email ?? '',
  priority: (i) => i.severity,
};

function teamOf(ctx: SimulatorContext, incident: Incident): OpsgenieTeam {
  return componentOnCall(ctx.scenario, incident.component)!.opsgenie!;
}

function queryable(incident: Incident, team: OpsgenieTeam): QueryableAlert {
  const json = alertJson(incident, team);
  return {
    text: {
      tag: json.tags,
      teams: [team.name, team.id],
      responders: [team.name, team.id],
      status: json.status,
      acknowledged: String(json.acknowledged),
      isseen: String(json.isSeen),
      snoozed: 'false',
      priority: json.priority,
      message: json.message,
      description: incident.title,
      alias: json.alias,
      tinyid: json.tinyId,
      id: json.id,
      source: json.source,
      owner: json.owner,
      entity: incident.component,
      'integration.name': INTEGRATION_NAME,
      'details.component': incident.component,
      'details.severity': incident.severity,
      'details.urgency': incident.urgency,
    },
    times: {
      createdAt: incident.createdAt,
      updatedAt: incident.lastStatusChangeAt,
      lastOccurredAt: incident.createdAt,
      count: json.count,
    },
  };
}

/** paging.first/next/prev/last: this request's absolute URL with `offset` (and `limit`) set. */
function pagingLinks(req: Request, offset: number, limit: number, total: number) {
  const at = (target: number) => {
    const url = requestUrl(req);
    url.searchParams.set('offset', String(target));
    url.searchParams.set('limit', String(limit));
    return url.toString();
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  return {
    ...(offset + limit < total ? { next: at(offset + limit) } : {}),
    ...(offset > 0 ? { prev: at(Math.max(0, offset - limit)) } : {}),
    first: at(0),
    last: at(last),
  };
}

export function registerAlertRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/v2/alerts', (req, res) => {
    const paging = offsetRequest(req.query, { limit: 20, maxLimit: 100, overMax: 'reject' });
    if (!paging.ok) return unprocessable(res, paging.problem);
    const sort = stringParam(req, 'sort') ?? 'createdAt';
    const order = stringParam(req, 'order') ?? 'desc';
    if (!(sort in SORTS)) return unprocessable(res, `sort must be one of [${Object.keys(SORTS).join(', ')}]`);
    if (order !== 'asc' && order !== 'desc') return unprocessable(res, 'order must be one of [asc, desc]');
    let predicate;
    try {
      predicate = parseAlertQuery(stringParam(req, 'query') ?? '');
    } catch (error) {
      if (error instanceof QueryError) return unprocessable(res, `Invalid query: ${error.message}`);
      throw error;
    }
    const key = SORTS[sort]!;
    const sign = order === 'desc' ? -1 : 1;
    const alerts = vendorIncidents(ctx, 'opsgenie')
      .map((incident) => ({ incident, team: teamOf(ctx, incident) }))
      .filter(({ incident, team }) => predicate(queryable(incident, team)))
      .sort((a, b) => {
        const x = key(a.incident);
        const y = key(b.incident);
        return (x < y ? -1 : x > y ? 1 : a.incident.number - b.incident.number) * sign;
      });
    const { offset, limit } = paging.value;
    sendData(
      res,
      offsetPage(alerts, paging.value).map(({ incident, team }) => alertJson(incident, team)),
      { paging: pagingLinks(req, offset, limit, alerts.length) },
    );
  });

  router.get('/v2/alerts/:identifier', (req, res) => {
    const type = identifierType(req, 'alert', ['id', 'tiny', 'alias']);
    if (!type) return unprocessable(res, 'identifierType must be one of [id, tiny, alias]');
    const identifier = req.params.identifier!;
    const incident =
      type === 'id'
        ? findIncident(ctx, 'opsgenie', identifier)
        : vendorIncidents(ctx, 'opsgenie').find((i) =>
            type === 'tiny' ? String(i.number) === identifier : alertAlias(i) === identifier,
          );
    if (!incident) return notFound(res, `Alert with ${type} [${identifier}]`);
    sendData(res, alertDetailJson(incident, teamOf(ctx, incident)));
  });
}
