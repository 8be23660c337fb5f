import type { Faker } from '@faker-js/faker';

import { APPLICANT_STATUSES, type ApplicantStatus } from '../src/applicants/status.js';

/**
 * Values pinned to randomly chosen applicant positions (0 = first applicant generated), so that
 * even a small run contains every job, status and experience count. Positions not in a map get
 * a random value.
 */
export interface CoveragePlan {
  jobIndexByPosition: Map<number, number>;
  statusByPosition: Map<number, ApplicantStatus>;
  experienceCountByPosition: Map<number, number>;
}

export interface CoverageCounts {
  jobs: number;
  applicants: number;
  minExperiences: number;
  maxExperiences: number;
}

/**
 * Plans which applicants carry each job, each of the six statuses, and each experience count
 * from min to max. When there are fewer applicants than values to cover, a random subset of the
 * values is covered, one applicant each.
 */
export function planCoverage(counts: CoverageCounts, faker: Faker): CoveragePlan {
  const experienceCounts = integersFrom(
    counts.minExperiences,
    counts.maxExperiences - counts.minExperiences + 1,
  );
  return {
    jobIndexByPosition: pinToRandomPositions(
      integersFrom(0, counts.jobs),
      counts.applicants,
      faker,
    ),
    statusByPosition: pinToRandomPositions([...APPLICANT_STATUSES], counts.applicants, faker),
    experienceCountByPosition: pinToRandomPositions(experienceCounts, counts.applicants, faker),
  };
}

function pinToRandomPositions<T>(values: T[], positionCount: number, faker: Faker): Map<number, T> {
  const covered =
    values.length > positionCount ? faker.helpers.arrayElements(values, positionCount) : values;
  const positions = faker.helpers.arrayElements(integersFrom(0, positionCount), covered.length);
  return new Map(positions.map((position, index) => [position, covered[index] as T]));
}

function integersFrom(first: number, count: number): number[] {
  return Array.from({ length: Math.max(count, 0) }, (_, index) => first + index);
}
