import { startMongod } from './mongod.js';
import type { InProcessServer, InProcessServerOptions } from './server/server.js';

export type { InProcessServer, InProcessServerOptions };

/** The kind of server behind an embedded database. */
export type EmbeddedDatabaseKind = 'mongodb-memory-server' | 'in-process';

/** A database started by this process for development and tests. */
export interface EmbeddedDatabase {
  /** Connection string including the database name. */
  uri: string;
  kind: EmbeddedDatabaseKind;
  /** Stops the server. Its data is discarded. */
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Database name appended to the URI. Defaults to `test`, MongoDB's default. */
  dbName?: string;
  /** Receives the warning issued when the in-process stand-in is used. */
  warn?: (message: string) => void;
  /**
   * Loopback port to listen on, so that other processes can reach the database. 0 or absent
   * picks a free one. When the port is taken, a free one is used and `warn` reports it.
   */
  port?: number;
}

/**
 * Starts a MongoDB-compatible server inside this process, speaking the wire protocol on a
 * TCP port so that the official driver and Mongoose connect to it unchanged. Data lives in
 * memory and is lost when the server stops. The server code, mostly mingo's operators, is
 * loaded on the first call, so a process that runs a real mongod never loads it.
 */
export async function startInProcessServer(
  options?: InProcessServerOptions,
): Promise<InProcessServer> {
  const server = await import('./server/server.js');
  return server.startInProcessServer(options);
}

/**
 * Starts a database that needs no installation: a real mongod through mongodb-memory-server
 * when its binary is cached or can be downloaded, otherwise the in-process MongoDB stand-in,
 * in which case `warn` receives one message saying so.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const dbName = options.dbName ?? 'test';
  const port = options.port ?? 0;
  const attempt = await startMongod(dbName, port);
  if ('database' in attempt) return attempt.database;

  const server = await startInProcessServerOnPort(port, options.warn);
  const uri = `${server.uri}/${dbName}`;
  options.warn?.(inProcessWarning(attempt.reason, uri));
  return { uri, kind: 'in-process', stop: () => server.stop() };
}

async function startInProcessServerOnPort(
  port: number,
  warn: EmbeddedDatabaseOptions['warn'],
): Promise<InProcessServer> {
  try {
    return await startInProcessServer({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    warn?.(`Port ${port} is in use, so the embedded database listens on a free port instead.`);
    return startInProcessServer({ port: 0 });
  }
}

function inProcessWarning(reason: string, uri: string): string {
  return (
    `${reason}. Using the in-process MongoDB stand-in at ${uri}, a development stand-in that ` +
    'keeps data in memory only, so all data is lost when the process exits. To use a real ' +
    'MongoDB instead, set MONGODB_URI (for example mongodb://127.0.0.1:27017/jobs) or run ' +
    '`docker compose up`.'
  );
}
