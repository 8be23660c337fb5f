import { expect } from 'chai';
import type { Types } from 'mongoose';

import { ApplicantModel } from '../../src/applicants/applicant.model.js';
import type { ApplicantStatus } from '../../src/applicants/status.js';
import type { ExperienceCategory } from '../../src/experiences/category.js';
import { ExperienceModel } from '../../src/experiences/experience.model.js';
import { JobModel } from '../../src/jobs/job.model.js';
import { getJobSummary } from '../../src/summary/summary.service.js';
import { clearDatabase } from '../support/database.js';
import { api } from '../support/http.js';

const SUMMARY_KEYS = [
  'applicant_count',
  'applicants_under_review',
  'applicants_offer_pending',
  'most_common_institution',
  'average_work_experience_count',
  'average_years_of_work_experience',
];

const EMPTY_SUMMARY = {
  applicant_count: 0,
  applicants_under_review: 0,
  applicants_offer_pending: 0,
  most_common_institution: null,
  average_work_experience_count: 0,
  average_years_of_work_experience: 0,
};

const YEAR_MILLISECONDS = 365.25 * 86_400_000;

let applicantNumber = 0;

async function createJob(): Promise<Types.ObjectId> {
  const job = await JobModel.create({
    title: 'Backend engineer',
    location: 'Berlin',
    description: 'Builds the API.',
  });
  return job._id;
}

async function createApplicant(
  job: Types.ObjectId,
  status: ApplicantStatus = 'Rejected',
): Promise<Types.ObjectId> {
  applicantNumber += 1;
  const applicant = await ApplicantModel.create({
    job,
    firstName: 'Ada',
    lastName: `Lovelace ${applicantNumber}`,
    email: `applicant${applicantNumber}@example.com`,
    status,
  });
  return applicant._id;
}

async function addExperience(
  applicant: Types.ObjectId,
  category: ExperienceCategory,
  start: string,
  end: string | null,
  institution = 'Acme',
): Promise<void> {
  await ExperienceModel.create({
    applicant,
    category,
    start: utcDate(start),
    end: end === null ? null : utcDate(end),
    institution,
    description: 'Worked on things.',
  });
}

async function addWork(applicant: Types.ObjectId, start: string, end: string | null) {
  await addExperience(applicant, 'Work', start, end);
}

async function addInstitutions(applicant: Types.ObjectId, institutions: string[]) {
  for (const institution of institutions) {
    await addExperience(applicant, 'Education', '2001-09-01', '2005-06-30', institution);
  }
}

// A date-only string is read as midnight UTC, like the API stores dates.
function utcDate(text: string): Date {
  return new Date(`${text}T00:00:00Z`);
}

function summaryPath(job: Types.ObjectId | string): string {
  return `/api/jobs/${String(job)}/summary/`;
}

async function getSummary(job: Types.ObjectId) {
  const response = await api().get(summaryPath(job)).expect(200);
  return response.body as Record<string, unknown>;
}

