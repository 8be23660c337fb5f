import type { Socket } from 'node:net';

import type { Document } from 'bson';

import { LEGACY_COMMANDS, runCommand, type Session } from './dispatch.js';
import { CommandError, errorReply } from './errors.js';
import { MessageFramer } from './framing.js';
import {
  encodeLegacyReply,
  encodeMsgReply,
  OpCode,
  parseRequest,
  type Request,
} from './messages.js';

/**
 * Serves one client connection: reads framed requests, runs each command and writes the
 * reply. A malformed message closes this connection only, and other clients are unaffected.
 */
export function serveConnection(socket: Socket, session: Session): void {
  const framer = new MessageFramer();
  socket.setNoDelay(true);

  socket.on('data', (chunk: Buffer) => {
    try {
      for (const message of framer.push(chunk)) respond(socket, parseRequest(message), session);
    } catch {
      // A message that cannot be framed or parsed leaves the stream out of sync for good.
      socket.destroy();
    }
  });
  // Resets by clients that disconnect mid-request need no handling beyond closing the socket.
  socket.on('error', () => socket.destroy());
}

function respond(socket: Socket, request: Request, session: Session): void {
  const reply = replyTo(request, session);
  if (request.moreToCome || socket.destroyed) return;

  const bytes = encode(request, reply);
  if (!socket.write(bytes)) {
    socket.pause();
    socket.once('drain', () => socket.resume());
  }
}

function replyTo(request: Request, session: Session): Document {
  const name = Object.keys(request.command)[0] ?? '';
  if (request.opCode === OpCode.Query && !LEGACY_COMMANDS.has(name)) {
    return errorReply(
      new CommandError(
        'UnsupportedOpQueryCommand',
        `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade.`,
      ),
    );
  }
  return runCommand(request.command, session);
}

function encode(request: Request, reply: Document): Buffer {
  const encodeReply = request.opCode === OpCode.Query ? encodeLegacyReply : encodeMsgReply;
  try {
    return encodeReply(request.requestId, reply);
  } catch (error) {
    const message = `the reply could not be encoded as BSON: ${(error as Error).message}`;
    return encodeReply(
      request.requestId,
      errorReply(new CommandError('BSONObjectTooLarge', message)),
    );
  }
}
