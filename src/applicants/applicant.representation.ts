import type { Types } from 'mongoose';

import {
  representExperience,
  type ExperienceRepresentation,
} from '../experiences/experience.representation.js';
import type { ApplicantDetails } from './applicant.service.js';

/** An applicant as the API returns it. */
export interface ApplicantRepresentation {
  id: string;
  /** The job's title, or null when the job no longer exists. */
  Job: string | null;
  Job_id: string;
  First_name: string;
  Last_name: string;
  Email: string;
  Status: string;
  Experiences: ExperienceRepresentation[];
  Created_at: string;
  Updated_at: string;
}

/** Builds the path of one applicant, with the trailing slash that `Location` headers use. */
export function applicantPath(id: Types.ObjectId): string {
  return `/api/applicant/${id.toHexString()}/`;
}

/** Converts an applicant and its details to the API form, with timestamps in ISO 8601 UTC. */
export function representApplicant({
  applicant,
  jobTitle,
  experiences,
}: ApplicantDetails): ApplicantRepresentation {
  return {
    id: applicant._id.toHexString(),
    Job: jobTitle,
    Job_id: applicant.job.toHexString(),
    First_name: applicant.firstName,
    Last_name: applicant.lastName,
    Email: applicant.email,
    Status: applicant.status,
    Experiences: experiences.map(representExperience),
    Created_at: applicant.createdAt.toISOString(),
    Updated_at: applicant.updatedAt.toISOString(),
  };
}
