import type Router from '@koa/router';
import type { RouterContext } from '@koa/router';
import type { Types } from 'mongoose';

import { applicantPath } from '../applicants/applicant.representation.js';
import { ValidationError } from '../lib/errors.js';
import { jsonBody } from '../lib/http/json-body.js';
import type { AppState } from '../lib/http/state.js';
import { parseResourceId } from '../lib/input/object-id.js';
import { validateInput } from '../lib/input/validate.js';
import { EXPERIENCE_FIELD_NAMES, experienceSchemas } from './experience.schemas.js';
import * as experienceService from './experience.service.js';

type Context = RouterContext<AppState>;

/**
 * Returns the applicant named by the path, by the body, or by both when they agree. Throws a
 * ValidationError naming `Applicant` when neither names one or when the two differ.
 */
function chooseApplicantId(
  pathId: Types.ObjectId | undefined,
  bodyId: Types.ObjectId | undefined,
): Types.ObjectId {
  if (pathId && bodyId && !pathId.equals(bodyId)) {
    throw ValidationError.forField(
      'Applicant',
      `Applicant ${bodyId.toHexString()} differs from the applicant ${pathId.toHexString()} in the path.`,
    );
  }
  const id = pathId ?? bodyId;
  if (!id) {
    throw ValidationError.forField('Applicant', 'Applicant is required.');
  }
  return id;
}

// Serves `POST /api/experience/:id`, where the path names the applicant, and
// `POST /api/experience`, where the body does. The response has no body, and its `Location`
// is the applicant, whose representation lists the new experience.
async function createExperience(ctx: Context): Promise<void> {
  const pathId =
    ctx.params.id === undefined ? undefined : parseResourceId(ctx.params.id, 'applicant');
  const body = ctx.request.body as object;
  const { applicant, ...fields } = validateInput(
    experienceSchemas.createExperience,
    body,
    EXPERIENCE_FIELD_NAMES,
  );
  const applicantId = chooseApplicantId(pathId, applicant);

  await experienceService.createExperience(applicantId, fields);

  // Koa sends the status text as the body unless the body is explicitly null. Setting it to null
  // also sets the status to 204, so the status is set after it.
  ctx.body = null;
  ctx.status = 201;
  ctx.set('Location', applicantPath(applicantId));
}

/** Registers `POST /api/experience` and `POST /api/experience/:id`, which add an experience. */
export function registerExperienceRoutes(router: Router<AppState>): void {
  router.post('/api/experience', jsonBody, createExperience);
  router.post('/api/experience/:id', jsonBody, createExperience);
}
