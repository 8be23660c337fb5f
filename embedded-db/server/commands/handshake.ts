import type { Document } from 'bson';

import { MAX_MESSAGE_SIZE } from '../framing.js';
import type { CommandContext, CommandHandler } from './command.js';

/** The MongoDB release whose wire protocol and commands this server follows. */
const COMPATIBLE_VERSION = '7.0.0';

/** Limits reported by `hello`, the same as MongoDB's. */
export const SERVER_LIMITS = {
  maxBsonObjectSize: 16 * 1024 * 1024,
  maxMessageSizeBytes: MAX_MESSAGE_SIZE,
  maxWriteBatchSize: 100_000,
} as const;

function hello(_command: Document, context: CommandContext): Document {
  return {
    isWritablePrimary: true,
    ...serverDescription(context),
  };
}

/** Replies to `isMaster`, the legacy form of `hello` that drivers send in their first handshake. */
function isMaster(_command: Document, context: CommandContext): Document {
  return {
    ismaster: true,
    ...serverDescription(context),
  };
}

function serverDescription(context: CommandContext): Document {
  return {
    helloOk: true,
    ...SERVER_LIMITS,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
  };
}

function buildInfo(): Document {
  return {
    version: COMPATIBLE_VERSION,
    gitVersion: 'in-process',
    versionArray: COMPATIBLE_VERSION.split('.').map(Number).concat(0),
    bits: 64,
    debug: false,
    maxBsonObjectSize: SERVER_LIMITS.maxBsonObjectSize,
    storageEngines: ['in-process'],
    modules: [],
  };
}

function connectionStatus(): Document {
  return { authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] } };
}

/** Commands for connection set-up and monitoring. */
export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster,
  ismaster: isMaster,
  ping: () => ({}),
  buildInfo,
  buildinfo: buildInfo,
  connectionStatus,
  endSessions: () => ({}),
};
