import Joi from 'joi';
import type { Types } from 'mongoose';

import { defineFieldNames, mergeFieldNames } from '../lib/input/fields.js';
import { objectIdSchema } from '../lib/input/object-id.js';
import { PAGINATION_FIELD_NAMES, paginationKeys, type PageRequest } from '../lib/pagination.js';
import { APPLICANT_LIMITS } from './applicant.model.js';
import { APPLICANT_STATUSES, canonicalizeStatus, type ApplicantStatus } from './status.js';

/** An applicant's writable fields, as the service receives them. */
export interface ApplicantFields {
  job: Types.ObjectId;
  firstName: string;
  lastName: string;
  email: string;
  status?: ApplicantStatus;
}

/** The filters and page of an applicant list. */
export interface ApplicantQuery extends PageRequest {
  job?: Types.ObjectId;
  status?: ApplicantStatus;
}

export const APPLICANT_FIELD_NAMES = defineFieldNames({
  Job: 'job',
  Job_id: 'job',
  First_name: 'firstName',
  Last_name: 'lastName',
  Email: 'email',
  Status: 'status',
});

export const APPLICANT_QUERY_FIELD_NAMES = mergeFieldNames(
  PAGINATION_FIELD_NAMES,
  defineFieldNames({ job: 'job', job_id: 'job', status: 'status' }),
);

const STATUS_LIST = APPLICANT_STATUSES.map((status) => `"${status}"`).join(', ');

/** Accepts any spelling that `canonicalizeStatus` reads and converts it to the canonical one. */
const status = Joi.any()
  .custom((value: unknown, helpers) => {
    const canonical = typeof value === 'string' ? canonicalizeStatus(value) : undefined;
    return canonical ?? helpers.error('status.invalid');
  })
  .messages({ 'status.invalid': `{{#label}} must be one of ${STATUS_LIST}.` });

const job = objectIdSchema.label('Job');
const firstName = Joi.string().trim().max(APPLICANT_LIMITS.name).label('First_name');
const lastName = Joi.string().trim().max(APPLICANT_LIMITS.name).label('Last_name');
// Top-level domains are not checked against a list, so that new ones are accepted.
const email = Joi.string()
  .trim()
  .lowercase()
  .max(APPLICANT_LIMITS.email)
  .email({ tlds: { allow: false } })
  .label('Email');

/** The joi schema of each applicant action, under the action's name. */
export const applicantSchemas = {
  listApplicants: Joi.object<ApplicantQuery>({
    ...paginationKeys,
    job: objectIdSchema.label('job'),
    status: status.label('status'),
  }),
  createApplicant: Joi.object<ApplicantFields>({
    job: job.required(),
    firstName: firstName.required(),
    lastName: lastName.required(),
    email: email.required(),
    status: status.label('Status'),
  }),
  updateApplicant: Joi.object<Partial<ApplicantFields>>({
    job,
    firstName,
    lastName,
    email,
    status: status.label('Status'),
  }).min(1),
};
