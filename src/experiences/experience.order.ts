import type { ExperienceRecord } from './experience.service.js';

// An ongoing experience (End null) has not ended, so it sorts after every End date.
function endTime(experience: ExperienceRecord): number {
  return experience.end ? experience.end.getTime() : Infinity;
}

function compareIds(a: ExperienceRecord, b: ExperienceRecord): number {
  const [first, second] = [a._id.toHexString(), b._id.toHexString()];
  if (first === second) {
    return 0;
  }
  return first < second ? -1 : 1;
}

/**
 * Orders experiences by Start, then by End with ongoing ones last, then by creation, so that
 * experiences with equal dates keep a stable order.
 */
export function compareExperiences(a: ExperienceRecord, b: ExperienceRecord): number {
  return (
    a.start.getTime() - b.start.getTime() ||
    endTime(a) - endTime(b) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    compareIds(a, b)
  );
}
