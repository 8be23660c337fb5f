/**
 * Mocha root hooks that start one database for the whole run. It is chosen the way the service
 * chooses its own: MONGODB_URI, else a real mongod from mongodb-memory-server, else the
 * in-process server. Tests use a database name of their own, so they never touch the service's
 * data.
 */
import type { LevelWithSilent } from 'pino';

import { connectDatabase, type DatabaseConnection } from '../src/lib/database.js';
import { createLogger } from '../src/lib/logger.js';

export const TEST_DATABASE_NAME = 'job-applicant-api-test';

const DATABASE_DESCRIPTIONS = {
  external: 'MongoDB at MONGODB_URI',
  'mongodb-memory-server': 'a real mongod started by mongodb-memory-server',
  'in-process': 'the in-process MongoDB-compatible server',
};

let database: DatabaseConnection | undefined;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    const logger = createLogger((process.env.LOG_LEVEL as LevelWithSilent | undefined) ?? 'error');
    database = await connectDatabase(
      { mongodbUri: process.env.MONGODB_URI, dbName: TEST_DATABASE_NAME },
      logger,
    );
    console.log(`  Test database: ${DATABASE_DESCRIPTIONS[database.mode]}.`);
  },

  async afterAll() {
    await database?.close();
  },
};
