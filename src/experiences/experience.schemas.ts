import Joi from 'joi';
import type { Types } from 'mongoose';

import { calendarDateSchema } from '../lib/input/calendar-date.js';
import { defineFieldNames } from '../lib/input/fields.js';
import { objectIdSchema } from '../lib/input/object-id.js';
import {
  EXPERIENCE_CATEGORIES,
  canonicalizeCategory,
  type ExperienceCategory,
} from './category.js';
import { EXPERIENCE_LIMITS, normalizeInstitution } from './experience.model.js';

/** An experience's fields, as the service receives them. */
export interface ExperienceFields {
  category: ExperienceCategory;
  start: Date;
  /** Null when the experience is ongoing. */
  end?: Date | null;
  institution: string;
  description?: string;
}

/** A validated experience body, which may also name the applicant. */
export interface ExperienceInput extends ExperienceFields {
  applicant?: Types.ObjectId;
}

export const EXPERIENCE_FIELD_NAMES = defineFieldNames({
  Applicant: 'applicant',
  Applicant_id: 'applicant',
  Category: 'category',
  Start: 'start',
  End: 'end',
  Institution: 'institution',
  Description: 'description',
});

const category = Joi.any()
  .custom((value: unknown, helpers) => {
    const canonical = typeof value === 'string' ? canonicalizeCategory(value) : undefined;
    return canonical ?? helpers.error('category.invalid');
  })
  .messages({ 'category.invalid': `{{#label}} must be ${EXPERIENCE_CATEGORIES.join(' or ')}.` })
  .label('Category');

// Joi validates `start` before `end`, so a valid Start is already a Date here.
const end = calendarDateSchema
  .allow(null)
  .custom((value: unknown, helpers) => {
    const start: unknown = helpers.state.ancestors[0].start;
    const beforeStart = value instanceof Date && start instanceof Date && value < start;
    return beforeStart ? helpers.error('end.beforeStart') : value;
  })
  .messages({ 'end.beforeStart': '{{#label}} must not be before Start.' })
  .label('End');

const institution = Joi.string()
  .trim()
  .custom((text: string) => normalizeInstitution(text))
  .max(EXPERIENCE_LIMITS.institution)
  .label('Institution');

const description = Joi.string()
  .trim()
  .allow('')
  .max(EXPERIENCE_LIMITS.description)
  .label('Description');

/** The joi schema of each experience action, under the action's name. */
export const experienceSchemas = {
  createExperience: Joi.object<ExperienceInput>({
    applicant: objectIdSchema.label('Applicant'),
    category: category.required(),
    start: calendarDateSchema.label('Start').required(),
    end,
    institution: institution.required(),
    description,
  }),
};
