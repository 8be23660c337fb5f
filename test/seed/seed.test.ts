import { expect } from 'chai';

import { ApplicantModel } from '../../src/applicants/applicant.model.js';
import { APPLICANT_STATUSES } from '../../src/applicants/status.js';
import { ExperienceModel } from '../../src/experiences/experience.model.js';
import { JobModel } from '../../src/jobs/job.model.js';
import { buildJob, SEED_REFERENCE_DATE } from '../../seed/factories.js';
import {
  countDocuments,
  DatabaseNotEmptyError,
  DEFAULT_SEED_OPTIONS,
  seedDatabase,
  type SeedReport,
} from '../../seed/seed.js';
import { EMPLOYERS, UNIVERSITIES } from '../../seed/vocabulary.js';
import { clearDatabase } from '../support/database.js';
import { api } from '../support/http.js';

interface ListedJob {
  id: string;
}

interface ListedExperience {
  Category: string;
  Start: string;
  End: string | null;
}

interface ListedApplicant {
  Email: string;
  Status: string;
  Experiences: ListedExperience[];
}

interface JobSummary {
  applicant_count: number;
  most_common_institution: string | null;
}

const PAGE_SIZE = 100;

async function fetchJobs(): Promise<ListedJob[]> {
  const response = await api().get('/api/jobs/').query({ limit: PAGE_SIZE }).expect(200);
  return response.body.items;
}

async function fetchSummary(jobId: string): Promise<JobSummary> {
  const response = await api().get(`/api/jobs/${jobId}/summary/`).expect(200);
  return response.body;
}

async function fetchApplicants(jobId: string): Promise<ListedApplicant[]> {
  const applicants: ListedApplicant[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const response = await api()
      .get('/api/applicant/')
      .query({ job: jobId, limit: PAGE_SIZE, offset })
      .expect(200);
    applicants.push(...response.body.items);
    if (offset + PAGE_SIZE >= response.body.total) {
      return applicants;
    }
  }
}

/** Returns what the promise rejects with, or undefined when it fulfils. */
function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

function experiencesOf(applicant: ListedApplicant, category: string): ListedExperience[] {
  return applicant.Experiences.filter((experience) => experience.Category === category);
}

/** Jobs, applicants and experiences in insertion order, with references as list positions. */
async function snapshotDocuments() {
  const jobs = await JobModel.find().sort({ _id: 1 }).lean();
  const applicants = await ApplicantModel.find().sort({ _id: 1 }).lean();
  const experiences = await ExperienceModel.find().sort({ _id: 1 }).lean();
  const jobIndex = new Map(jobs.map((job, index) => [String(job._id), index]));
  const applicantIndex = new Map(
    applicants.map((applicant, index) => [String(applicant._id), index]),
  );

  return {
    jobs: jobs.map(({ title, location, description }) => ({ title, location, description })),
    applicants: applicants.map(({ job, firstName, lastName, email, status }) => {
      return { job: jobIndex.get(String(job)), firstName, lastName, email, status };
    }),
    experiences: experiences.map(
      ({ applicant, category, start, end, institution, description }) => {
        const applicantPosition = applicantIndex.get(String(applicant));
        return { applicant: applicantPosition, category, start, end, institution, description };
      },
    ),
  };
}

