import { APPLICANT_STATUSES } from '../applicants/status.js';
import { EXPERIENCE_CATEGORIES } from '../experiences/category.js';

/**
 * The OpenAPI 3.1 description of the API, served at `/openapi.json` and rendered at `/docs/`.
 * Paths are written with their trailing slash, and every path also matches without it.
 */

const ID_PATTERN = '^[0-9a-f]{24}$';
const DATE_EXAMPLE = 'September 1, 2000';

const idParameter = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', pattern: ID_PATTERN },
});

const jsonBody = (schema: string, example: object) => ({
  required: true,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` }, example } },
});

const jsonResponse = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const problem = (description: string) => ({ $ref: `#/components/responses/${description}` });

const listParameters = [
  {
    name: 'limit',
    in: 'query',
    description: 'Items per page, 1 to 100.',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
  {
    name: 'offset',
    in: 'query',
    description: 'Items to skip.',
    schema: { type: 'integer', minimum: 0, default: 0 },
  },
];

const listOf = (item: string) => ({
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: ref(item) },
    total: { type: 'integer', description: 'Matching items over all pages.' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
});

const jobExample = {
  Title: 'Backend Engineer',
  Location: 'Berlin',
  Description: 'Builds and runs the hiring platform.',
};

const applicantExample = {
  Job: '65f1c0ffee0123456789abcd',
  First_name: 'Ada',
  Last_name: 'Lovelace',
  Email: 'ada@example.com',
  Status: 'Under review',
};

const experienceExample = {
  Category: 'Work',
  Start: '2019-09-01',
  End: null,
  Institution: 'Analytical Engines Ltd',
  Description: 'Wrote the first programs.',
};

const dateInput = {
  type: 'string',
  description: `YYYY-MM-DD, an ISO 8601 date-time with offset or Z, or "${DATE_EXAMPLE}".`,
  examples: ['2000-09-01', DATE_EXAMPLE],
};

const dateOutput = { type: 'string', examples: [DATE_EXAMPLE] };

const timestamps = {
  Created_at: { type: 'string', format: 'date-time' },
  Updated_at: { type: 'string', format: 'date-time' },
};

const schemas = {
  JobInput: {
    type: 'object',
    description: 'Keys are accepted in any letter case.',
    required: ['Title', 'Location', 'Description'],
    additionalProperties: false,
    properties: {
      Title: { type: 'string', maxLength: 200 },
      Location: { type: 'string', maxLength: 200 },
      Description: { type: 'string', maxLength: 5000 },
    },
  },
  Job: {
    type: 'object',
    properties: {
      id: { type: 'string', pattern: ID_PATTERN },
      Title: { type: 'string' },
      Location: { type: 'string' },
      Description: { type: 'string' },
      ...timestamps,
    },
  },
  ApplicantInput: {
    type: 'object',
    description: 'Keys are accepted in any letter case; Job_id is accepted for Job.',
    required: ['Job', 'First_name', 'Last_name', 'Email'],
    additionalProperties: false,
    properties: {
      Job: { type: 'string', pattern: ID_PATTERN, description: 'Id of an existing job.' },
      First_name: { type: 'string', maxLength: 100 },
      Last_name: { type: 'string', maxLength: 100 },
      Email: { type: 'string', format: 'email', description: 'Unique per job.' },
      Status: {
        type: 'string',
        enum: APPLICANT_STATUSES,
        default: APPLICANT_STATUSES[0],
        description: 'Any letter case; a hyphen, em dash or minus may stand for the en dash.',
      },
    },
  },
  Applicant: {
    type: 'object',
    properties: {
      id: { type: 'string', pattern: ID_PATTERN },
      Job: { type: 'string', description: "The job's title." },
      Job_id: { type: 'string', pattern: ID_PATTERN },
      First_name: { type: 'string' },
      Last_name: { type: 'string' },
      Email: { type: 'string' },
      Status: { type: 'string', enum: APPLICANT_STATUSES },
      Experiences: { type: 'array', items: ref('Experience') },
      ...timestamps,
    },
  },
  ExperienceInput: {
    type: 'object',
    description: 'Keys are accepted in any letter case.',
    required: ['Category', 'Start', 'Institution'],
    additionalProperties: false,
    properties: {
      Applicant: {
        type: 'string',
        pattern: ID_PATTERN,
        description: 'Required on POST /api/experience/; must match the path id otherwise.',
      },
      Category: { type: 'string', enum: EXPERIENCE_CATEGORIES },
      Start: dateInput,
      End: { ...dateInput, type: ['string', 'null'], description: 'Absent or null: ongoing.' },
      Institution: { type: 'string', maxLength: 200 },
      Description: { type: 'string', maxLength: 2000 },
    },
  },
  Experience: {
    type: 'object',
    properties: {
      id: { type: 'string', pattern: ID_PATTERN },
      Category: { type: 'string', enum: EXPERIENCE_CATEGORIES },
      Start: dateOutput,
      End: { ...dateOutput, type: ['string', 'null'] },
      Institution: { type: 'string' },
      Description: { type: 'string' },
    },
  },
  JobSummary: {
    type: 'object',
    properties: {
      applicant_count: { type: 'integer' },
      applicants_under_review: { type: 'integer' },
      applicants_offer_pending: { type: 'integer' },
      most_common_institution: { type: ['string', 'null'] },
      average_work_experience_count: { type: 'number' },
      average_years_of_work_experience: { type: 'number' },
    },
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details, the body of every error response.',
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          properties: { field: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const responses = {
  BadRequest: problemResponse('Invalid input; `errors` names each field.'),
  NotFound: problemResponse('No resource has that id.'),
  Conflict: problemResponse('The id, or the email for this job, is taken.'),
  UnsupportedMediaType: problemResponse('The body was not sent as application/json.'),
};

const createResponses = (schema: string) => ({
  201: jsonResponse('Created; Location names the new resource.', ref(schema)),
  400: problem('BadRequest'),
  409: problem('Conflict'),
  415: problem('UnsupportedMediaType'),
});

const readResponses = (schema: string) => ({
  200: jsonResponse('Found.', ref(schema)),
  404: problem('NotFound'),
});

const updateResponses = (schema: string) => ({
  200: jsonResponse('Updated; the body is the whole resource.', ref(schema)),
  400: problem('BadRequest'),
  404: problem('NotFound'),
  409: problem('Conflict'),
  415: problem('UnsupportedMediaType'),
});

const experienceResponses = {
  201: { description: 'Created; empty body, Location names the applicant.' },
  400: problem('BadRequest'),
  404: problem('NotFound'),
  415: problem('UnsupportedMediaType'),
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Job applicant API',
    version: '1.0.0',
    description:
      'Accepts, stores and summarizes job-applicant data. Errors are application/problem+json.',
  },
  paths: {
    '/healthz': {
      get: { summary: 'The process is up', responses: { 200: { description: 'Up.' } } },
    },
    '/readyz': {
      get: {
        summary: 'The database answers a ping',
        responses: { 200: { description: 'Ready.' }, 503: { description: 'Database down.' } },
      },
    },
    '/api/jobs/': {
      get: {
        summary: 'List jobs',
        parameters: listParameters,
        responses: {
          200: jsonResponse('A page of jobs.', listOf('Job')),
          400: problem('BadRequest'),
        },
      },
      post: {
        summary: 'Create a job',
        requestBody: jsonBody('JobInput', jobExample),
        responses: createResponses('Job'),
      },
    },
    '/api/jobs/{id}/': {
      parameters: [idParameter('Job id.')],
      get: { summary: 'Read a job', responses: readResponses('Job') },
      patch: {
        summary: 'Update some fields of a job',
        requestBody: jsonBody('JobInput', { Location: 'Remote' }),
        responses: updateResponses('Job'),
      },
      post: {
        summary: 'Create a job with this id',
        requestBody: jsonBody('JobInput', jobExample),
        responses: createResponses('Job'),
      },
    },
    '/api/jobs/{id}/summary/': {
      parameters: [idParameter('Job id.')],
      get: {
        summary: "Summarize a job's applicants",
        responses: readResponses('JobSummary'),
      },
    },
    '/api/applicant/': {
      get: {
        summary: 'List applicants with their experiences',
        parameters: [
          ...listParameters,
          {
            name: 'job',
            in: 'query',
            description: 'Only applicants of this job.',
            schema: { type: 'string', pattern: ID_PATTERN },
          },
          {
            name: 'status',
            in: 'query',
            description: 'Only applicants with this status.',
            schema: { type: 'string', enum: APPLICANT_STATUSES },
          },
        ],
        responses: {
          200: jsonResponse('A page of applicants.', listOf('Applicant')),
          400: problem('BadRequest'),
        },
      },
      post: {
        summary: 'Create an applicant',
        requestBody: jsonBody('ApplicantInput', applicantExample),
        responses: createResponses('Applicant'),
      },
    },
    '/api/applicant/{id}/': {
      parameters: [idParameter('Applicant id.')],
      get: {
        summary: 'Read an applicant with its experiences',
        responses: readResponses('Applicant'),
      },
      patch: {
        summary: 'Update some fields of an applicant',
        requestBody: jsonBody('ApplicantInput', { Status: 'Offer pending' }),
        responses: updateResponses('Applicant'),
      },
      post: {
        summary: 'Create an applicant with this id',
        requestBody: jsonBody('ApplicantInput', applicantExample),
        responses: createResponses('Applicant'),
      },
    },
    '/api/experience/': {
      post: {
        summary: 'Add an experience to the applicant named in the body',
        requestBody: jsonBody('ExperienceInput', {
          Applicant: '65f1c0ffee0123456789abce',
          ...experienceExample,
        }),
        responses: experienceResponses,
      },
    },
    '/api/experience/{id}/': {
      parameters: [idParameter('Applicant id.')],
      post: {
        summary: 'Add an experience to this applicant',
        requestBody: jsonBody('ExperienceInput', experienceExample),
        responses: experienceResponses,
      },
    },
  },
  components: { schemas, responses },
};
