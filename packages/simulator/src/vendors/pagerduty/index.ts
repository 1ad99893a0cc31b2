import { Router } from 'express';
import type { SimulatorContext } from '../../context';
import type { Vendor } from '../types';
import { registerEscalationPolicyRoutes } from './escalationPolicies';
import { sendError } from './errors';
import { registerIncidentRoutes } from './incidents';
import { rateLimit, requireAuth } from './middleware';
import { registerOncallRoutes } from './oncalls';
import { registerScheduleRoutes } from './schedules';
import { registerServiceRoutes } from './services';
import { registerUserRoutes } from './users';

// PagerDuty REST API v2 (base https://api.pagerduty.com) under /pagerduty: services, escalation policies,
// on-calls, schedules, incidents and their log entries, users. Every request needs
// `Authorization: Token token=…` (or `Bearer …`) and counts against the rate limit.

export function createPagerDutyVendor(ctx: SimulatorContext): Vendor {
  const router = Router();
  router.use(requireAuth);
  router.use(rateLimit(ctx));
  registerServiceRoutes(router, ctx);
  registerEscalationPolicyRoutes(router, ctx);
  registerOncallRoutes(router, ctx);
  registerScheduleRoutes(router, ctx);
  registerIncidentRoutes(router, ctx);
  registerUserRoutes(router, ctx);
  return { name: 'pagerduty', basePath: '/pagerduty', router, sendError: (res, status, message) => sendError(res, status, message) };
}