describe('seedDatabase', () => {
  describe('with the default options', () => {
    let report: SeedReport;
    let jobs: ListedJob[];
    let summaries: JobSummary[];
    let applicants: ListedApplicant[];

    before(async function () {
      this.timeout(60_000);
      await clearDatabase();

      report = await seedDatabase(DEFAULT_SEED_OPTIONS);

      jobs = await fetchJobs();
      summaries = await Promise.all(jobs.map((job) => fetchSummary(job.id)));
      const applicantsByJob = await Promise.all(jobs.map((job) => fetchApplicants(job.id)));
      applicants = applicantsByJob.flat();
    });

    it('creates three jobs', () => {
      expect(jobs).to.have.lengthOf(3);
      expect(report.jobIds).to.have.members(jobs.map((job) => job.id));
    });

    it('spreads 100 applicants over the jobs', () => {
      const summedCounts = summaries.reduce((sum, summary) => sum + summary.applicant_count, 0);

      expect(summedCounts).to.equal(100);
      expect(applicants).to.have.lengthOf(100);
    });

    it('gives every job an applicant', () => {
      for (const summary of summaries) {
        expect(summary.applicant_count).to.be.at.least(1);
      }
    });

    it('gives each applicant 1 to 10 experiences', () => {
      for (const applicant of applicants) {
        expect(applicant.Experiences).to.have.length.within(1, 10);
      }
    });

    it('varies the number of experiences', () => {
      const counts = new Set(applicants.map((applicant) => applicant.Experiences.length));

      expect(counts.size).to.be.at.least(5);
    });

    it('uses all six statuses', () => {
      const statuses = new Set(applicants.map((applicant) => applicant.Status));

      expect([...statuses]).to.have.members([...APPLICANT_STATUSES]);
    });

    it('lists Education before Work', () => {
      for (const applicant of applicants) {
        const educationEnds = experiencesOf(applicant, 'Education').map((experience) => {
          return Date.parse(experience.End ?? experience.Start);
        });
        const workStarts = experiencesOf(applicant, 'Work').map((experience) => {
          return Date.parse(experience.Start);
        });

        expect(Math.max(...educationEnds), applicant.Email).to.be.at.most(Math.min(...workStarts));
      }
    });

    it('gives every applicant a unique email', () => {
      const emails = new Set(applicants.map((applicant) => applicant.Email));

      expect(emails.size).to.equal(applicants.length);
    });

    it('includes ongoing and overlapping work', async () => {
      const work = await ExperienceModel.find({ category: 'Work' })
        .sort({ applicant: 1, start: 1 })
        .lean();

      const ongoing = work.filter((experience) => experience.end === null);
      const overlapping = work.filter((experience, index) => {
        const previous = work[index - 1];
        return (
          previous !== undefined &&
          String(previous.applicant) === String(experience.applicant) &&
          previous.end instanceof Date &&
          experience.start < previous.end
        );
      });

      expect(ongoing.length).to.be.within(1, work.length / 2);
      expect(overlapping.length).to.be.within(1, work.length / 4);
    });

    it('dates every experience before the reference date', async () => {
      const experiences = await ExperienceModel.find().lean();

      for (const experience of experiences) {
        expect(experience.start).to.be.below(SEED_REFERENCE_DATE);
        expect(experience.end ?? experience.start).to.be.below(SEED_REFERENCE_DATE);
        expect(experience.end ?? experience.start).to.be.at.least(experience.start);
      }
    });

    it('names a seeded institution as most common', () => {
      const institutions: string[] = [...UNIVERSITIES, ...EMPLOYERS];

      for (const summary of summaries) {
        expect(institutions).to.include(summary.most_common_institution);
      }
    });

    it('reports the documents it inserted', async () => {
      const counts = await countDocuments();

      expect(report.counts).to.deep.equal(counts);
      expect(report.seed).to.be.a('number');
    });
  });

  describe('reproducibility', () => {
    beforeEach(clearDatabase);

    it('recreates identical documents from the same seed', async () => {
      await seedDatabase({ ...DEFAULT_SEED_OPTIONS, seed: 42 });
      const first = await snapshotDocuments();

      await seedDatabase({ ...DEFAULT_SEED_OPTIONS, seed: 42, reset: true });
      const second = await snapshotDocuments();

      expect(second.applicants).to.have.lengthOf(100);
      expect(second).to.deep.equal(first);
    });

    it('creates different documents from another seed', async () => {
      await seedDatabase({ ...DEFAULT_SEED_OPTIONS, seed: 1 });
      const first = await snapshotDocuments();

      await seedDatabase({ ...DEFAULT_SEED_OPTIONS, seed: 2, reset: true });
      const second = await snapshotDocuments();

      expect(second.applicants).to.not.deep.equal(first.applicants);
    });
  });

  describe('options', () => {
    beforeEach(clearDatabase);

    it('rejects a non-empty database and writes nothing', async () => {
      await JobModel.create(buildJob());

      const error = await rejectionOf(seedDatabase(DEFAULT_SEED_OPTIONS));

      expect(error).to.be.instanceOf(DatabaseNotEmptyError);
      expect(await countDocuments()).to.deep.equal({ jobs: 1, applicants: 0, experiences: 0 });
    });

    it('replaces existing documents when reset is set', async () => {
      const oldJob = await JobModel.create(buildJob());

      const report = await seedDatabase({
        ...DEFAULT_SEED_OPTIONS,
        jobs: 2,
        applicants: 5,
        reset: true,
      });

      expect(await JobModel.exists({ _id: oldJob._id })).to.equal(null);
      expect(report.counts.jobs).to.equal(2);
      expect(await countDocuments()).to.deep.equal(report.counts);
    });

    it('rejects invalid options before writing', async () => {
      const options = { ...DEFAULT_SEED_OPTIONS, minExperiences: 4, maxExperiences: 3 };

      const error = await rejectionOf(seedDatabase(options));

      expect(error).to.be.instanceOf(RangeError);
      expect((error as Error).message).to.include('minExperiences (4)');
      expect(await countDocuments()).to.deep.equal({ jobs: 0, applicants: 0, experiences: 0 });
    });

    it('reports progress after each batch', async () => {
      const calls: Array<[number, number]> = [];

      await seedDatabase({ ...DEFAULT_SEED_OPTIONS, batchSize: 30 }, (done, total) => {
        calls.push([done, total]);
      });

      expect(calls).to.deep.equal([
        [30, 100],
        [60, 100],
        [90, 100],
        [100, 100],
      ]);
    });

    it('gives each job one applicant when the counts are equal', async () => {
      await seedDatabase({ ...DEFAULT_SEED_OPTIONS, jobs: 4, applicants: 4 });

      const jobIds = await ApplicantModel.distinct('job');

      expect(jobIds).to.have.lengthOf(4);
    });

    it('creates every count from min to max experiences', async () => {
      const options = {
        ...DEFAULT_SEED_OPTIONS,
        applicants: 21,
        minExperiences: 0,
        maxExperiences: 20,
      };

      await seedDatabase(options);

      const perApplicant = await ExperienceModel.aggregate<{ count: number }>([
        { $group: { _id: '$applicant', count: { $sum: 1 } } },
      ]);
      const counts = new Set(perApplicant.map((entry) => entry.count));
      // Applicants with no experience have no group, so 0 shows as the one missing applicant.
      expect(perApplicant).to.have.lengthOf(20);
      expect(counts.size).to.equal(20);
    });

    it('creates jobs without applicants', async () => {
      const report = await seedDatabase({ ...DEFAULT_SEED_OPTIONS, jobs: 2, applicants: 0 });

      expect(report.counts).to.deep.equal({ jobs: 2, applicants: 0, experiences: 0 });
      expect(await countDocuments()).to.deep.equal(report.counts);
    });
  });
});
