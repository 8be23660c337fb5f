import type { Document } from 'bson';

import { aggregateCommands } from './commands/aggregate.js';
import { catalogCommands } from './commands/catalog.js';
import type { CommandHandler } from './commands/command.js';
import { findAndModifyCommands } from './commands/find-and-modify.js';
import { handshakeCommands } from './commands/handshake.js';
import { readCommands } from './commands/read.js';
import { writeCommands } from './commands/write.js';
import type { CursorRegistry } from './cursors.js';
import { CommandError, errorReply } from './errors.js';
import type { Storage } from './storage/database.js';

const COMMANDS = new Map<string, CommandHandler>(
  Object.entries({
    ...handshakeCommands,
    ...readCommands,
    ...writeCommands,
    ...findAndModifyCommands,
    ...aggregateCommands,
    ...catalogCommands,
  }),
);

/** Commands that MongoDB still accepts through the legacy OP_QUERY message. */
export const LEGACY_COMMANDS = new Set(['hello', 'isMaster', 'ismaster']);

// Arguments that any command may carry and that no handler here needs.
const GENERIC_ARGUMENTS = [
  '$db',
  'lsid',
  '$clusterTime',
  '$readPreference',
  'readConcern',
  'writeConcern',
  'maxTimeMS',
  'comment',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
];
const TRANSACTION_ARGUMENTS = ['txnNumber', 'startTransaction', 'autocommit'];

/** The server state a command runs against, plus the id of the calling connection. */
export interface Session {
  storage: Storage;
  cursors: CursorRegistry;
  connectionId: number;
}

/** Runs a command and returns its reply. Every failure becomes an `{ ok: 0 }` reply. */
export function runCommand(command: Document, session: Session): Document {
  try {
    const name = Object.keys(command)[0] ?? '';
    const handler = COMMANDS.get(name);
    if (!handler) throw new CommandError('CommandNotFound', `no such command: '${name}'`);

    const database = session.storage.database(databaseName(command));
    rejectTransactions(command);
    return { ...handler(withoutGenericArguments(command), { ...session, database }), ok: 1 };
  } catch (error) {
    return errorReply(error);
  }
}

function databaseName(command: Document): string {
  const name = command.$db;
  if (typeof name !== 'string') {
    throw new CommandError('BadValue', 'OP_MSG requests require a $db argument');
  }
  return name;
}

function rejectTransactions(command: Document): void {
  if (TRANSACTION_ARGUMENTS.some((argument) => argument in command)) {
    throw new CommandError(
      'IllegalOperation',
      'Transaction numbers are only allowed on a replica set member or mongos',
    );
  }
}

function withoutGenericArguments(command: Document): Document {
  const copy = { ...command };
  for (const argument of GENERIC_ARGUMENTS) delete copy[argument];
  return copy;
}
