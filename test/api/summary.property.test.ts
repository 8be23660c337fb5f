import { expect } from 'chai';
import fc from 'fast-check';

import { ApplicantModel } from '../../src/applicants/applicant.model.js';
import { APPLICANT_STATUSES, type ApplicantStatus } from '../../src/applicants/status.js';
import { EXPERIENCE_CATEGORIES } from '../../src/experiences/category.js';
import { ExperienceModel } from '../../src/experiences/experience.model.js';
import { JobModel } from '../../src/jobs/job.model.js';
import { getJobSummary } from '../../src/summary/summary.service.js';
import { clearDatabase } from '../support/database.js';
import { api } from '../support/http.js';
import {
  computeReferenceSummary,
  type ReferenceApplicant,
  type ReferenceExperience,
  type ReferenceSummary,
} from '../support/summary-reference.js';

const DAY_MILLISECONDS = 86_400_000;
const HOUR_MILLISECONDS = 3_600_000;
const YEAR_HOURS = 365.25 * 24;

// Few names, so that institutions repeat and tie. Case flips make several spellings of each.
const INSTITUTION_NAMES = ['Acme', 'Globex', 'Initech', 'MIT'];

// Closed periods through the API end on or before this past day.
const LAST_PAST_DAY = '2025-12-31';

function recase(name: string, mask: number): string {
  return Array.from(name, (character, index) =>
    mask & (1 << (index % 4)) ? character.toUpperCase() : character.toLowerCase(),
  ).join('');
}

const institutionArbitrary = fc
  .tuple(fc.constantFrom(...INSTITUTION_NAMES), fc.nat(15))
  .map(([name, mask]) => recase(name, mask));

function dayOf(text: string): number {
  return Date.parse(`${text}T00:00:00Z`) / DAY_MILLISECONDS;
}

function dateOfDay(day: number): Date {
  return new Date(day * DAY_MILLISECONDS);
}

// Whole days, as the API stores them: closed periods in the past, or ongoing ones.
const apiExperienceArbitrary = fc
  .record({
    category: fc.constantFrom(...EXPERIENCE_CATEGORIES),
    startDay: fc.integer({ min: dayOf('1990-01-01'), max: dayOf('2023-12-31') }),
    lengthDays: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null, freq: 4 }),
    institution: institutionArbitrary,
  })
  .map(({ category, startDay, lengthDays, institution }): ReferenceExperience => {
    const endDay =
      lengthDays === null ? null : Math.min(startDay + lengthDays, dayOf(LAST_PAST_DAY));
    return {
      category,
      start: dateOfDay(startDay),
      end: endDay === null ? null : dateOfDay(endDay),
      institution,
    };
  });

interface GeneratedApplicant extends ReferenceApplicant {
  status: ApplicantStatus;
}

function applicantsArbitrary(
  experienceArbitrary: fc.Arbitrary<ReferenceExperience>,
): fc.Arbitrary<GeneratedApplicant[]> {
  const applicant = fc.record({
    status: fc.constantFrom(...APPLICANT_STATUSES),
    experiences: fc.array(experienceArbitrary, { maxLength: 4 }),
  });
  return fc.array(applicant, { maxLength: 6 });
}

function isoDay(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

async function postJob(): Promise<string> {
  const body = { Title: 'Data engineer', Location: 'Lisbon', Description: 'Builds pipelines.' };
  const response = await api().post('/api/jobs/').send(body).expect(201);
  return response.body.id as string;
}

async function postApplicant(jobId: string, status: string, index: number): Promise<string> {
  const body = {
    Job: jobId,
    First_name: 'Grace',
    Last_name: `Hopper ${index}`,
    Email: `applicant${index}@example.com`,
    Status: status,
  };
  const response = await api().post('/api/applicant/').send(body).expect(201);
  return response.body.id as string;
}

async function postExperience(applicantId: string, experience: ReferenceExperience) {
  const body = {
    Category: experience.category,
    Start: isoDay(experience.start),
    End: isoDay(experience.end),
    Institution: experience.institution,
    Description: 'Generated experience.',
  };
  await api().post(`/api/experience/${applicantId}/`).send(body).expect(201);
}

async function postJobWithApplicants(applicants: ReferenceApplicant[]): Promise<string> {
  const jobId = await postJob();
  for (const [index, applicant] of applicants.entries()) {
    const applicantId = await postApplicant(jobId, applicant.status, index);
    for (const experience of applicant.experiences) {
      await postExperience(applicantId, experience);
    }
  }
  return jobId;
}

// Ongoing periods grow between the two instants, so a rounding step may fall between them.
function expectOneOf(actual: unknown, atStart: ReferenceSummary, atEnd: ReferenceSummary) {
  const candidates = [atStart, atEnd];
  expect(candidates).to.deep.include(actual);
}

describe('GET /api/jobs/:id/summary (property)', () => {
  beforeEach(clearDatabase);

  it('matches the reference for random jobs', async function () {
    this.timeout(120_000);

    await fc.assert(
      fc.asyncProperty(applicantsArbitrary(apiExperienceArbitrary), async (applicants) => {
        const jobId = await postJobWithApplicants(applicants);
        const requestedAt = new Date();

        const response = await api().get(`/api/jobs/${jobId}/summary/`).expect(200);

        const respondedAt = new Date();
        const atStart = computeReferenceSummary(applicants, requestedAt);
        const atEnd = computeReferenceSummary(applicants, respondedAt);
        expectOneOf(response.body, atStart, atEnd);
      }),
      { numRuns: 30 },
    );
  });
});

// Hour-precise periods around a fixed now: closed, ongoing, ending after now and starting after now.
const now = new Date('2024-01-01T00:00:00Z');

const timedExperienceArbitrary = fc
  .record({
    category: fc.constantFrom(...EXPERIENCE_CATEGORIES),
    startHours: fc.integer({ min: -12 * YEAR_HOURS, max: 2 * YEAR_HOURS }),
    lengthHours: fc.option(fc.integer({ min: 0, max: 6 * YEAR_HOURS }), { nil: null, freq: 4 }),
    institution: institutionArbitrary,
  })
  .map(({ category, startHours, lengthHours, institution }): ReferenceExperience => {
    const start = new Date(now.getTime() + startHours * HOUR_MILLISECONDS);
    const end =
      lengthHours === null ? null : new Date(start.getTime() + lengthHours * HOUR_MILLISECONDS);
    return { category, start, end, institution };
  });

async function insertJobWithApplicants(applicants: GeneratedApplicant[]) {
  const job = await JobModel.create({
    title: 'Analyst',
    location: 'Oslo',
    description: 'Reports.',
  });
  for (const [index, applicant] of applicants.entries()) {
    const created = await ApplicantModel.create({
      job: job._id,
      firstName: 'Alan',
      lastName: `Turing ${index}`,
      email: `applicant${index}@example.com`,
      status: applicant.status,
    });
    const experiences = applicant.experiences.map((experience) => ({
      ...experience,
      applicant: created._id,
    }));
    await ExperienceModel.insertMany(experiences);
  }
  return job._id;
}

describe('getJobSummary (property)', () => {
  beforeEach(clearDatabase);

  it('matches the reference at a fixed now', async function () {
    this.timeout(120_000);

    await fc.assert(
      fc.asyncProperty(applicantsArbitrary(timedExperienceArbitrary), async (applicants) => {
        const jobId = await insertJobWithApplicants(applicants);

        const summary = await getJobSummary(jobId, now);

        expect(summary).to.deep.equal(computeReferenceSummary(applicants, now));
      }),
      { numRuns: 40 },
    );
  });
});
