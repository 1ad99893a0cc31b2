import { Router } from 'express';
import type { SimulatorContext } from '../../context';
import type { Vendor } from '../types';
import { registerAlertRoutes } from './alerts';
import { requireGenieKey } from './envelope';
import { sendError } from './errors';
import { registerEscalationRoutes } from './escalations';
import { registerScheduleRoutes } from './schedules';
import { registerTeamRoutes } from './teams';

// Opsgenie REST API (base https://api.opsgenie.com) under /opsgenie: teams, schedules with on-calls and
// timelines, escalations, alerts. Every request needs `Authorization: GenieKey <key>`.

export function createOpsgenieVendor(ctx: SimulatorContext): Vendor {
  const router = Router();
  router.use(requireGenieKey);
  registerTeamRoutes(router, ctx);
  registerScheduleRoutes(router, ctx);
  registerEscalationRoutes(router, ctx);
  registerAlertRoutes(router, ctx);
  return { name: 'opsgenie', basePath: '/opsgenie', router, sendError };
}
