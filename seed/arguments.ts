import { parseArgs } from 'node:util';

import { embeddedDatabaseUri } from './database-uri.js';
import {
  DEFAULT_SEED_OPTIONS,
  SEED_OPTION_LIMITS,
  findSeedOptionProblems,
  type SeedOptions,
} from './options.js';

/** An invalid command line; its message names each bad option and the accepted values. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type SeedCommand = { help: true } | { help: false; options: SeedOptions };

type CountOption = 'jobs' | 'applicants' | 'minExperiences' | 'maxExperiences' | 'seed';

interface CountFlag {
  flag: string;
  option: CountOption;
  description: string;
  /** A second help line, for what the range and default leave out. */
  note?: string;
}

const COUNT_FLAGS: readonly CountFlag[] = [
  { flag: 'jobs', option: 'jobs', description: 'Jobs to create' },
  { flag: 'applicants', option: 'applicants', description: 'Applicants to spread over the jobs' },
  {
    flag: 'min-experiences',
    option: 'minExperiences',
    description: 'Minimum experiences per applicant',
  },
  {
    flag: 'max-experiences',
    option: 'maxExperiences',
    description: 'Maximum experiences per applicant',
  },
  {
    flag: 'seed',
    option: 'seed',
    description: 'Faker seed',
    note: '(the same seed and counts give the same data)',
  },
];

const FLAG_BY_OPTION = new Map<keyof SeedOptions, string>(
  COUNT_FLAGS.map(({ flag, option }) => [option, `--${flag}`]),
);

const HELP_INDENT = 24;

function describeCountFlag({ flag, option, description, note }: CountFlag): string {
  const { min, max } = SEED_OPTION_LIMITS[option];
  const defaultValue = DEFAULT_SEED_OPTIONS[option] ?? 'random, printed in the report';
  const name = `--${flag} N`.padEnd(HELP_INDENT - 2);
  const line = `  ${name}${description}, ${min} to ${max} (default: ${defaultValue})`;
  return note ? `${line}\n${' '.repeat(HELP_INDENT)}${note}` : line;
}

export const HELP_TEXT = `Usage: npm run seed -- [options]

Fills the database with dummy jobs, applicants and their Education and Work experiences.
Connects to MONGODB_URI, or, when it is unset, to the embedded database of a running
\`npm start\` at ${embeddedDatabaseUri()} (EMBEDDED_MONGODB_PORT sets the port).

Options:
${COUNT_FLAGS.map(describeCountFlag).join('\n')}
  --reset               Delete all jobs, applicants and experiences first (default: off, and
                        a database that holds any of them is left unchanged)
  --help                Show this help and exit

Exit status: 0 on success; 1 when the database is unreachable, is not empty, or a write
fails; 2 for an invalid option or environment variable.`;

/**
 * Parses the seed script's arguments into options, starting from DEFAULT_SEED_OPTIONS.
 * Throws UsageError for an unknown flag, a missing or non-numeric value, or options that
 * findSeedOptionProblems rejects.
 */
export function parseSeedArguments(args: readonly string[]): SeedCommand {
  const values = parseStrictly(attachNegativeValues(args));
  if (values.help) {
    return { help: true };
  }

  const options: SeedOptions = { ...DEFAULT_SEED_OPTIONS, reset: values.reset === true };
  const problems: string[] = [];
  for (const { flag, option } of COUNT_FLAGS) {
    const text = values[flag];
    if (typeof text !== 'string') {
      continue;
    }
    if (/^\d+$/.test(text)) {
      options[option] = Number(text);
    } else {
      const { min, max } = SEED_OPTION_LIMITS[option];
      problems.push(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
    }
  }

  problems.push(...findSeedOptionProblems(options, (name) => FLAG_BY_OPTION.get(name) ?? name));
  if (problems.length > 0) {
    throw new UsageError(problems.join('.\n') + '.');
  }
  return { help: false, options };
}

type ParsedValues = Record<string, string | boolean | undefined>;

function parseStrictly(args: string[]): ParsedValues {
  const countOptions = Object.fromEntries(
    COUNT_FLAGS.map(({ flag }) => [flag, { type: 'string' as const }]),
  );
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...countOptions,
        reset: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

// parseArgs reads `--jobs -1` as a flag with its value missing. Joining such a pair into
// `--jobs=-1` lets the number check report the negative value itself.
function attachNegativeValues(args: readonly string[]): string[] {
  const countFlags = new Set(COUNT_FLAGS.map(({ flag }) => `--${flag}`));
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const next = args[index + 1];
    if (countFlags.has(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
