import type { Types } from 'mongoose';

import type { JobRecord } from './job.service.js';

/** A job as the API returns it. */
export interface JobRepresentation {
  id: string;
  Title: string;
  Location: string;
  Description: string;
  Created_at: string;
  Updated_at: string;
}

/** Builds the path of one job, with the trailing slash that `Location` headers use. */
export function jobPath(id: Types.ObjectId): string {
  return `/api/jobs/${id.toHexString()}/`;
}

/** Converts a stored job to its API form, with timestamps as ISO 8601 date-times in UTC. */
export function representJob(job: JobRecord): JobRepresentation {
  return {
    id: job._id.toHexString(),
    Title: job.title,
    Location: job.location,
    Description: job.description,
    Created_at: job.createdAt.toISOString(),
    Updated_at: job.updatedAt.toISOString(),
  };
}
