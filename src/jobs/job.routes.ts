import type Router from '@koa/router';
import type { RouterContext } from '@koa/router';

import { jsonBody } from '../lib/http/json-body.js';
import type { AppState } from '../lib/http/state.js';
import { parseNewResourceId, parseResourceId } from '../lib/input/object-id.js';
import { validateInput } from '../lib/input/validate.js';
import { PAGINATION_FIELD_NAMES, toPage } from '../lib/pagination.js';
import { jobPath, representJob } from './job.representation.js';
import { JOB_FIELD_NAMES, jobSchemas } from './job.schemas.js';
import * as jobService from './job.service.js';

type Context = RouterContext<AppState>;

async function listJobs(ctx: Context): Promise<void> {
  const page = validateInput(jobSchemas.listJobs, ctx.query, PAGINATION_FIELD_NAMES);
  const { items, total } = await jobService.listJobs(page);
  ctx.body = toPage(items.map(representJob), total, page);
}

async function getJob(ctx: Context): Promise<void> {
  const id = parseResourceId(ctx.params.id!, 'job');
  const job = await jobService.getJob(id);
  ctx.body = representJob(job);
}

// Serves both `POST /api/jobs` and `POST /api/jobs/:id`, where the client chooses the id.
async function createJob(ctx: Context): Promise<void> {
  const id = ctx.params.id === undefined ? undefined : parseNewResourceId(ctx.params.id);
  const fields = validateInput(jobSchemas.createJob, ctx.request.body as object, JOB_FIELD_NAMES);

  const job = await jobService.createJob(fields, id);

  ctx.status = 201;
  ctx.set('Location', jobPath(job._id));
  ctx.body = representJob(job);
}

async function updateJob(ctx: Context): Promise<void> {
  const id = parseResourceId(ctx.params.id!, 'job');
  const changes = validateInput(jobSchemas.updateJob, ctx.request.body as object, JOB_FIELD_NAMES);

  const job = await jobService.updateJob(id, changes);

  ctx.body = representJob(job);
}

/** Registers `/api/jobs` (list, create) and `/api/jobs/:id` (read, update, create with that id). */
export function registerJobRoutes(router: Router<AppState>): void {
  router.get('/api/jobs', listJobs);
  router.post('/api/jobs', jsonBody, createJob);
  router.get('/api/jobs/:id', getJob);
  router.patch('/api/jobs/:id', jsonBody, updateJob);
  router.post('/api/jobs/:id', jsonBody, createJob);
}
