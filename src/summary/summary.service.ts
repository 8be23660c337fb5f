import type { Types } from 'mongoose';

import { ApplicantModel } from '../applicants/applicant.model.js';
import { JobModel } from '../jobs/job.model.js';
import { NotFoundError } from '../lib/errors.js';
import { buildJobSummaryPipeline, type JobSummary } from './summary.pipeline.js';

export type { JobSummary };

/**
 * Summarizes a job's applicants and their experiences with one aggregation.
 * `now` ends ongoing Work periods and clips future ones, so durations are measured up to it.
 * Throws NotFoundError when no job has the id.
 */
export async function getJobSummary(jobId: Types.ObjectId, now = new Date()): Promise<JobSummary> {
  if (!(await JobModel.exists({ _id: jobId }))) {
    throw new NotFoundError(`No job has the id ${jobId.toHexString()}.`);
  }

  const [summary] = await ApplicantModel.aggregate<JobSummary>(buildJobSummaryPipeline(jobId, now));
  if (!summary) {
    throw new Error(`The summary pipeline returned no document for job ${jobId.toHexString()}.`);
  }
  return inResponseOrder(summary);
}

// Copies the six fields in their documented order, whatever order the database returned.
function inResponseOrder(summary: JobSummary): JobSummary {
  return {
    applicant_count: summary.applicant_count,
    applicants_under_review: summary.applicants_under_review,
    applicants_offer_pending: summary.applicants_offer_pending,
    most_common_institution: summary.most_common_institution,
    average_work_experience_count: summary.average_work_experience_count,
    average_years_of_work_experience: summary.average_years_of_work_experience,
  };
}