describe('GET /api/jobs/:id/summary', () => {
  beforeEach(clearDatabase);

  it('counts applicants and the two statuses', async () => {
    const job = await createJob();
    for (const status of ['Under review', 'Under review', 'Offer pending'] as const) {
      await createApplicant(job, status);
    }
    for (const status of ['Rejected', 'Offer accepted – yet to start', 'Started'] as const) {
      await createApplicant(job, status);
    }
    await createApplicant(await createJob(), 'Under review');

    const summary = await getSummary(job);

    expect(summary.applicant_count).to.equal(6);
    expect(summary.applicants_under_review).to.equal(2);
    expect(summary.applicants_offer_pending).to.equal(1);
  });

  it('returns zeros and null for a job without applicants', async () => {
    const job = await createJob();

    const summary = await getSummary(job);

    expect(summary).to.deep.equal(EMPTY_SUMMARY);
  });

  it('returns zeros for applicants without experiences', async () => {
    const job = await createJob();
    await createApplicant(job, 'Under review');
    await createApplicant(job);
    await createApplicant(job);

    const summary = await getSummary(job);

    expect(summary).to.deep.equal({
      ...EMPTY_SUMMARY,
      applicant_count: 3,
      applicants_under_review: 1,
    });
  });

  it('leaves Education out of the Work averages', async () => {
    const job = await createJob();
    const first = await createApplicant(job);
    const second = await createApplicant(job);
    await addExperience(first, 'Education', '2010-01-01', '2014-01-01', 'MIT');
    await addExperience(second, 'Education', '2012-01-01', '2016-01-01', 'MIT');

    const summary = await getSummary(job);

    expect(summary.average_work_experience_count).to.equal(0);
    expect(summary.average_years_of_work_experience).to.equal(0);
    expect(summary.most_common_institution).to.equal('MIT');
  });

  it('averages Work counts over all applicants', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2001-01-01', '2002-01-01');
    await addWork(worker, '2003-01-01', '2004-01-01');
    await addExperience(worker, 'Education', '1995-01-01', '1999-01-01');
    await createApplicant(job);
    await createApplicant(job);

    const summary = await getSummary(job);

    // Two Work experiences over three applicants: 0.666… rounds to 0.7.
    expect(summary.average_work_experience_count).to.equal(0.7);
  });

  it('rounds a half Work count up', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2001-01-01', '2002-01-01');
    await createApplicant(job);
    await createApplicant(job);
    await createApplicant(job);

    const summary = await getSummary(job);

    // One Work experience over four applicants is 0.25, which rounds up to 0.3, not to even 0.2.
    expect(summary.average_work_experience_count).to.equal(0.3);
  });

  it('counts overlapping Work periods once', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2010-01-01', '2014-01-01');
    await addWork(worker, '2012-01-01', '2018-01-01');
    await addWork(worker, '2013-01-01', '2014-01-01');
    await createApplicant(job);

    const summary = await getSummary(job);

    // The union is 2010-01-01 to 2018-01-01: 2922 days with two leap days, exactly 8 years of
    // 365.25 days, averaged over two applicants. Summed without merging, 1461 + 2192 + 365 days
    // would give 5.5.
    expect(summary.average_years_of_work_experience).to.equal(4);
    expect(summary.average_work_experience_count).to.equal(1.5);
  });

  it('adds separate Work periods of one applicant', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2000-01-01', '2004-01-01');
    await addWork(worker, '2008-01-01', '2010-01-01');

    const summary = await getSummary(job);

    // 1461 days (4 years) plus 731 days (2.001 years) is 6.001 years.
    expect(summary.average_years_of_work_experience).to.equal(6);
  });

  it('counts an ongoing Work period up to the current time', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2000-01-01', null);
    const yearsUntil = (instant: number) =>
      Math.round((10 * (instant - Date.parse('2000-01-01T00:00:00Z'))) / YEAR_MILLISECONDS) / 10;
    const earliest = yearsUntil(Date.now());

    const summary = await getSummary(job);

    expect(summary.average_years_of_work_experience).to.be.within(earliest, yearsUntil(Date.now()));
  });

  it('ignores experiences of applicants of other jobs', async () => {
    const job = await createJob();
    const applicant = await createApplicant(job);
    await addInstitutions(applicant, ['Harvard']);
    const stranger = await createApplicant(await createJob());
    await addInstitutions(stranger, ['Yale', 'Yale']);
    await addWork(stranger, '2000-01-01', '2010-01-01');

    const summary = await getSummary(job);

    expect(summary.most_common_institution).to.equal('Harvard');
    expect(summary.average_work_experience_count).to.equal(0);
    expect(summary.average_years_of_work_experience).to.equal(0);
  });

  it('groups institution spellings regardless of case', async () => {
    const job = await createJob();
    const first = await createApplicant(job);
    const second = await createApplicant(job);
    await addInstitutions(first, ['MIT', 'mit', 'Harvard', 'Harvard']);
    await addInstitutions(second, ['MIT', 'Mit', 'Harvard']);

    const summary = await getSummary(job);

    // mit has 4 experiences (MIT 2, mit 1, Mit 1) and beats Harvard's 3, though no single
    // spelling of it does.
    expect(summary.most_common_institution).to.equal('MIT');
  });

  it('returns the most frequent spelling of the institution', async () => {
    const job = await createJob();
    const applicant = await createApplicant(job);
    await addInstitutions(applicant, ['Oxford', 'OXFORD', 'oxford', 'oxford']);

    const summary = await getSummary(job);

    expect(summary.most_common_institution).to.equal('oxford');
  });

  it('breaks a spelling tie by code point', async () => {
    const job = await createJob();
    const applicant = await createApplicant(job);
    await addInstitutions(applicant, ['Oxford', 'oxford', 'OXFORD']);

    const summary = await getSummary(job);

    // 'O' (U+004F) comes before 'o', and 'X' (U+0058) before 'x'.
    expect(summary.most_common_institution).to.equal('OXFORD');
  });

  it('breaks an institution tie by lower-cased name', async () => {
    const job = await createJob();
    const applicant = await createApplicant(job);
    await addInstitutions(applicant, ['Zeta University', 'alpha College', 'Zeta University']);
    await addInstitutions(applicant, ['alpha College']);

    const summary = await getSummary(job);

    // Both have 2 experiences. By code point 'Z' precedes 'a', but lower-cased 'alpha' wins.
    expect(summary.most_common_institution).to.equal('alpha College');
  });

  it('counts Work experiences towards the institution', async () => {
    const job = await createJob();
    const applicant = await createApplicant(job);
    await addInstitutions(applicant, ['MIT']);
    await addExperience(applicant, 'Work', '2010-01-01', '2011-01-01', 'Initech');
    await addExperience(applicant, 'Work', '2011-01-01', '2012-01-01', 'Initech');

    const summary = await getSummary(job);

    expect(summary.most_common_institution).to.equal('Initech');
  });

  it('returns exactly the six summary fields', async () => {
    const job = await createJob();
    const applicant = await createApplicant(job);
    await addWork(applicant, '2001-01-01', '2002-01-01');

    const response = await api().get(summaryPath(job)).expect(200);

    expect(Object.keys(response.body)).to.deep.equal(SUMMARY_KEYS);
    expect(response.type).to.equal('application/json');
  });

  it('answers with and without a trailing slash alike', async () => {
    const job = await createJob();
    const applicant = await createApplicant(job, 'Offer pending');
    await addWork(applicant, '2001-01-01', '2002-01-01');

    const withSlash = await api().get(`/api/jobs/${String(job)}/summary/`);
    const withoutSlash = await api().get(`/api/jobs/${String(job)}/summary`);

    expect(withSlash.status).to.equal(200);
    expect(withoutSlash.status).to.equal(200);
    expect(withoutSlash.body).to.deep.equal(withSlash.body);
  });

  it('answers HEAD without a body', async () => {
    const job = await createJob();

    const response = await api().head(summaryPath(job));

    expect(response.status).to.equal(200);
    expect(response.type).to.equal('application/json');
    expect(response.text ?? '').to.equal('');
  });

  it('returns 404 for an unknown job', async () => {
    await createJob();

    const response = await api().get(summaryPath('0123456789abcdef01234567'));

    expect(response.status).to.equal(404);
    expect(response.type).to.equal('application/problem+json');
    expect(response.body.detail).to.include('0123456789abcdef01234567');
  });

  it('returns 404 for a malformed id', async () => {
    const response = await api().get(summaryPath('not-an-id'));

    expect(response.status).to.equal(404);
    expect(response.type).to.equal('application/problem+json');
  });

  it('rejects POST with 405 and Allow', async () => {
    const job = await createJob();

    const response = await api().post(summaryPath(job)).send({});

    expect(response.status).to.equal(405);
    expect(response.headers.allow).to.include('GET');
    expect(response.type).to.equal('application/problem+json');
  });
});

