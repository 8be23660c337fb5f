import { formatDate } from '../lib/dates.js';
import type { ExperienceRecord } from './experience.service.js';

/** An experience as the API returns it inside an applicant. */
export interface ExperienceRepresentation {
  id: string;
  Category: string;
  Start: string;
  /** Null while the experience is ongoing. */
  End: string | null;
  Institution: string;
  Description: string;
}

/** Converts a stored experience to its API form, with dates written as `September 1, 2000`. */
export function representExperience(experience: ExperienceRecord): ExperienceRepresentation {
  return {
    id: experience._id.toHexString(),
    Category: experience.category,
    Start: formatDate(experience.start),
    End: experience.end ? formatDate(experience.end) : null,
    Institution: experience.institution,
    Description: experience.description,
  };
}
