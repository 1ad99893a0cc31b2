import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import { codeownersFile } from '../../data/codeowners/codeownersFiles';
import { matchesIfNoneMatch } from '../../http/etag';
import { sendError } from './errors';
import { projectFromPath } from './projects';

// GET /projects/:id/repository/files/:file_path/raw?ref=<branch>: a file's bytes (`:file_path` URL-encoded,
// `docs%2FCODEOWNERS`), with the blob id as `X-Gitlab-Blob-Id` and an ETag, so a read with `If-None-Match`
// gets a 304. Only the project's CODEOWNERS exists; other paths answer GitLab's 404 File Not Found.

export function registerRepositoryFileRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/projects/:id/repository/files/:file_path/raw', (req, res) => {
    const project = projectFromPath(ctx, req, res);
    if (!project) return;
    const ref = req.query.ref;
    // `HEAD` and no ref both mean the default branch; the simulated projects have no other.
    if (ref !== undefined && ref !== project.defaultBranch && ref !== 'HEAD') return sendError(res, 404, 'Commit Not Found');
    const file = codeownersFile(ctx, project.component);
    if (!file || file.path !== req.params.file_path) return sendError(res, 404, 'File Not Found');
    const etag = `"${file.sha}"`;
    res.setHeader('ETag', etag);
    res.setHeader('X-Gitlab-Blob-Id', file.sha);
    res.setHeader('X-Gitlab-File-Path', file.path);
    if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    res.type('text/plain; charset=utf-8').send(file.text);
  });
}
