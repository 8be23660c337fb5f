/**
 * The aggregation pipeline behind `GET /api/jobs/{id}/summary/`. It runs on the `applicants`
 * collection, so its first stage can use the `{ job: 1, … }` indexes, and it joins experiences by
 * their indexed `applicant` field. Every operator is documented for MongoDB 6.0 and implemented
 * by mingo 7, which evaluates pipelines in the in-process development server.
 *
 * NOTE: the tests have run this pipeline on the in-process server only. Its results and its
 * index use on MongoDB itself are not yet checked by a test or an `explain`.
 */
import type { PipelineStage, Types } from 'mongoose';

/** The response body of the summary endpoint, exactly as the pipeline's last stage shapes it. */
export interface JobSummary {
  applicant_count: number;
  applicants_under_review: number;
  applicants_offer_pending: number;
  most_common_institution: string | null;
  average_work_experience_count: number;
  average_years_of_work_experience: number;
}

/** A Julian year, the year length the summary uses to turn durations into years. */
export const MILLISECONDS_PER_YEAR = 365.25 * 24 * 60 * 60 * 1000;

type Expression = Record<string, unknown>;

// The totals of a job without applicants, because `$group` emits nothing for empty input.
const EMPTY_TOTALS = {
  applicantCount: 0,
  underReview: 0,
  offerPending: 0,
  workCount: 0,
  workMilliseconds: 0,
};

/**
 * Builds the pipeline that summarizes one job's applicants and their experiences.
 * `now` closes ongoing Work periods and clips future ones. It is a parameter rather than `$$NOW`
 * so that callers and tests decide the instant. The pipeline returns one document shaped as
 * {@link JobSummary}, also for a job without applicants.
 */
export function buildJobSummaryPipeline(jobId: Types.ObjectId, now: Date): PipelineStage[] {
  return [
    { $match: { job: jobId } },
    ...joinExperiences(),
    ...summarizeEachApplicant(now),
    summarizeJob(),
    ...shapeSummary(),
  ];
}

// Stage group 1: attach each applicant's experiences. The localField/foreignField form uses the
// index on `experiences.applicant`, and the projection drops applicant fields that no stage reads.
function joinExperiences(): PipelineStage[] {
  return [
    { $project: { status: 1 } },
    {
      $lookup: {
        from: 'experiences',
        localField: '_id',
        foreignField: 'applicant',
        as: 'experiences',
      },
    },
  ];
}

// Stage group 2: reduce each applicant to its status, its institutions, its number of Work
// experiences and the time its Work periods cover.
function summarizeEachApplicant(now: Date): PipelineStage[] {
  return [
    {
      $project: {
        _id: 0,
        status: 1,
        institutions: '$experiences.institution',
        workPeriods: workPeriodsUntil(now),
      },
    },
    {
      $project: {
        status: 1,
        institutions: 1,
        workCount: { $size: '$workPeriods' },
        workCoverage: coveredTime('$workPeriods'),
      },
    },
  ];
}

// Each Work experience as a period from its start to its end, where a missing end (ongoing) and
// any end after `now` become `now`. A period that starts after `now` thus ends before it starts.
function workPeriodsUntil(now: Date): Expression {
  const workExperiences = {
    $filter: {
      input: '$experiences',
      as: 'experience',
      cond: { $eq: ['$$experience.category', 'Work'] },
    },
  };
  return {
    $map: {
      input: workExperiences,
      as: 'work',
      in: {
        start: '$$work.start',
        end: { $min: [{ $ifNull: ['$$work.end', now] }, now] },
      },
    },
  };
}

// The length of the union of the periods, in milliseconds, as `{ total, coveredUntil }`. A sweep
// over the periods sorted by start counts only the part of each period after `coveredUntil`, the
// latest end seen so far, so overlaps count once. `$max` ignores the initial null `coveredUntil`,
// and the outer `$max` with 0 drops periods that lie inside earlier ones or end before they start.
function coveredTime(periods: string): Expression {
  return {
    $reduce: {
      input: { $sortArray: { input: periods, sortBy: { start: 1 } } },
      initialValue: { total: 0, coveredUntil: null },
      in: {
        total: {
          $add: [
            '$$value.total',
            {
              $max: [
                0,
                { $subtract: ['$$this.end', { $max: ['$$this.start', '$$value.coveredUntil'] }] },
              ],
            },
          ],
        },
        coveredUntil: { $max: ['$$value.coveredUntil', '$$this.end'] },
      },
    },
  };
}

// Stage group 3: two summaries of the same applicants. `totals` counts applicants and sums their
// Work figures. `institution` counts experiences per spelling, merges the spellings of each
// lower-cased name while keeping the most frequent one, and keeps the name with most experiences.
// Both ties go to the first string in binary order, which is code point order for UTF-8.
// NOTE: MongoDB documents `$toLower` as well defined for ASCII only, so names that differ in the
// case of other letters (É, é) may count as different institutions there.
function summarizeJob(): PipelineStage {
  return {
    $facet: {
      totals: [
        {
          $group: {
            _id: null,
            applicantCount: { $sum: 1 },
            underReview: { $sum: countIf({ $eq: ['$status', 'Under review'] }) },
            offerPending: { $sum: countIf({ $eq: ['$status', 'Offer pending'] }) },
            workCount: { $sum: '$workCount' },
            workMilliseconds: { $sum: '$workCoverage.total' },
          },
        },
      ],
      institution: [
        { $unwind: '$institutions' },
        { $group: { _id: '$institutions', count: { $sum: 1 } } },
        {
          $group: {
            _id: { $toLower: '$_id' },
            count: { $sum: '$count' },
            spelling: { $top: { sortBy: { count: -1, _id: 1 }, output: '$_id' } },
          },
        },
        { $sort: { count: -1, _id: 1 } },
        { $limit: 1 },
      ],
    },
  };
}

function countIf(condition: Expression): Expression {
  return { $cond: [condition, 1, 0] };
}

// Stage group 4: the response body. Averages divide by the applicant count (0 without
// applicants) and round halves up to one decimal. `$round` is not used because it rounds halves
// to even. The count average divides integers once, so an exact half such as 0.25 stays exact.
function shapeSummary(): PipelineStage[] {
  return [
    {
      $project: {
        totals: { $ifNull: [{ $first: '$totals' }, { $literal: EMPTY_TOTALS }] },
        institution: { $first: '$institution.spelling' },
      },
    },
    {
      $project: {
        _id: 0,
        applicant_count: '$totals.applicantCount',
        applicants_under_review: '$totals.underReview',
        applicants_offer_pending: '$totals.offerPending',
        most_common_institution: { $ifNull: ['$institution', null] },
        average_work_experience_count: tenthsRoundedHalfUp(
          divideOrZero({ $multiply: [10, '$totals.workCount'] }, '$totals.applicantCount'),
        ),
        average_years_of_work_experience: tenthsRoundedHalfUp(
          divideOrZero(
            { $multiply: [10, '$totals.workMilliseconds'] },
            {
              $multiply: ['$totals.applicantCount', MILLISECONDS_PER_YEAR],
            },
          ),
        ),
      },
    },
  ];
}

function divideOrZero(dividend: unknown, divisor: unknown): Expression {
  return { $cond: [{ $eq: [divisor, 0] }, 0, { $divide: [dividend, divisor] }] };
}

// Rounds a number of tenths half up to a whole number and divides it by 10.
function tenthsRoundedHalfUp(tenths: Expression): Expression {
  return { $divide: [{ $floor: { $add: [tenths, 0.5] } }, 10] };
}
