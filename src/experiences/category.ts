export const EXPERIENCE_CATEGORIES = ['Education', 'Work'] as const;

export type ExperienceCategory = (typeof EXPERIENCE_CATEGORIES)[number];

/** Returns the canonical category for any letter case of it, or undefined. */
export function canonicalizeCategory(text: string): ExperienceCategory | undefined {
  const normalized = text.trim().toLowerCase();
  return EXPERIENCE_CATEGORIES.find((category) => category.toLowerCase() === normalized);
}
