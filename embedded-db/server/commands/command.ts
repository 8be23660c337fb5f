import type { Document } from 'bson';

import type { CursorRegistry } from '../cursors.js';
import type { Database, Storage } from '../storage/database.js';

/** State a command handler works on: the server's data, its cursors and the calling connection. */
export interface CommandContext {
  storage: Storage;
  /** The database named by the command's `$db` field. */
  database: Database;
  cursors: CursorRegistry;
  connectionId: number;
}

/** Runs one command and returns its reply without `ok`, or throws a `CommandError`. */
export type CommandHandler = (command: Document, context: CommandContext) => Document;