describe('getJobSummary', () => {
  beforeEach(clearDatabase);

  const now = utcDate('2024-01-01');

  it('ends an ongoing Work period at now', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2020-01-01', null);

    const summary = await getJobSummary(job, now);

    // 2020-01-01 to 2024-01-01 is 1461 days, exactly 4 years of 365.25 days.
    expect(summary.average_years_of_work_experience).to.equal(4);
  });

  it('clips a period that ends after now', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2020-01-01', '2030-01-01');

    const summary = await getJobSummary(job, now);

    expect(summary.average_years_of_work_experience).to.equal(4);
  });

  it('counts a period starting after now as zero years', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2025-01-01', null);
    await addWork(worker, '2026-01-01', '2027-01-01');

    const summary = await getJobSummary(job, now);

    expect(summary.average_years_of_work_experience).to.equal(0);
    expect(summary.average_work_experience_count).to.equal(2);
  });

  it('merges ongoing, clipped and future periods', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2020-01-01', null);
    await addWork(worker, '2022-01-01', '2030-01-01');
    await addWork(worker, '2025-01-01', null);
    await addWork(worker, '2016-01-01', '2018-01-01');
    await createApplicant(job);

    const summary = await getJobSummary(job, now);

    // 2016–2018 (731 days) plus 2020–2024 (1461 days) is 2192 days or 6.0014 years. Over two
    // applicants, 3.0007 rounds to 3.0. Four Work experiences over two applicants is 2.0.
    expect(summary.average_years_of_work_experience).to.equal(3);
    expect(summary.average_work_experience_count).to.equal(2);
  });

  it('rounds a half year up', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    const start = utcDate('2020-01-01');
    const quarterYearLater = new Date(start.getTime() + YEAR_MILLISECONDS / 4);
    await ExperienceModel.create({
      applicant: worker,
      category: 'Work',
      start,
      end: quarterYearLater,
      institution: 'Acme',
    });

    const summary = await getJobSummary(job, now);

    // Exactly 0.25 years rounds up to 0.3; rounding half to even would give 0.2.
    expect(summary.average_years_of_work_experience).to.equal(0.3);
  });

  it('measures from the given now, not the clock', async () => {
    const job = await createJob();
    const worker = await createApplicant(job);
    await addWork(worker, '2000-01-01', null);

    const summary = await getJobSummary(job, utcDate('2004-01-01'));

    expect(summary.average_years_of_work_experience).to.equal(4);
  });
});
