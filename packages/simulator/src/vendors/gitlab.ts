import { Router, type Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { SimulatorContext } from '../context';
import type { Vendor } from './types';

// GitLab REST API v4 (base https://gitlab.example.com/api/v4) under /gitlab/api/v4. Endpoints come later.

function sendError(res: Response, status: number, message?: string): void {
  // GitLab puts the status in the message: {"message":"404 Project Not Found"}
  res.status(status).json({ message: `${status} ${message ?? STATUS_CODES[status] ?? 'Error'}` });
}

export function createGitlabVendor(_ctx: SimulatorContext): Vendor {
  return { name: 'gitlab', basePath: '/gitlab/api/v4', router: Router(), sendError };
}
