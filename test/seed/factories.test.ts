import { expect } from 'chai';
import { Types } from 'mongoose';

import { ApplicantModel } from '../../src/applicants/applicant.model.js';
import { APPLICANT_STATUSES } from '../../src/applicants/status.js';
import { ExperienceModel } from '../../src/experiences/experience.model.js';
import { JobModel } from '../../src/jobs/job.model.js';
import { planCoverage } from '../../seed/coverage.js';
import {
  buildApplicant,
  buildExperience,
  buildExperienceTimeline,
  buildJob,
  createSeededFaker,
  SEED_REFERENCE_DATE,
  type ExperienceFields,
} from '../../seed/factories.js';
import { EMPLOYERS, UNIVERSITIES } from '../../seed/vocabulary.js';

const SEEDS = Array.from({ length: 200 }, (_, index) => index);

function buildTimelines(count: number): ExperienceFields[][] {
  return SEEDS.map((seed) => {
    return buildExperienceTimeline(new Types.ObjectId(), count, createSeededFaker(seed));
  });
}

/** Returns the document's validation error, or undefined when the document is valid. */
async function validationErrorOf(document: { validate(): Promise<void> }): Promise<unknown> {
  try {
    await document.validate();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('seed factories', () => {
  describe('buildJob', () => {
    it('builds a job that passes model validation', async () => {
      const job = new JobModel(buildJob());

      expect(await validationErrorOf(job)).to.equal(undefined);
      expect(job.title).to.match(/\w/);
      expect(job.description).to.include(job.title);
    });

    it('keeps overrides', () => {
      const job = buildJob({ title: 'Night Porter', location: 'Oslo, Norway' });

      expect(job.title).to.equal('Night Porter');
      expect(job.location).to.equal('Oslo, Norway');
    });

    it('repeats its output for the same seed', () => {
      const first = buildJob({}, createSeededFaker(9));

      const second = buildJob({}, createSeededFaker(9));

      expect(second).to.deep.equal(first);
    });
  });

  describe('buildApplicant', () => {
    it('builds an applicant that passes model validation', async () => {
      const applicant = new ApplicantModel(buildApplicant({ job: new Types.ObjectId() }));

      expect(await validationErrorOf(applicant)).to.equal(undefined);
      expect(APPLICANT_STATUSES).to.include(applicant.status);
    });

    it('makes a lowercase ASCII email from the name and tag', () => {
      const overrides = { job: new Types.ObjectId(), firstName: 'Zoë', lastName: "O'Brien-Núñez" };

      const applicant = buildApplicant(overrides, createSeededFaker(1), 42);

      expect(applicant.email).to.match(/^zoe\.obriennunez42@example\.(com|net|org)$/);
    });

    it('falls back to a generic email name for non-Latin names', () => {
      const overrides = { job: new Types.ObjectId(), firstName: '李', lastName: '王' };

      const applicant = buildApplicant(overrides, createSeededFaker(1), 7);

      expect(applicant.email).to.match(/^applicant7@example\.(com|net|org)$/);
    });
  });

  describe('buildExperience', () => {
    it('builds a finished experience that passes model validation', async () => {
      const experience = buildExperience({
        applicant: new Types.ObjectId(),
        category: 'Education',
      });

      expect(await validationErrorOf(new ExperienceModel(experience))).to.equal(undefined);
      expect(experience.end).to.be.instanceOf(Date);
      expect(UNIVERSITIES).to.include(experience.institution);
    });
  });

  describe('buildExperienceTimeline', () => {
    it('builds the requested number of experiences', () => {
      for (const count of [0, 1, 2, 10, 50]) {
        const timelines = buildTimelines(count);

        for (const timeline of timelines) {
          expect(timeline).to.have.lengthOf(count);
        }
      }
    });

    it('puts every Education before the first Work', () => {
      for (const timeline of buildTimelines(6)) {
        const categories = timeline.map((experience) => experience.category).join(' ');
        const education = timeline.filter((experience) => experience.category === 'Education');
        const work = timeline.filter((experience) => experience.category === 'Work');
        const lastEducationEnd = Math.max(...education.map((experience) => Number(experience.end)));

        expect(categories).to.match(/^(Education )*(Work ?)*$/);
        expect(work[0]?.start.getTime() ?? Infinity).to.be.at.least(lastEducationEnd);
      }
    });

    it('dates every experience before the reference date', () => {
      for (const timeline of buildTimelines(10)) {
        for (const experience of timeline) {
          expect(experience.start).to.be.below(SEED_REFERENCE_DATE);
          expect(experience.end ?? experience.start).to.be.below(SEED_REFERENCE_DATE);
          expect(experience.end ?? experience.start).to.be.at.least(experience.start);
        }
      }
    });

    it('leaves only the last experience ongoing', () => {
      const timelines = buildTimelines(5);

      const ongoingPositions = timelines.flatMap((timeline) => {
        return timeline.flatMap((experience, index) => (experience.end === null ? [index] : []));
      });

      expect(ongoingPositions).to.not.be.empty;
      expect(new Set(ongoingPositions)).to.deep.equal(new Set([4]));
    });

    it('mostly chains Work periods, with a few overlaps', () => {
      const transitions = buildTimelines(10).flatMap((timeline) => {
        const work = timeline.filter((experience) => experience.category === 'Work');
        return work.slice(1).map((experience, index) => {
          const previousEnd = work[index]?.end?.getTime() ?? Infinity;
          return Math.sign(experience.start.getTime() - previousEnd);
        });
      });

      const consecutive = transitions.filter((sign) => sign === 0).length;
      const overlapping = transitions.filter((sign) => sign < 0).length;
      expect(consecutive / transitions.length).to.be.above(0.6);
      expect(overlapping / transitions.length).to.be.within(0.02, 0.25);
    });

    it('draws institutions from the small pools', () => {
      const institutions = new Set(
        buildTimelines(10)
          .flat()
          .map((experience) => experience.institution),
      );

      expect([...UNIVERSITIES, ...EMPLOYERS]).to.include.members([...institutions]);
    });

    it('passes model validation', async () => {
      const [timeline] = buildTimelines(10);

      for (const experience of timeline ?? []) {
        expect(await validationErrorOf(new ExperienceModel(experience))).to.equal(undefined);
      }
    });
  });

  describe('planCoverage', () => {
    it('covers every job, status and experience count', () => {
      const counts = { jobs: 3, applicants: 100, minExperiences: 1, maxExperiences: 10 };

      const plan = planCoverage(counts, createSeededFaker(3));

      expect(new Set(plan.jobIndexByPosition.values())).to.deep.equal(new Set([0, 1, 2]));
      expect([...plan.statusByPosition.values()]).to.have.members([...APPLICANT_STATUSES]);
      expect([...plan.experienceCountByPosition.values()]).to.have.members([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      for (const position of plan.statusByPosition.keys()) {
        expect(position).to.be.within(0, 99);
      }
    });

    it('covers as many values as there are applicants', () => {
      const counts = { jobs: 5, applicants: 2, minExperiences: 0, maxExperiences: 0 };

      const plan = planCoverage(counts, createSeededFaker(3));

      expect([...plan.jobIndexByPosition.keys()]).to.have.members([0, 1]);
      expect([...plan.statusByPosition.keys()]).to.have.members([0, 1]);
      expect(new Set(plan.jobIndexByPosition.values()).size).to.equal(2);
      expect([...plan.experienceCountByPosition.values()]).to.deep.equal([0]);
    });
  });
});
