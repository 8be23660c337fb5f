/**
 * Times the job summary on a large job against plain reads of the same applicants, and checks
 * the summary against the reference computation. Prints ratios, which compare across machines
 * better than absolute times.
 *
 *   npx tsx test/support/summary-benchmark.ts [applicants=33000]
 *
 * Uses MONGODB_URI when set, else the embedded database, under a database name of its own that
 * it empties at the end.
 */
import { performance } from 'node:perf_hooks';

import { Types } from 'mongoose';

import { ApplicantModel } from '../../src/applicants/applicant.model.js';
import { APPLICANT_STATUSES } from '../../src/applicants/status.js';
import { ExperienceModel } from '../../src/experiences/experience.model.js';
import { JobModel } from '../../src/jobs/job.model.js';
import { connectDatabase } from '../../src/lib/database.js';
import { createLogger } from '../../src/lib/logger.js';
import { getJobSummary } from '../../src/summary/summary.service.js';
import { computeReferenceSummary, type ReferenceApplicant } from './summary-reference.js';

const BENCHMARK_DATABASE_NAME = 'job-applicant-api-benchmark';
const DEFAULT_APPLICANTS = 33_000;
const MAX_EXPERIENCES = 10;
const INSERT_BATCH = 5_000;
const REPEATS = 5;
const DAY_MILLISECONDS = 86_400_000;
const INSTITUTIONS = ['Acme', 'ACME', 'Globex', 'Initech', 'MIT', 'mit', 'Umbrella', 'Hooli'];

// A small deterministic generator, so that runs on different machines time the same data.
function createRandom(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % limit;
  };
}

function buildApplicants(count: number, random: (limit: number) => number): ReferenceApplicant[] {
  return Array.from({ length: count }, () => ({
    status: APPLICANT_STATUSES[random(APPLICANT_STATUSES.length)]!,
    experiences: Array.from({ length: random(MAX_EXPERIENCES + 1) }, () => {
      const start = Date.UTC(1990, 0, 1) + random(12_000) * DAY_MILLISECONDS;
      const ongoing = random(5) === 0;
      return {
        category: random(2) === 0 ? 'Education' : 'Work',
        start: new Date(start),
        end: ongoing ? null : new Date(start + random(2_000) * DAY_MILLISECONDS),
        institution: INSTITUTIONS[random(INSTITUTIONS.length)]!,
      };
    }),
  }));
}

async function insertJob(applicants: ReferenceApplicant[]): Promise<Types.ObjectId> {
  const job = await JobModel.create({ title: 'Benchmark', location: 'Nowhere', description: '-' });
  for (let offset = 0; offset < applicants.length; offset += INSERT_BATCH) {
    const batch = applicants.slice(offset, offset + INSERT_BATCH);
    const ids = batch.map(() => new Types.ObjectId());
    await ApplicantModel.insertMany(
      batch.map((applicant, index) => ({
        _id: ids[index],
        job: job._id,
        firstName: 'Bench',
        lastName: 'Mark',
        email: `applicant${offset + index}@example.com`,
        status: applicant.status,
      })),
      { lean: true },
    );
    const experiences = batch.flatMap((applicant, index) =>
      applicant.experiences.map((experience) => ({ ...experience, applicant: ids[index] })),
    );
    await ExperienceModel.insertMany(experiences, { lean: true });
  }
  return job._id;
}

async function emptyCollections(): Promise<void> {
  await JobModel.deleteMany({});
  await ApplicantModel.deleteMany({});
  await ExperienceModel.deleteMany({});
}

async function medianMilliseconds(action: () => Promise<unknown>): Promise<number> {
  await action();
  const times: number[] = [];
  for (let run = 0; run < REPEATS; run += 1) {
    const startedAt = performance.now();
    await action();
    times.push(performance.now() - startedAt);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(REPEATS / 2)]!;
}

async function main(): Promise<void> {
  const applicantCount = Number(process.argv[2] ?? DEFAULT_APPLICANTS);
  const logger = createLogger('error');
  const database = await connectDatabase(
    { mongodbUri: process.env.MONGODB_URI, dbName: BENCHMARK_DATABASE_NAME },
    logger,
  );
  try {
    await emptyCollections();
    const random = createRandom(42);
    const applicants = buildApplicants(applicantCount, random);
    const experienceCount = applicants.reduce(
      (sum, applicant) => sum + applicant.experiences.length,
      0,
    );
    // Another job of the same size, so the summary has to select its applicants.
    await insertJob(buildApplicants(applicantCount, random));
    const jobId = await insertJob(applicants);
    const now = new Date();

    const summary = await getJobSummary(jobId, now);
    const reference = computeReferenceSummary(applicants, now);
    const matches = JSON.stringify(summary) === JSON.stringify(reference);

    const summaryTime = await medianMilliseconds(() => getJobSummary(jobId, now));
    const countTime = await medianMilliseconds(() => ApplicantModel.countDocuments({ job: jobId }));
    const findTime = await medianMilliseconds(() => ApplicantModel.find({ job: jobId }).lean());

    console.log(`database: ${database.mode}`);
    console.log(`job: ${applicantCount} applicants, ${experienceCount} experiences`);
    console.log(`summary equals reference: ${matches}`);
    console.log(`summary / countDocuments: ${(summaryTime / countTime).toFixed(1)}`);
    console.log(`summary / find (lean): ${(summaryTime / findTime).toFixed(1)}`);
    console.log(
      `median ms: summary ${summaryTime.toFixed(0)}, countDocuments ${countTime.toFixed(0)}, ` +
        `find ${findTime.toFixed(0)}`,
    );
    if (!matches) {
      console.log({ summary, reference });
      process.exitCode = 1;
    }
  } finally {
    await emptyCollections();
    await database.close();
  }
}

await main();
