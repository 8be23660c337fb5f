import type Router from '@koa/router';
import type { RouterContext } from '@koa/router';

import { jsonBody } from '../lib/http/json-body.js';
import type { AppState } from '../lib/http/state.js';
import { parseNewResourceId, parseResourceId } from '../lib/input/object-id.js';
import { validateInput } from '../lib/input/validate.js';
import { toPage } from '../lib/pagination.js';
import { applicantPath, representApplicant } from './applicant.representation.js';
import {
  APPLICANT_FIELD_NAMES,
  APPLICANT_QUERY_FIELD_NAMES,
  applicantSchemas,
} from './applicant.schemas.js';
import * as applicantService from './applicant.service.js';

type Context = RouterContext<AppState>;

async function listApplicants(ctx: Context): Promise<void> {
  const query = validateInput(
    applicantSchemas.listApplicants,
    ctx.query,
    APPLICANT_QUERY_FIELD_NAMES,
  );
  const { items, total } = await applicantService.listApplicants(query);
  ctx.body = toPage(items.map(representApplicant), total, query);
}

async function getApplicant(ctx: Context): Promise<void> {
  const id = parseResourceId(ctx.params.id!, 'applicant');
  const details = await applicantService.getApplicant(id);
  ctx.body = representApplicant(details);
}

// Serves both `POST /api/applicant` and `POST /api/applicant/:id`, where the client chooses the id.
async function createApplicant(ctx: Context): Promise<void> {
  const id = ctx.params.id === undefined ? undefined : parseNewResourceId(ctx.params.id);
  const body = ctx.request.body as object;
  const fields = validateInput(applicantSchemas.createApplicant, body, APPLICANT_FIELD_NAMES);

  const details = await applicantService.createApplicant(fields, id);

  ctx.status = 201;
  ctx.set('Location', applicantPath(details.applicant._id));
  ctx.body = representApplicant(details);
}

async function updateApplicant(ctx: Context): Promise<void> {
  const id = parseResourceId(ctx.params.id!, 'applicant');
  const body = ctx.request.body as object;
  const changes = validateInput(applicantSchemas.updateApplicant, body, APPLICANT_FIELD_NAMES);

  const details = await applicantService.updateApplicant(id, changes);

  ctx.body = representApplicant(details);
}

/**
 * Registers `/api/applicant` (list, create) and `/api/applicant/:id` (read, update, create with
 * that id).
 */
export function registerApplicantRoutes(router: Router<AppState>): void {
  router.get('/api/applicant', listApplicants);
  router.post('/api/applicant', jsonBody, createApplicant);
  router.get('/api/applicant/:id', getApplicant);
  router.patch('/api/applicant/:id', jsonBody, updateApplicant);
  router.post('/api/applicant/:id', jsonBody, createApplicant);
}
