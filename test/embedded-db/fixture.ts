import { MongoClient, type Db, type Document } from 'mongodb';

import { startInProcessServer, type InProcessServer } from '../../embedded-db/index.js';

/** A document with a numeric `_id`, which keeps test data short. */
export interface NumberedDocument extends Document {
  _id: number;
}

export interface ServerFixture {
  server: InProcessServer;
  client: MongoClient;
  db: Db;
}

/**
 * Starts an in-process server on a free port and a driver client for the enclosing
 * `describe`, and empties the test database before each test.
 */
export function useInProcessServer(dbName = 'conformance'): () => ServerFixture {
  let fixture: ServerFixture | undefined;

  before(async () => {
    const server = await startInProcessServer({ port: 0 });
    const client = await MongoClient.connect(server.uri, { serverSelectionTimeoutMS: 2000 });
    fixture = { server, client, db: client.db(dbName) };
  });

  beforeEach(async () => {
    await fixture!.db.dropDatabase();
  });

  after(async () => {
    await fixture?.client.close();
    await fixture?.server.stop();
  });

  return () => fixture!;
}
