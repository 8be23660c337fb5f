import Joi from 'joi';

import { parseDate } from '../dates.js';

/** A joi schema that accepts a date in one of the forms `parseDate` reads and converts it. */
export const calendarDateSchema = Joi.any()
  .custom((value: unknown, helpers) => {
    const date = typeof value === 'string' ? parseDate(value) : undefined;
    return date ?? helpers.error('calendarDate.invalid');
  })
  .messages({
    'calendarDate.invalid':
      '{{#label}} must be a date written as 2000-09-01, 2000-09-01T10:30:00Z or September 1, 2000.',
  });
