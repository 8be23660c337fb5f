/**
 * A plain-loop computation of the job summary, written from its definition and not from the
 * aggregation pipeline, so property tests can compare the two on the same data.
 */

export interface ReferenceExperience {
  category: 'Education' | 'Work';
  start: Date;
  /** The end, or null for an ongoing experience. */
  end: Date | null;
  institution: string;
}

export interface ReferenceApplicant {
  status: string;
  experiences: ReferenceExperience[];
}

export interface ReferenceSummary {
  applicant_count: number;
  applicants_under_review: number;
  applicants_offer_pending: number;
  most_common_institution: string | null;
  average_work_experience_count: number;
  average_years_of_work_experience: number;
}

const DAY_MILLISECONDS = 86_400_000;
const YEAR_MILLISECONDS = 365.25 * DAY_MILLISECONDS;

/** Summarizes applicants as the summary endpoint defines it, measuring time up to `now`. */
export function computeReferenceSummary(
  applicants: ReferenceApplicant[],
  now: Date,
): ReferenceSummary {
  let underReview = 0;
  let offerPending = 0;
  let workCount = 0;
  let workMilliseconds = 0;
  for (const applicant of applicants) {
    if (applicant.status === 'Under review') underReview += 1;
    if (applicant.status === 'Offer pending') offerPending += 1;
    const work = applicant.experiences.filter((experience) => experience.category === 'Work');
    workCount += work.length;
    workMilliseconds += unionLength(work, now.getTime());
  }

  const count = applicants.length;
  return {
    applicant_count: count,
    applicants_under_review: underReview,
    applicants_offer_pending: offerPending,
    most_common_institution: mostCommonInstitution(applicants),
    average_work_experience_count: count === 0 ? 0 : roundHalfUp((10 * workCount) / count) / 10,
    average_years_of_work_experience:
      count === 0 ? 0 : roundHalfUp((10 * workMilliseconds) / (count * YEAR_MILLISECONDS)) / 10,
  };
}

// Merges the clipped periods into disjoint intervals and adds up their lengths.
function unionLength(work: ReferenceExperience[], now: number): number {
  const intervals: [number, number][] = [];
  for (const experience of work) {
    const start = experience.start.getTime();
    const end = Math.min(experience.end?.getTime() ?? now, now);
    if (end > start) intervals.push([start, end]);
  }
  intervals.sort((a, b) => a[0] - b[0]);

  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }

  let total = 0;
  for (const [start, end] of merged) total += end - start;
  return total;
}

function mostCommonInstitution(applicants: ReferenceApplicant[]): string | null {
  const spellingsByName = new Map<string, Map<string, number>>();
  for (const applicant of applicants) {
    for (const { institution } of applicant.experiences) {
      const name = institution.toLowerCase();
      const spellings = spellingsByName.get(name) ?? new Map<string, number>();
      spellings.set(institution, (spellings.get(institution) ?? 0) + 1);
      spellingsByName.set(name, spellings);
    }
  }

  let bestName: string | null = null;
  let bestCount = 0;
  for (const [name, spellings] of spellingsByName) {
    const count = sum(spellings.values());
    if (bestName === null || isBetter(count, name, bestCount, bestName)) {
      bestName = name;
      bestCount = count;
    }
  }
  return bestName === null ? null : mostFrequentSpelling(spellingsByName.get(bestName)!);
}

function mostFrequentSpelling(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (bestCount === 0 || isBetter(count, spelling, bestCount, best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

// More occurrences win. Equal counts go to the text that comes first by code point.
function isBetter(count: number, text: string, bestCount: number, bestText: string): boolean {
  return count > bestCount || (count === bestCount && compareCodePoints(text, bestText) < 0);
}

function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a, (character) => character.codePointAt(0)!);
  const right = Array.from(b, (character) => character.codePointAt(0)!);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    if (left[i] !== right[i]) return left[i]! - right[i]!;
  }
  return left.length - right.length;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

// Math.round rounds halves towards +Infinity, which is "half up" for these non-negative values.
// Callers pass tenths from a single division of integers, so an exact half such as 2.5 stays exact.
function roundHalfUp(tenths: number): number {
  return Math.round(tenths);
}
