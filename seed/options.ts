export interface SeedOptions {
  jobs: number;
  /** Spread over the jobs, so every job gets one when there are at least as many applicants. */
  applicants: number;
  minExperiences: number;
  maxExperiences: number;
  /** Faker seed: the same seed gives the same data. A random one is drawn when absent. */
  seed?: number;
  /** Whether to delete all documents first, instead of rejecting a non-empty database. */
  reset?: boolean;
  /** Number of applicants generated and inserted per round, with their experiences. */
  batchSize?: number;
}

export const DEFAULT_SEED_OPTIONS: Readonly<SeedOptions> = Object.freeze({
  jobs: 3,
  applicants: 100,
  minExperiences: 1,
  maxExperiences: 10,
  reset: false,
  batchSize: 1000,
});

/** Inclusive bounds of each count, which keep a mistyped number from filling the disk. */
export const SEED_OPTION_LIMITS = {
  jobs: { min: 0, max: 10_000 },
  applicants: { min: 0, max: 1_000_000 },
  minExperiences: { min: 0, max: 50 },
  maxExperiences: { min: 0, max: 50 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  batchSize: { min: 1, max: 10_000 },
} as const;

export type LimitedOption = keyof typeof SEED_OPTION_LIMITS;

/**
 * Returns a message for each value outside its limits or at odds with another, so an empty list
 * means the options are valid. `label` spells an option's name in the messages, such as
 * `--min-experiences` for the CLI.
 */
export function findSeedOptionProblems(
  options: SeedOptions,
  label: (name: keyof SeedOptions) => string = (name) => name,
): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(SEED_OPTION_LIMITS) as LimitedOption[]) {
    const value = options[name];
    const { min, max } = SEED_OPTION_LIMITS[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
      problems.push(`${label(name)} must be a whole number from ${min} to ${max}, got ${value}`);
    }
  }

  if (options.minExperiences > options.maxExperiences) {
    problems.push(
      `${label('minExperiences')} (${options.minExperiences}) must not be greater than ` +
        `${label('maxExperiences')} (${options.maxExperiences})`,
    );
  }
  if (options.jobs === 0 && options.applicants > 0) {
    problems.push(
      `${label('applicants')} ${options.applicants} needs at least one job, ` +
        `but ${label('jobs')} is 0`,
    );
  }
  return problems;
}
