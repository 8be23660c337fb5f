/**
 * `npm run seed`: fills the database with dummy data. Run it with `--help` for the options.
 * It exits with 0 on success and 2 for an invalid option or environment variable. It exits with 1
 * when the database is unreachable or not empty, or when a write fails.
 */
import mongoose from 'mongoose';

import { ApplicantModel } from '../src/applicants/applicant.model.js';
import { ExperienceModel } from '../src/experiences/experience.model.js';
import { JobModel } from '../src/jobs/job.model.js';
import { ConfigError, loadConfig, type Config } from '../src/lib/config.js';
import { redactUri } from '../src/lib/database.js';
import { HELP_TEXT, parseSeedArguments, UsageError } from './arguments.js';
import { resolveDatabaseUri } from './database-uri.js';
import type { SeedOptions } from './options.js';
import { createProgressDisplay } from './progress.js';
import { formatSeedReport } from './report.js';

const EXIT_SUCCESS = 0;
const EXIT_DATABASE_FAILURE = 1;
const EXIT_INVALID_USAGE = 2;

// Long enough for an API started a moment ago to come up. Starting tsx and loading Mongoose can
// take a few seconds on a busy machine, and the script should give up within about 10 s in all.
const CONNECT_TIMEOUT_MS = 5000;

async function main(args: string[]): Promise<number> {
  let options: SeedOptions;
  let config: Readonly<Config>;
  try {
    const command = parseSeedArguments(args);
    if (command.help) {
      console.log(HELP_TEXT);
      return EXIT_SUCCESS;
    }
    options = command.options;
    config = loadConfig();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`${error.message}\nRun "npm run seed -- --help" to list the options.`);
      return EXIT_INVALID_USAGE;
    }
    throw error;
  }

  const uri = resolveDatabaseUri(config.mongodbUri, config.embeddedDatabasePort);
  try {
    await connect(uri);
  } catch (error) {
    console.error(describeConnectFailure(uri, config.mongodbUri !== undefined, error));
    await mongoose.disconnect();
    return EXIT_DATABASE_FAILURE;
  }

  try {
    return await seedAndReport(options, { uri, apiPort: config.port || 3000 });
  } finally {
    await mongoose.disconnect();
  }
}

async function connect(uri: string): Promise<void> {
  await mongoose.connect(uri, { serverSelectionTimeoutMS: CONNECT_TIMEOUT_MS });
  // Building the indexes first makes the unique email index check the seeded applicants.
  await Promise.all([JobModel.init(), ApplicantModel.init(), ExperienceModel.init()]);
}

function describeConnectFailure(uri: string, fromEnvironment: boolean, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const failure = `Could not connect to the database at ${redactUri(uri)}: ${reason}`;
  if (fromEnvironment) {
    return `${failure}\nCheck that MongoDB is running there and that MONGODB_URI is right.`;
  }
  return (
    `${failure}\nMONGODB_URI is not set, so the seed script looks for the embedded database ` +
    'of a running API.\nStart the API with "npm start" in another terminal first, or set ' +
    'MONGODB_URI to a running MongoDB.'
  );
}

async function seedAndReport(
  options: SeedOptions,
  target: { uri: string; apiPort: number },
): Promise<number> {
  // Faker loads all its locales on import, so it is loaded only after the connection succeeds.
  const { seedDatabase, DatabaseNotEmptyError } = await import('./seed.js');
  const progress = createProgressDisplay(options.applicants);

  try {
    const report = await seedDatabase(options, progress.update);
    progress.stop();
    const context = { redactedUri: redactUri(target.uri), apiPort: target.apiPort, options };
    console.log(formatSeedReport(report, context));
    return EXIT_SUCCESS;
  } catch (error) {
    progress.stop();
    if (error instanceof DatabaseNotEmptyError) {
      console.error(
        `${error.message}\nTo delete them and seed again, run: npm run seed -- --reset ` +
          '(with your other options).',
      );
    } else {
      console.error(describeWriteFailure(error));
    }
    return EXIT_DATABASE_FAILURE;
  }
}

function describeWriteFailure(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `Seeding failed: ${reason}\nThe batches written before the failure are still in the ` +
    'database; run again with --reset to start over.'
  );
}

process.exitCode = await main(process.argv.slice(2));
