import Joi from 'joi';

import { defineFieldNames } from '../lib/input/fields.js';
import { paginationKeys, type PageRequest } from '../lib/pagination.js';
import { JOB_LIMITS } from './job.model.js';

/** A job's writable fields, as the service receives them. */
export interface JobFields {
  title: string;
  location: string;
  description: string;
}

export const JOB_FIELD_NAMES = defineFieldNames({
  Title: 'title',
  Location: 'location',
  Description: 'description',
});

const title = Joi.string().trim().max(JOB_LIMITS.title).label('Title');
const location = Joi.string().trim().max(JOB_LIMITS.location).label('Location');
const description = Joi.string().trim().max(JOB_LIMITS.description).label('Description');

/** The joi schema of each job action, under the action's name. */
export const jobSchemas = {
  listJobs: Joi.object<PageRequest>(paginationKeys),
  createJob: Joi.object<JobFields>({
    title: title.required(),
    location: location.required(),
    description: description.required(),
  }),
  updateJob: Joi.object<Partial<JobFields>>({ title, location, description }).min(1),
};
