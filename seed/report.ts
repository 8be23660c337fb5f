import { DEFAULT_SEED_OPTIONS, type SeedOptions } from './options.js';
import { formatCount } from './progress.js';
import type { SeedReport } from './seed.js';

/** More jobs than this are counted in the report but not listed one by one. */
const LISTED_JOBS = 10;

export interface ReportContext {
  /** The database written to, with any password removed. */
  redactedUri: string;
  /** The port of the API whose summary URLs the report lists. */
  apiPort: number;
  options: SeedOptions;
}

/** Formats the lines the seed script prints after a successful run. */
export function formatSeedReport(report: SeedReport, context: ReportContext): string {
  const seconds = report.durationMs / 1000;
  const rate = seconds > 0 ? Math.round(report.counts.applicants / seconds) : 0;
  const lines = [
    `Seeded ${context.redactedUri} in ${seconds.toFixed(1)} s with Faker seed ${report.seed}:`,
    `  jobs         ${formatCount(report.counts.jobs)}`,
    `  applicants   ${formatCount(report.counts.applicants)}`,
    `  experiences  ${formatCount(report.counts.experiences)}`,
    `  rate         ${formatCount(rate)} applicants per second`,
    ...formatJobLines(report.jobIds, context.apiPort),
    '',
    `To recreate the same data: ${formatRerunCommand(report.seed, context.options)}`,
  ];
  return lines.join('\n');
}

function formatJobLines(jobIds: string[], apiPort: number): string[] {
  if (jobIds.length === 0) {
    return [];
  }
  const listed = jobIds.slice(0, LISTED_JOBS).map((id) => {
    return `  ${id}  http://localhost:${apiPort}/api/jobs/${id}/summary/`;
  });
  const unlisted = jobIds.length - listed.length;
  return [
    '',
    'Job ids and their summary URLs:',
    ...listed,
    ...(unlisted > 0 ? [`  ... and ${formatCount(unlisted)} more`] : []),
  ];
}

// Repeats only the counts that differ from the defaults, so the usual command stays short.
function formatRerunCommand(seed: number, options: SeedOptions): string {
  const flags: Array<[string, keyof SeedOptions]> = [
    ['--jobs', 'jobs'],
    ['--applicants', 'applicants'],
    ['--min-experiences', 'minExperiences'],
    ['--max-experiences', 'maxExperiences'],
  ];
  const changed = flags
    .filter(([, option]) => options[option] !== DEFAULT_SEED_OPTIONS[option])
    .map(([flag, option]) => `${flag} ${options[option]}`);
  return ['npm run seed -- --reset', `--seed ${seed}`, ...changed].join(' ');
}
