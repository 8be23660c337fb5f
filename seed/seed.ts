/**
 * Fills the connected database with dummy jobs, applicants and experiences through the Mongoose
 * models, so every document passes the same validation as the API's writes. This module prints
 * nothing and never exits the process: the seed CLI and the server's start-up both call it.
 */
import { randomInt } from 'node:crypto';

import type { Faker } from '@faker-js/faker';
import { Types } from 'mongoose';

import { ApplicantModel } from '../src/applicants/applicant.model.js';
import { ExperienceModel } from '../src/experiences/experience.model.js';
import { JobModel } from '../src/jobs/job.model.js';
import { planCoverage, type CoveragePlan } from './coverage.js';
import {
  buildApplicant,
  buildExperienceTimeline,
  buildJob,
  createSeededFaker,
  type ApplicantFields,
  type ExperienceFields,
} from './factories.js';
import { DEFAULT_SEED_OPTIONS, findSeedOptionProblems, type SeedOptions } from './options.js';

export { DEFAULT_SEED_OPTIONS, type SeedOptions } from './options.js';

export interface DocumentCounts {
  jobs: number;
  applicants: number;
  experiences: number;
}

export interface SeedReport {
  /** The Faker seed used. Passing it again with the same counts recreates the same data. */
  seed: number;
  /** Documents inserted by this run. */
  counts: DocumentCounts;
  jobIds: string[];
  durationMs: number;
}

/** Called after each inserted batch with the number of applicants written so far. */
export type SeedProgressListener = (done: number, total: number) => void;

export class DatabaseNotEmptyError extends Error {
  readonly counts: DocumentCounts;

  constructor(counts: DocumentCounts) {
    super(
      `The database already contains ${pluralize(counts.jobs, 'job')}, ` +
        `${pluralize(counts.applicants, 'applicant')} and ` +
        `${pluralize(counts.experiences, 'experience')}, so nothing was written.`,
    );
    this.name = 'DatabaseNotEmptyError';
    this.counts = counts;
  }
}

function pluralize(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export async function countDocuments(): Promise<DocumentCounts> {
  const [jobs, applicants, experiences] = await Promise.all([
    JobModel.countDocuments(),
    ApplicantModel.countDocuments(),
    ExperienceModel.countDocuments(),
  ]);
  return { jobs, applicants, experiences };
}

/** Returns whether the jobs, applicants and experiences collections are all empty. */
export async function isDatabaseEmpty(): Promise<boolean> {
  const counts = await countDocuments();
  return counts.jobs + counts.applicants + counts.experiences === 0;
}

/** Deletes every job, applicant and experience, keeping the collections and their indexes. */
export async function deleteAllDocuments(): Promise<void> {
  await Promise.all([
    JobModel.deleteMany({}),
    ApplicantModel.deleteMany({}),
    ExperienceModel.deleteMany({}),
  ]);
}

/**
 * Inserts `options.jobs` jobs, then `options.applicants` applicants with their experiences in
 * batches of `options.batchSize` applicants. Only one batch is in memory at a time, so memory
 * use stays flat however many applicants are requested.
 *
 * Throws RangeError for invalid options before writing anything. Unless `options.reset` is set,
 * throws DatabaseNotEmptyError, also before writing, when the database contains any job,
 * applicant or experience. A database error part-way leaves the batches already written.
 */
export async function seedDatabase(
  options: SeedOptions = DEFAULT_SEED_OPTIONS,
  onProgress?: SeedProgressListener,
): Promise<SeedReport> {
  const problems = findSeedOptionProblems(options);
  if (problems.length > 0) {
    throw new RangeError(`Invalid seed options: ${problems.join('; ')}.`);
  }
  const startedAt = performance.now();
  await prepareDatabase(options.reset ?? false);

  const seed = options.seed ?? randomInt(2 ** 32);
  const faker = createSeededFaker(seed);
  const batchSize = options.batchSize ?? DEFAULT_SEED_OPTIONS.batchSize ?? 1000;
  const jobIds = await insertJobs(options.jobs, batchSize, faker);
  const plan = planCoverage(options, faker);
  const experiences = await insertApplicants({
    options,
    batchSize,
    jobIds,
    plan,
    faker,
    onProgress,
  });

  return {
    seed,
    counts: { jobs: jobIds.length, applicants: options.applicants, experiences },
    jobIds: jobIds.map(String),
    durationMs: performance.now() - startedAt,
  };
}

async function prepareDatabase(reset: boolean): Promise<void> {
  if (reset) {
    await deleteAllDocuments();
    return;
  }
  const counts = await countDocuments();
  if (counts.jobs + counts.applicants + counts.experiences > 0) {
    throw new DatabaseNotEmptyError(counts);
  }
}

async function insertJobs(
  count: number,
  batchSize: number,
  faker: Faker,
): Promise<Types.ObjectId[]> {
  const jobs = Array.from({ length: count }, () => ({
    _id: new Types.ObjectId(),
    ...buildJob({}, faker),
  }));
  for (let first = 0; first < jobs.length; first += batchSize) {
    await JobModel.insertMany(jobs.slice(first, first + batchSize));
  }
  return jobs.map((job) => job._id);
}

interface ApplicantBatch {
  applicants: Array<ApplicantFields & { _id: Types.ObjectId }>;
  experiences: ExperienceFields[];
}

interface InsertApplicantsInput {
  options: SeedOptions;
  batchSize: number;
  jobIds: Types.ObjectId[];
  plan: CoveragePlan;
  faker: Faker;
  onProgress: SeedProgressListener | undefined;
}

/** Inserts the applicants and their experiences, and returns the number of experiences. */
async function insertApplicants(input: InsertApplicantsInput): Promise<number> {
  const total = input.options.applicants;
  let experienceCount = 0;

  for (let first = 0; first < total; first += input.batchSize) {
    const last = Math.min(total, first + input.batchSize);
    const batch = buildApplicantBatch(first, last, input);
    await insertBatch(batch, input.batchSize);
    experienceCount += batch.experiences.length;
    input.onProgress?.(last, total);
  }
  return experienceCount;
}

function buildApplicantBatch(
  first: number,
  last: number,
  input: InsertApplicantsInput,
): ApplicantBatch {
  const { options, plan, faker, jobIds } = input;
  const batch: ApplicantBatch = { applicants: [], experiences: [] };

  for (let position = first; position < last; position += 1) {
    const jobIndex =
      plan.jobIndexByPosition.get(position) ?? faker.number.int({ min: 0, max: jobIds.length - 1 });
    const status = plan.statusByPosition.get(position);
    const overrides = { job: jobIds[jobIndex] as Types.ObjectId, ...(status ? { status } : {}) };
    // The running number makes every email of the run unique, across jobs too.
    const applicant = {
      _id: new Types.ObjectId(),
      ...buildApplicant(overrides, faker, position + 1),
    };

    const experienceCount =
      plan.experienceCountByPosition.get(position) ??
      faker.number.int({ min: options.minExperiences, max: options.maxExperiences });
    batch.applicants.push(applicant);
    batch.experiences.push(...buildExperienceTimeline(applicant._id, experienceCount, faker));
  }
  return batch;
}

async function insertBatch(batch: ApplicantBatch, chunkSize: number): Promise<void> {
  await ApplicantModel.insertMany(batch.applicants);
  for (let first = 0; first < batch.experiences.length; first += chunkSize) {
    await ExperienceModel.insertMany(batch.experiences.slice(first, first + chunkSize));
  }
}
