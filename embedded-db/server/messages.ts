import { BSON, type Document } from 'bson';

import { HEADER_SIZE, ProtocolError } from './framing.js';

/** Operation codes of the MongoDB wire protocol that this server reads or writes. */
export const OpCode = { Reply: 1, Query: 2004, Msg: 2013 } as const;

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
// The OP_MSG specification marks bits 0 to 15 of flagBits as required, so a receiver must
// reject any of them that it does not know.
const UNKNOWN_REQUIRED_FLAGS = 0xffff & ~(CHECKSUM_PRESENT | MORE_TO_COME);

/** A command read from the socket, with what is needed to address the reply. */
export interface Request {
  opCode: typeof OpCode.Msg | typeof OpCode.Query;
  requestId: number;
  command: Document;
  /** Set when the client expects no reply (OP_MSG `moreToCome`, used for `w: 0` writes). */
  moreToCome: boolean;
}

/** Parses one framed message into a command. Throws `ProtocolError` for anything malformed. */
export function parseRequest(message: Buffer): Request {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);

  if (opCode === OpCode.Msg) return parseMsg(message, requestId);
  if (opCode === OpCode.Query) return parseQuery(message, requestId);
  throw new ProtocolError(`unsupported opCode ${opCode}`);
}

function parseMsg(message: Buffer, requestId: number): Request {
  const flags = readUInt32(message, HEADER_SIZE);
  if (flags & UNKNOWN_REQUIRED_FLAGS) {
    throw new ProtocolError(`unknown required OP_MSG flags ${flags}`);
  }

  const end = flags & CHECKSUM_PRESENT ? message.length - 4 : message.length;
  const command = readSections(message, HEADER_SIZE + 4, end);
  return { opCode: OpCode.Msg, requestId, command, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

/**
 * Reads the body section (kind 0) and merges each document sequence (kind 1) into it
 * as an array field named by the sequence's identifier.
 */
function readSections(message: Buffer, start: number, end: number): Document {
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];

  let offset = start;
  while (offset < end) {
    const kind = message[offset];
    offset += 1;
    if (kind === 0) {
      body = readDocument(message, offset, end);
      offset += message.readInt32LE(offset);
    } else if (kind === 1) {
      const size = readInt32(message, offset, end);
      if (size < 5 || offset + size > end) {
        throw new ProtocolError(`invalid document sequence size ${size}`);
      }
      sequences.push(readSequence(message, offset + 4, offset + size));
      offset += size;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }

  if (!body) throw new ProtocolError('OP_MSG without a body section');
  for (const [identifier, documents] of sequences) body[identifier] = documents;
  return body;
}

function readSequence(message: Buffer, start: number, end: number): [string, Document[]] {
  const [identifier, afterIdentifier] = readCString(message, start, end);
  const documents: Document[] = [];
  let offset = afterIdentifier;
  while (offset < end) {
    documents.push(readDocument(message, offset, end));
    offset += message.readInt32LE(offset);
  }
  return [identifier, documents];
}

function parseQuery(message: Buffer, requestId: number): Request {
  const end = message.length;
  const [collection, afterName] = readCString(message, HEADER_SIZE + 4, end);
  const query = readDocument(message, afterName + 8, end);

  // Legacy drivers wrap the command as { $query: command, $readPreference: ... }.
  const command = (query.$query as Document | undefined) ?? query;
  if (!collection.endsWith('.$cmd')) {
    throw new ProtocolError(`OP_QUERY on ${collection} is not a command`);
  }
  command.$db ??= collection.slice(0, -'.$cmd'.length);
  return { opCode: OpCode.Query, requestId, command, moreToCome: false };
}

function readDocument(message: Buffer, offset: number, end: number): Document {
  const size = readInt32(message, offset, end);
  if (size < 5 || offset + size > end) {
    throw new ProtocolError(`invalid BSON document size ${size}`);
  }
  try {
    return BSON.deserialize(message.subarray(offset, offset + size));
  } catch (error) {
    throw new ProtocolError(`invalid BSON document: ${(error as Error).message}`);
  }
}

function readCString(message: Buffer, start: number, end: number): [string, number] {
  const terminator = message.indexOf(0, start);
  if (terminator === -1 || terminator >= end) {
    throw new ProtocolError('unterminated string in message');
  }
  return [message.toString('utf8', start, terminator), terminator + 1];
}

function readInt32(message: Buffer, offset: number, end: number): number {
  if (offset + 4 > end) throw new ProtocolError('message ends inside a field');
  return message.readInt32LE(offset);
}

function readUInt32(message: Buffer, offset: number): number {
  if (offset + 4 > message.length) throw new ProtocolError('message ends inside a field');
  return message.readUInt32LE(offset);
}

let lastResponseId = 0;

function writeHeader(target: Buffer, length: number, responseTo: number, opCode: number): void {
  lastResponseId = (lastResponseId + 1) & 0x7fffffff;
  target.writeInt32LE(length, 0);
  target.writeInt32LE(lastResponseId, 4);
  target.writeInt32LE(responseTo, 8);
  target.writeInt32LE(opCode, 12);
}

/** Encodes a reply as an OP_MSG with a single body section. */
export function encodeMsgReply(responseTo: number, reply: Document): Buffer {
  const body = BSON.serialize(reply, { ignoreUndefined: true });
  const prefix = Buffer.alloc(HEADER_SIZE + 5);
  writeHeader(prefix, prefix.length + body.length, responseTo, OpCode.Msg);
  // Bytes 16-19 (flagBits) and 20 (section kind 0) stay zero.
  return Buffer.concat([prefix, body]);
}

/** Encodes a reply to a legacy OP_QUERY command as an OP_REPLY holding one document. */
export function encodeLegacyReply(responseTo: number, reply: Document): Buffer {
  const body = BSON.serialize(reply, { ignoreUndefined: true });
  const prefix = Buffer.alloc(HEADER_SIZE + 20);
  writeHeader(prefix, prefix.length + body.length, responseTo, OpCode.Reply);
  // responseFlags (16), cursorID (20) and startingFrom (28) stay zero.
  prefix.writeInt32LE(1, 32);
  return Buffer.concat([prefix, body]);
}
