import mongoose from 'mongoose';
import type { Logger } from 'pino';

/** The source of the data: the MONGODB_URI given, or one of the two embedded databases. */
export type DatabaseMode = 'external' | 'mongodb-memory-server' | 'in-process';

export interface DatabaseConnection {
  mode: DatabaseMode;
  /** The connection string with any password removed, fit for logs. */
  redactedUri: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  mongodbUri: string | undefined;
  /** Overrides the database named in the URI; tests use their own. */
  dbName?: string;
  /** Loopback port for an embedded database; 0 or absent picks a free one. */
  embeddedPort?: number;
}

// While the database is away, operations fail with a server-selection error (mapped to 503)
// after 3 s, which keeps every such response under 5 s.
const SERVER_SELECTION_TIMEOUT_MS = 3000;
const INITIAL_CONNECT_ATTEMPTS = 3;
export const DEFAULT_DATABASE_NAME = 'job-applicant-api';

mongoose.set('strictQuery', true);

export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * Connects Mongoose to MONGODB_URI when it is set, and otherwise to an embedded database that
 * this process starts. The embedded module is imported only in that second case, so a
 * deployment with MONGODB_URI never loads it. Resolves once the schemas' indexes exist.
 */
export async function connectDatabase(
  options: ConnectOptions,
  logger: Logger,
): Promise<DatabaseConnection> {
  if (options.mongodbUri) {
    await connectWithRetries(options.mongodbUri, options.dbName, logger);
    return {
      mode: 'external',
      redactedUri: redactUri(options.mongodbUri),
      close: () => mongoose.disconnect(),
    };
  }

  const { startEmbeddedDatabase } = await import('../../embedded-db/index.js');
  const embedded = await startEmbeddedDatabase({
    dbName: options.dbName ?? DEFAULT_DATABASE_NAME,
    warn: (message) => logger.warn(message),
    port: options.embeddedPort,
  });
  await connectWithRetries(embedded.uri, options.dbName ?? DEFAULT_DATABASE_NAME, logger);
  return {
    mode: embedded.kind,
    redactedUri: embedded.uri,
    close: async () => {
      await mongoose.disconnect();
      await embedded.stop();
    },
  };
}

async function recreateIndexes(logger: Logger): Promise<void> {
  try {
    await Promise.all(mongoose.modelNames().map((name) => mongoose.model(name).createIndexes()));
    logger.info('database connection restored, indexes checked');
  } catch (error) {
    logger.error({ err: error }, 'could not create indexes after a lost connection');
  }
}

/**
 * Creates the schemas' indexes again once a connection lost to an error is replaced. The server
 * may have been replaced by an empty one (a restarted embedded database always is), which would
 * otherwise accept duplicate emails, since only the unique index rejects them.
 * NOTE: writes that arrive between the new connection and the end of the check are not covered.
 */
function recreateIndexesAfterConnectionLoss(logger: Logger): void {
  const client = mongoose.connection.getClient();
  let connectionLost = false;

  client.on('connectionClosed', (event) => {
    connectionLost ||= event.reason === 'error' || event.reason === 'stale';
  });
  client.on('connectionReady', () => {
    if (connectionLost) {
      connectionLost = false;
      void recreateIndexes(logger);
    }
  });
}

async function connectWithRetries(
  uri: string,
  dbName: string | undefined,
  logger: Logger,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // bufferCommands: false makes operations fail at once instead of queueing while the
      // connection is down. Set here rather than globally, so that the index creation each
      // model starts when it is compiled still waits for this first connection.
      await mongoose.connect(uri, {
        bufferCommands: false,
        serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
        ...(dbName ? { dbName } : {}),
      });
      await Promise.all(mongoose.modelNames().map((name) => mongoose.model(name).init()));
      recreateIndexesAfterConnectionLoss(logger);
      return;
    } catch (error) {
      if (attempt === INITIAL_CONNECT_ATTEMPTS) {
        throw new Error(
          `Could not connect to MongoDB at ${redactUri(uri)} after ${attempt} attempts: ` +
            `${(error as Error).message}. Check that MongoDB is running and MONGODB_URI is right.`,
          { cause: error },
        );
      }
      logger.warn({ attempt, uri: redactUri(uri) }, 'database connection failed, retrying');
    }
  }
}
