import { Router } from 'express';
import type { SimulatorContext } from '../../context';
import type { Vendor } from '../types';
import { registerCompareRoutes } from './compare';
import { registerContentsRoutes } from './contents';
import { registerDeploymentRoutes } from './deployments';
import { sendError } from './errors';
import { apiVersion, rateLimit } from './middleware';
import { registerRepoRoutes } from './repos';

// GitHub REST API (base https://api.github.com) under /github.

export function createGithubVendor(ctx: SimulatorContext): Vendor {
  const router = Router();
  router.use(apiVersion);
  router.use(rateLimit(ctx));
  registerRepoRoutes(router, ctx);
  registerDeploymentRoutes(router, ctx);
  registerCompareRoutes(router, ctx);
  registerContentsRoutes(router, ctx);
  return {
    name: 'github',
    basePath: '/github',
    router,
    sendError: (res, status, message) => sendError(res, status, message),
  };
}
