import type { Types } from 'mongoose';

import { rejectDuplicateKey } from '../lib/duplicate-key.js';
import { ConflictError, NotFoundError } from '../lib/errors.js';
import type { PageRequest } from '../lib/pagination.js';
import { JobModel, type Job } from './job.model.js';
import type { JobFields } from './job.schemas.js';

/** A stored job as a plain object. */
export type JobRecord = Job & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

// Ties in createdAt are common within one millisecond, so _id keeps the order stable.
const LIST_ORDER = { createdAt: 1, _id: 1 } as const;

function jobNotFound(id: Types.ObjectId): NotFoundError {
  return new NotFoundError(`No job has the id ${id.toHexString()}.`);
}

/** Returns one page of jobs, oldest first, and the number of all jobs. */
export async function listJobs({
  limit,
  offset,
}: PageRequest): Promise<{ items: JobRecord[]; total: number }> {
  const [items, total] = await Promise.all([
    JobModel.find().sort(LIST_ORDER).skip(offset).limit(limit).lean<JobRecord[]>(),
    JobModel.countDocuments(),
  ]);
  return { items, total };
}

/** Returns the job with this id. Throws NotFoundError when there is none. */
export async function getJob(id: Types.ObjectId): Promise<JobRecord> {
  const job = await JobModel.findById(id).lean<JobRecord>();
  if (!job) {
    throw jobNotFound(id);
  }
  return job;
}

/**
 * Inserts a job, under the id given or else a new one. Throws ConflictError when a job already
 * has that id.
 */
export async function createJob(fields: JobFields, id?: Types.ObjectId): Promise<JobRecord> {
  const insert = JobModel.create(id ? { ...fields, _id: id } : fields);
  const job = await rejectDuplicateKey(insert, () => {
    return new ConflictError(`A job with the id ${id?.toHexString()} already exists.`);
  });
  return job.toObject<JobRecord>();
}

/**
 * Sets the given fields of a job in one atomic update, leaving its other fields as they are.
 * Returns the updated job. Throws NotFoundError when no job has this id.
 */
export async function updateJob(
  id: Types.ObjectId,
  changes: Partial<JobFields>,
): Promise<JobRecord> {
  const job = await JobModel.findOneAndUpdate(
    { _id: id },
    { $set: changes },
    { returnDocument: 'after', runValidators: true },
  ).lean<JobRecord>();
  if (!job) {
    throw jobNotFound(id);
  }
  return job;
}
