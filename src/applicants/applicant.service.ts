import type { Types } from 'mongoose';

import {
  findExperiencesByApplicant,
  type ExperienceRecord,
} from '../experiences/experience.service.js';
import { JobModel } from '../jobs/job.model.js';
import { rejectDuplicateKey } from '../lib/duplicate-key.js';
import { ConflictError, NotFoundError, ValidationError } from '../lib/errors.js';
import { ApplicantModel, type Applicant } from './applicant.model.js';
import type { ApplicantFields, ApplicantQuery } from './applicant.schemas.js';

/** A stored applicant as a plain object. */
export type ApplicantRecord = Applicant & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/** An applicant with the title of its job and its experiences in display order. */
export interface ApplicantDetails {
  applicant: ApplicantRecord;
  /** Null when the job no longer exists. */
  jobTitle: string | null;
  experiences: ExperienceRecord[];
}

// Ties in createdAt are common within one millisecond, so _id keeps the order stable.
const LIST_ORDER = { createdAt: 1, _id: 1 } as const;

function applicantNotFound(id: Types.ObjectId): NotFoundError {
  return new NotFoundError(`No applicant has the id ${id.toHexString()}.`);
}

function duplicateApplicant(fields: string[], id?: Types.ObjectId): ConflictError {
  if (fields.includes('_id')) {
    return new ConflictError(`An applicant with the id ${id?.toHexString()} already exists.`);
  }
  // Without the index's fields in the error, a taken id looks the same as a repeated email.
  if (fields.length === 0 && id) {
    return new ConflictError(
      `An applicant with the id ${id.toHexString()}, or with this email for this job, already exists.`,
    );
  }
  return new ConflictError('An applicant with this email has already applied to this job.');
}

/** Returns the title of the job. Throws a ValidationError naming `Job` when there is no such job. */
async function findJobTitle(jobId: Types.ObjectId): Promise<string> {
  const job = await JobModel.findById(jobId).select('title').lean<{ title: string }>();
  if (!job) {
    throw ValidationError.forField('Job', `No job has the id ${jobId.toHexString()}.`);
  }
  return job.title;
}

/** Adds job titles and experiences to applicants with two queries, whatever their number. */
async function addDetails(applicants: ApplicantRecord[]): Promise<ApplicantDetails[]> {
  if (applicants.length === 0) {
    return [];
  }

  const jobIds = [...new Set(applicants.map((applicant) => applicant.job.toHexString()))];
  const [jobs, experiences] = await Promise.all([
    JobModel.find({ _id: { $in: jobIds } })
      .select('title')
      .lean<{ _id: Types.ObjectId; title: string }[]>(),
    findExperiencesByApplicant(applicants.map((applicant) => applicant._id)),
  ]);

  const titles = new Map(jobs.map((job) => [job._id.toHexString(), job.title]));
  return applicants.map((applicant) => ({
    applicant,
    jobTitle: titles.get(applicant.job.toHexString()) ?? null,
    experiences: experiences.get(applicant._id.toHexString()) ?? [],
  }));
}

/** Returns one page of applicants, oldest first, filtered by job and status, and their total. */
export async function listApplicants({
  limit,
  offset,
  job,
  status,
}: ApplicantQuery): Promise<{ items: ApplicantDetails[]; total: number }> {
  const filter = { ...(job && { job }), ...(status && { status }) };
  const [applicants, total] = await Promise.all([
    ApplicantModel.find(filter)
      .sort(LIST_ORDER)
      .skip(offset)
      .limit(limit)
      .lean<ApplicantRecord[]>(),
    ApplicantModel.countDocuments(filter),
  ]);
  return { items: await addDetails(applicants), total };
}

/** Returns the applicant with this id and its details. Throws NotFoundError when there is none. */
export async function getApplicant(id: Types.ObjectId): Promise<ApplicantDetails> {
  const applicant = await ApplicantModel.findById(id).lean<ApplicantRecord>();
  if (!applicant) {
    throw applicantNotFound(id);
  }
  const [details] = await addDetails([applicant]);
  return details!;
}

/**
 * Inserts an applicant to an existing job, under the id given or else a new one. Throws a
 * ValidationError naming `Job` when the job does not exist, and ConflictError when the id is
 * taken or the email has already applied to that job.
 */
export async function createApplicant(
  fields: ApplicantFields,
  id?: Types.ObjectId,
): Promise<ApplicantDetails> {
  const jobTitle = await findJobTitle(fields.job);

  const insert = ApplicantModel.create(id ? { ...fields, _id: id } : fields);
  const applicant = await rejectDuplicateKey(insert, (keys) => duplicateApplicant(keys, id));

  return { applicant: applicant.toObject<ApplicantRecord>(), jobTitle, experiences: [] };
}

/**
 * Sets the given fields of an applicant in one atomic update, leaving its other fields as they
 * are, and returns the applicant with its details. Throws NotFoundError when no applicant has
 * this id, a ValidationError naming `Job` when a new job does not exist, and ConflictError when
 * the new email or job pairs with an email that has already applied to that job.
 */
export async function updateApplicant(
  id: Types.ObjectId,
  changes: Partial<ApplicantFields>,
): Promise<ApplicantDetails> {
  if (changes.job) {
    await findJobTitle(changes.job);
  }

  const update = ApplicantModel.findOneAndUpdate(
    { _id: id },
    { $set: changes },
    { returnDocument: 'after', runValidators: true },
  ).lean<ApplicantRecord>();
  const applicant = await rejectDuplicateKey(update.exec(), (keys) => duplicateApplicant(keys));
  if (!applicant) {
    throw applicantNotFound(id);
  }

  const [details] = await addDetails([applicant]);
  return details!;
}
