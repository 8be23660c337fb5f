/** The six applicant statuses, spelled as stored and returned (the fifth has an EN DASH). */
export const APPLICANT_STATUSES = [
  'Under review',
  'Rejected',
  'Offer pending',
  'Offer rejected',
  'Offer accepted – yet to start',
  'Started',
] as const;

export type ApplicantStatus = (typeof APPLICANT_STATUSES)[number];

export const DEFAULT_APPLICANT_STATUS: ApplicantStatus = 'Under review';

// Hyphen-minus, en dash, em dash and minus sign, with any spaces around them.
const DASH = /\s*[-\u2013\u2014\u2212]\s*/g;

function normalizeStatusText(text: string): string {
  return text.trim().replace(DASH, ' \u2013 ').replace(/\s+/g, ' ').toLowerCase();
}

const STATUS_BY_NORMALIZED_TEXT = new Map<string, ApplicantStatus>(
  APPLICANT_STATUSES.map((status) => [normalizeStatusText(status), status]),
);

/**
 * Returns the canonical status for a client's spelling of it: any letter case, runs of spaces,
 * and a hyphen, em dash or minus sign in place of the en dash. Returns undefined for anything else.
 */
export function canonicalizeStatus(text: string): ApplicantStatus | undefined {
  return STATUS_BY_NORMALIZED_TEXT.get(normalizeStatusText(text));
}
