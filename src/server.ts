import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './lib/config.js';
import { connectDatabase, type DatabaseConnection } from './lib/database.js';
import { createLogger } from './lib/logger.js';

// In-flight requests get this long to finish after SIGTERM or SIGINT before the process gives up.
const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Readonly<Config> {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}

/**
 * Stops accepting connections on SIGTERM or SIGINT, lets in-flight requests finish, closes the
 * database and exits 0; exits 1 when that takes longer than the grace period.
 */
function shutDownOnSignals(server: Server, database: DatabaseConnection, logger: Logger): void {
  let stopping = false;

  const shutDown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ graceMs: SHUTDOWN_GRACE_MS }, 'shutdown timed out, exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();

    await closeServer(server);
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };

  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);
}

/**
 * Fills an empty embedded database with the seed script's default dummy data, so a first
 * `npm start` has something to show. A database given by MONGODB_URI is never seeded here.
 */
async function seedEmbeddedDatabase(logger: Logger): Promise<void> {
  const { isDatabaseEmpty, seedDatabase } = await import('../seed/seed.js');
  if (!(await isDatabaseEmpty())) {
    logger.info('database already contains data, so it was not seeded');
    return;
  }

  const report = await seedDatabase();
  const durationMs = Math.round(report.durationMs);
  logger.info({ ...report.counts, seed: report.seed, durationMs }, 'database seeded');
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  logger.info({ pid: process.pid, node: process.version }, 'starting');

  const database = await connectDatabase(
    { mongodbUri: config.mongodbUri, embeddedPort: config.embeddedDatabasePort },
    logger,
  );
  logger.info({ mode: database.mode, uri: database.redactedUri }, 'database connected');
  if (database.mode !== 'external' && config.seedEmbeddedDatabase) {
    await seedEmbeddedDatabase(logger);
  }

  const server = createServer(createApp({ logger }).callback());
  shutDownOnSignals(server, database, logger);
  const address = await listen(server, config.port, config.host);
  logger.info({ url: `http://${address.address}:${address.port}` }, 'listening');
}

main().catch((error: unknown) => {
  createLogger('fatal').fatal({ err: error }, 'start-up failed');
  process.exit(1);
});
