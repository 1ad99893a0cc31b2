import { Router } from 'express';
import type { SimulatorContext } from '../../context';
import type { Vendor } from '../types';
import { registerDeploymentRoutes } from './deployments';
import { sendError } from './errors';
import { registerProjectRoutes } from './projects';
import { registerRepositoryFileRoutes } from './repositoryFiles';

// GitLab REST API v4 (base https://gitlab.example.com/api/v4) under /gitlab/api/v4.

export function createGitlabVendor(ctx: SimulatorContext): Vendor {
  const router = Router();
  registerProjectRoutes(router, ctx);
  registerDeploymentRoutes(router, ctx);
  registerRepositoryFileRoutes(router, ctx);
  return { name: 'gitlab', basePath: '/gitlab/api/v4', router, sendError };
}
