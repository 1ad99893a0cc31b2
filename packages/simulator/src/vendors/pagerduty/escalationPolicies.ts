import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import { oncallDirectory, type EscalationPolicy } from '../../data/oncall';
import { invalidInput, notFound } from './errors';
import { policyJson, renderFor } from './json';
import { arrayParam, listRequest, sendPage, stringParam, timeZoneParam } from './params';

// Escalation policies: GET /escalation_policies/{id} and GET /escalation_policies (query, user_ids[],
// team_ids[], sort_by, include[] = services | teams | targets, classic pagination). Rules list their
// targets: schedule_reference for a rotation, user_reference for a user paged directly.

const SORTS = ['name', 'name:asc', 'name:desc'];

function targetsUser(policy: EscalationPolicy, userIds: string[]): boolean {
  return policy.levels.some((level) =>
    level.targets.some((t) =>
      t.type === 'user' ? userIds.includes(t.user.pagerdutyId) : t.schedule.members.some((m) => userIds.includes(m.pagerdutyId)),
    ),
  );
}

export function registerEscalationPolicyRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/escalation_policies', (req, res) => {
    const list = listRequest(req, res);
    if (!list) return;
    const sortBy = stringParam(req, 'sort_by') ?? 'name';
    if (!SORTS.includes(sortBy)) return invalidInput(res, `Sort by must be one of ${SORTS.join(', ')}`);
    const query = stringParam(req, 'query')?.toLowerCase() ?? '';
    const userIds = arrayParam(req, 'user_ids');
    const teams = arrayParam(req, 'team_ids');
    const { policies, services } = oncallDirectory(ctx.scenario).pagerduty;
    const matching = policies
      .filter((p) => p.name.toLowerCase().includes(query))
      .filter((p) => userIds.length === 0 || targetsUser(p, userIds))
      .filter(() => teams.length === 0)
      .sort((a, b) => a.name.localeCompare(b.name) * (sortBy === 'name:desc' ? -1 : 1));
    const r = renderFor(req, ctx, list.timeZone, list.include);
    sendPage(res, 'escalation_policies', matching, list, (p) => policyJson(r, p, services));
  });

  router.get('/escalation_policies/:id', (req, res) => {
    const { policies, services } = oncallDirectory(ctx.scenario).pagerduty;
    const policy = policies.find((p) => p.id === req.params.id);
    if (!policy) return notFound(res);
    const timeZone = timeZoneParam(req, res, 'UTC');
    if (timeZone === undefined) return;
    const r = renderFor(req, ctx, timeZone, new Set(arrayParam(req, 'include')));
    res.json({ escalation_policy: policyJson(r, policy, services) });
  });
}
