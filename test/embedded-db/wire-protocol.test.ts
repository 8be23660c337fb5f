import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

import { BSON, type Document } from 'bson';
import { expect } from 'chai';
import { Long, MongoClient, MongoServerError } from 'mongodb';

import { startInProcessServer, type InProcessServer } from '../../embedded-db/index.js';
import { useInProcessServer } from './fixture.js';

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

function header(length: number, requestId: number, opCode: number): Buffer {
  const bytes = Buffer.alloc(16);
  bytes.writeInt32LE(length, 0);
  bytes.writeInt32LE(requestId, 4);
  bytes.writeInt32LE(opCode, 12);
  return bytes;
}

function opMsg(requestId: number, command: Document): Buffer {
  const body = Buffer.from(BSON.serialize(command));
  const flagsAndKind = Buffer.alloc(5);
  return Buffer.concat([header(16 + 5 + body.length, requestId, OP_MSG), flagsAndKind, body]);
}

function opQuery(requestId: number, namespace: string, query: Document): Buffer {
  const flags = Buffer.alloc(4);
  const name = Buffer.from(`${namespace}\0`);
  const skipAndReturn = Buffer.alloc(8);
  skipAndReturn.writeInt32LE(-1, 4);
  const body = Buffer.from(BSON.serialize(query));
  const length = 16 + flags.length + name.length + skipAndReturn.length + body.length;
  return Buffer.concat([header(length, requestId, OP_QUERY), flags, name, skipAndReturn, body]);
}

async function openSocket(server: InProcessServer): Promise<Socket> {
  const socket = connect(server.port, '127.0.0.1');
  await once(socket, 'connect');
  return socket;
}

interface Reply {
  opCode: number;
  responseTo: number;
  document: Document;
}

/** Reads `count` whole replies from a socket. */
async function readReplies(socket: Socket, count: number): Promise<Reply[]> {
  let buffered = Buffer.alloc(0);
  const replies: Reply[] = [];
  while (replies.length < count) {
    if (buffered.length >= 4 && buffered.length >= buffered.readInt32LE(0)) {
      const length = buffered.readInt32LE(0);
      replies.push(parseReply(buffered.subarray(0, length)));
      buffered = buffered.subarray(length);
      continue;
    }
    const [chunk] = (await once(socket, 'data')) as [Buffer];
    buffered = Buffer.concat([buffered, chunk]);
  }
  return replies;
}

async function readReply(socket: Socket): Promise<Reply> {
  const [reply] = await readReplies(socket, 1);
  return reply!;
}

function parseReply(message: Buffer): Reply {
  const opCode = message.readInt32LE(12);
  const documentStart = opCode === OP_REPLY ? 36 : 21;
  return {
    opCode,
    responseTo: message.readInt32LE(8),
    document: BSON.deserialize(message.subarray(documentStart)),
  };
}

async function waitForClose(socket: Socket): Promise<void> {
  if (socket.destroyed) return;
  await once(socket, 'close');
}

