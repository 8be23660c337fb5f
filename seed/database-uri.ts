import { DEFAULT_EMBEDDED_DATABASE_PORT } from '../src/lib/config.js';
import { DEFAULT_DATABASE_NAME } from '../src/lib/database.js';

/** Returns the address of the embedded database that `npm start` runs when MONGODB_URI is unset. */
export function embeddedDatabaseUri(port = DEFAULT_EMBEDDED_DATABASE_PORT): string {
  return `mongodb://127.0.0.1:${port}/${DEFAULT_DATABASE_NAME}`;
}

/** Returns MONGODB_URI when it is set, and otherwise the embedded database of `npm start`. */
export function resolveDatabaseUri(mongodbUri: string | undefined, embeddedPort: number): string {
  return mongodbUri || embeddedDatabaseUri(embeddedPort);
}