describe('in-process server: wire protocol', () => {
  const fixture = useInProcessServer();

  it('reports server limits in hello', async () => {
    const { db } = fixture();

    const reply = await db.admin().command({ hello: 1 });

    expect(reply).to.include({
      ok: 1,
      isWritablePrimary: true,
      maxBsonObjectSize: 16 * 1024 * 1024,
      maxMessageSizeBytes: 48_000_000,
      maxWriteBatchSize: 100_000,
      logicalSessionTimeoutMinutes: 30,
    });
    expect(reply.maxWireVersion).to.be.at.least(8);
    expect(reply.localTime).to.be.instanceOf(Date);
  });

  it('answers ping and buildInfo', async () => {
    const { db } = fixture();

    const ping = await db.admin().ping();
    const buildInfo = await db.admin().buildInfo();

    expect(ping).to.deep.equal({ ok: 1 });
    expect(buildInfo.versionArray).to.deep.equal([7, 0, 0, 0]);
  });

  it('rejects an unknown command with code 59', async () => {
    const { db } = fixture();

    const error = await db.command({ frobnicate: 1 }).catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(MongoServerError);
    expect((error as MongoServerError).errorResponse).to.deep.equal({
      ok: 0,
      errmsg: "no such command: 'frobnicate'",
      code: 59,
      codeName: 'CommandNotFound',
    });
  });

  it('rejects a wrongly typed argument with code 14', async () => {
    const { db } = fixture();

    const error = await db.command({ find: 'jobs', filter: 5 }).catch((caught: unknown) => caught);

    expect((error as MongoServerError).code).to.equal(14);
    expect((error as MongoServerError).message).to.equal(
      "BSON field 'find.filter' is the wrong type 'int', expected type 'object'",
    );
  });

  it('rejects transactions with code 20', async () => {
    const { db } = fixture();

    const error = await db
      .command({
        find: 'jobs',
        txnNumber: Long.fromNumber(1),
        startTransaction: true,
        autocommit: false,
      })
      .catch((caught: unknown) => caught);

    expect((error as MongoServerError).code).to.equal(20);
  });

  it('answers the legacy OP_QUERY isMaster with an OP_REPLY', async () => {
    const socket = await openSocket(fixture().server);

    socket.write(opQuery(7, 'admin.$cmd', { isMaster: 1 }));
    const reply = await readReply(socket);

    expect(reply.opCode).to.equal(OP_REPLY);
    expect(reply.responseTo).to.equal(7);
    expect(reply.document).to.include({ ok: 1, ismaster: true });
    socket.destroy();
  });

  it('rejects other commands over OP_QUERY with code 352', async () => {
    const socket = await openSocket(fixture().server);

    socket.write(opQuery(8, 'test.$cmd', { find: 'jobs' }));
    const reply = await readReply(socket);

    expect(reply.document).to.include({ ok: 0, code: 352, codeName: 'UnsupportedOpQueryCommand' });
    socket.destroy();
  });

  it('answers OP_MSG with the request id in responseTo', async () => {
    const socket = await openSocket(fixture().server);

    socket.write(opMsg(42, { ping: 1, $db: 'admin' }));
    const reply = await readReply(socket);

    expect(reply.opCode).to.equal(OP_MSG);
    expect(reply.responseTo).to.equal(42);
    expect(reply.document).to.deep.equal({ ok: 1 });
    socket.destroy();
  });

  it('answers pipelined messages in order', async () => {
    const socket = await openSocket(fixture().server);

    socket.write(
      Buffer.concat([opMsg(1, { ping: 1, $db: 'admin' }), opMsg(2, { ping: 1, $db: 'admin' })]),
    );
    const replies = await readReplies(socket, 2);

    expect(replies.map((reply) => reply.responseTo)).to.deep.equal([1, 2]);
    socket.destroy();
  });

  it('drops a malformed connection, serves others', async () => {
    const { server, db } = fixture();
    const socket = await openSocket(server);

    socket.write(Buffer.from([8, 0, 0, 0, 1, 2, 3, 4]));
    await waitForClose(socket);

    expect(socket.destroyed).to.equal(true);
    expect(await db.admin().ping()).to.deep.equal({ ok: 1 });
  });

  it('drops a connection sending invalid BSON', async () => {
    const { server, db } = fixture();
    const socket = await openSocket(server);
    const message = opMsg(3, { ping: 1, $db: 'admin' });
    message.writeInt32LE(9999, 21);

    socket.write(message);
    await waitForClose(socket);

    expect(socket.destroyed).to.equal(true);
    expect(await db.admin().ping()).to.deep.equal({ ok: 1 });
  });

  it('survives a disconnect mid-message', async () => {
    const { server, db } = fixture();
    const socket = await openSocket(server);
    const message = opMsg(4, { insert: 'jobs', documents: [{ title: 'x' }], $db: 'conformance' });

    socket.write(message.subarray(0, 30));
    socket.destroy();
    await waitForClose(socket);

    expect(await db.collection('jobs').countDocuments()).to.equal(0);
    expect(await db.admin().ping()).to.deep.equal({ ok: 1 });
  });

  it('survives a disconnect before a large reply', async () => {
    const { server, db } = fixture();
    await db
      .collection('items')
      .insertMany(Array.from({ length: 2000 }, (_, i) => ({ i, text: 'x'.repeat(200) })));
    const socket = await openSocket(server);

    socket.write(opMsg(5, { find: 'items', batchSize: 2000, $db: 'conformance' }));
    socket.destroy();

    expect(await db.collection('items').countDocuments()).to.equal(2000);
  });

  it('stores a w: 0 write sent with moreToCome', async () => {
    const { db } = fixture();

    await db.collection('jobs').insertOne({ title: 'fire and forget' }, { writeConcern: { w: 0 } });
    const stored = await db.collection('jobs').findOne({ title: 'fire and forget' });

    expect(stored).to.not.equal(null);
  });
});

describe('in-process server: lifecycle', () => {
  it('listens on a free port when given port 0', async () => {
    const server = await startInProcessServer({ port: 0 });

    const port = server.port;
    await server.stop();

    expect(port).to.be.greaterThan(0);
    expect(server.uri).to.equal(`mongodb://127.0.0.1:${port}`);
  });

  it('restarts on the same port after stop', async () => {
    const first = await startInProcessServer({ port: 0 });
    const socket = await openSocket(first);
    const client = await MongoClient.connect(first.uri, { serverSelectionTimeoutMS: 2000 });
    await client.db('outage').collection('jobs').insertOne({ title: 'before' });

    await first.stop();
    await waitForClose(socket);
    // NOTE: driver 7.5 can hang on a pooled connection that it checks out in the same event
    // loop turn in which the server closed it, so the driver gets one timer tick to notice.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = await startInProcessServer({ port: first.port });
    const count = await client.db('outage').collection('jobs').countDocuments();

    expect(socket.destroyed).to.equal(true);
    expect(second.port).to.equal(first.port);
    expect(count).to.equal(0);
    await client.close();
    await second.stop();
  });

  it('reports a port in use', async () => {
    const server = await startInProcessServer({ port: 0 });

    const error = await startInProcessServer({ port: server.port }).catch(
      (caught: unknown) => caught,
    );

    expect((error as NodeJS.ErrnoException).code).to.equal('EADDRINUSE');
    await server.stop();
  });
});
