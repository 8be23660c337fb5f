import { expect } from 'chai';
import { MongoServerError, ObjectId } from 'mongodb';

import { useInProcessServer, type NumberedDocument } from './fixture.js';

describe('in-process server: collections and indexes', () => {
  const fixture = useInProcessServer();

  describe('unique indexes', () => {
    beforeEach(async () => {
      const applicants = fixture().db.collection('applicants');
      await applicants.createIndex({ jobId: 1, email: 1 }, { unique: true });
    });

    it('rejects a duplicate compound key with code 11000', async () => {
      const { db } = fixture();
      const jobId = new ObjectId();
      await db.collection('applicants').insertOne({ jobId, email: 'ada@example.com' });

      const error = await db
        .collection('applicants')
        .insertOne({ jobId: new ObjectId(jobId.toHexString()), email: 'ada@example.com' })
        .catch((caught: unknown) => caught);

      expect(error).to.be.instanceOf(MongoServerError);
      const serverError = error as MongoServerError;
      expect(serverError.code).to.equal(11000);
      expect(serverError.keyPattern).to.deep.equal({ jobId: 1, email: 1 });
      expect(serverError.keyValue).to.deep.equal({ jobId, email: 'ada@example.com' });
      expect(serverError.message).to.match(
        /^E11000 duplicate key error collection: conformance\.applicants index: jobId_1_email_1 dup key: \{ jobId: ObjectId\('[0-9a-f]{24}'\), email: "ada@example.com" \}$/,
      );
      expect(await db.collection('applicants').countDocuments()).to.equal(1);
    });

    it('accepts the same email for another job', async () => {
      const { db } = fixture();
      await db
        .collection('applicants')
        .insertOne({ jobId: new ObjectId(), email: 'ada@example.com' });

      await db
        .collection('applicants')
        .insertOne({ jobId: new ObjectId(), email: 'ada@example.com' });

      expect(await db.collection('applicants').countDocuments()).to.equal(2);
    });

    it('rejects an update creating a duplicate', async () => {
      const { db } = fixture();
      const jobId = new ObjectId();
      const applicants = db.collection<NumberedDocument>('applicants');
      await applicants.insertMany([
        { _id: 1, jobId, email: 'a@example.com' },
        { _id: 2, jobId, email: 'b@example.com' },
      ]);

      const error = await applicants
        .updateOne({ _id: 2 }, { $set: { email: 'a@example.com' } })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(11000);
      expect(await applicants.findOne({ _id: 2 })).to.include({ email: 'b@example.com' });
    });

    it('rejects an upsert creating a duplicate', async () => {
      const { db } = fixture();
      const jobId = new ObjectId();
      await db.collection('applicants').insertOne({ jobId, email: 'a@example.com', name: 'first' });

      const error = await db
        .collection('applicants')
        .updateOne(
          { name: 'second' },
          { $set: { jobId, email: 'a@example.com' } },
          { upsert: true },
        )
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(11000);
      expect(await db.collection('applicants').countDocuments()).to.equal(1);
    });

    it('rejects a findAndModify creating a duplicate', async () => {
      const { db } = fixture();
      const jobId = new ObjectId();
      await db.collection('applicants').insertMany([
        { jobId, email: 'a@example.com' },
        { jobId, email: 'b@example.com' },
      ]);

      const error = await db
        .collection('applicants')
        .findOneAndUpdate({ email: 'b@example.com' }, { $set: { email: 'a@example.com' } })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(11000);
      expect(await db.collection('applicants').countDocuments({ email: 'b@example.com' })).to.equal(
        1,
      );
    });

    it('treats a missing field as null for uniqueness', async () => {
      const { db } = fixture();
      await db.collection('applicants').insertOne({ name: 'no key fields' });

      const error = await db
        .collection('applicants')
        .insertOne({ name: 'also none' })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(11000);
      expect((error as MongoServerError).keyValue).to.deep.equal({ jobId: null, email: null });
    });

    it('refuses to build a unique index over duplicates', async () => {
      const { db } = fixture();
      await db.collection('people').insertMany([{ email: 'x' }, { email: 'x' }]);

      const error = await db
        .collection('people')
        .createIndex({ email: 1 }, { unique: true })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(11000);
      expect((await db.collection('people').indexes()).map((index) => index.name)).to.deep.equal([
        '_id_',
      ]);
    });
  });

  describe('createIndexes, listIndexes and dropIndexes', () => {
    it('lists created indexes with their options', async () => {
      const { db } = fixture();

      await db.collection('jobs').createIndex({ title: 1 }, { name: 'by_title', sparse: true });
      const indexes = await db.collection('jobs').indexes();

      expect(indexes).to.deep.equal([
        { v: 2, key: { _id: 1 }, name: '_id_' },
        { v: 2, key: { title: 1 }, name: 'by_title', sparse: true },
      ]);
    });

    it('reports an index that already exists', async () => {
      const { db } = fixture();
      await db.collection('jobs').createIndex({ title: 1 });

      const reply = await db.command({
        createIndexes: 'jobs',
        indexes: [{ key: { title: 1 }, name: 'title_1' }],
      });

      expect(reply).to.include({
        numIndexesBefore: 2,
        numIndexesAfter: 2,
        note: 'all indexes already exist',
      });
    });

    it('rejects the same key under another name with code 85', async () => {
      const { db } = fixture();
      await db.collection('jobs').createIndex({ title: 1 });

      const error = await db
        .collection('jobs')
        .createIndex({ title: 1 }, { name: 'other' })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(85);
    });

    it('rejects another key under an existing name with code 86', async () => {
      const { db } = fixture();
      await db.collection('jobs').createIndex({ title: 1 }, { name: 'idx' });

      const error = await db
        .collection('jobs')
        .createIndex({ city: 1 }, { name: 'idx' })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(86);
    });

    it('drops an index by name and by key pattern', async () => {
      const { db } = fixture();
      await db.collection('jobs').createIndexes([{ key: { a: 1 } }, { key: { b: -1 } }]);

      await db.collection('jobs').dropIndex('a_1');
      await db.command({ dropIndexes: 'jobs', index: { b: -1 } });

      expect((await db.collection('jobs').indexes()).map((index) => index.name)).to.deep.equal([
        '_id_',
      ]);
    });

    it('drops all but _id_ with an asterisk', async () => {
      const { db } = fixture();
      await db.collection('jobs').createIndexes([{ key: { a: 1 } }, { key: { b: 1 } }]);

      const reply = await db.command({ dropIndexes: 'jobs', index: '*' });

      expect(reply.nIndexesWas).to.equal(3);
      expect(await db.collection('jobs').indexes()).to.have.length(1);
    });

    it('rejects dropping an unknown index with code 27', async () => {
      const { db } = fixture();
      await db.collection('jobs').insertOne({});

      const error = await db
        .collection('jobs')
        .dropIndex('missing_1')
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(27);
    });

    it('rejects listIndexes on a missing collection with code 26', async () => {
      const { db } = fixture();

      const error = await db.command({ listIndexes: 'missing' }).catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(26);
      expect((error as MongoServerError).codeName).to.equal('NamespaceNotFound');
    });

    it('finds documents through a non-unique index after updates', async () => {
      const { db } = fixture();
      const jobs = db.collection('applicants');
      await jobs.createIndex({ jobId: 1 });
      const [first, second] = [new ObjectId(), new ObjectId()];
      await jobs.insertMany([{ jobId: first }, { jobId: first }, { jobId: second }]);

      await jobs.updateOne({ jobId: first }, { $set: { jobId: second } });

      expect(await jobs.countDocuments({ jobId: first })).to.equal(1);
      expect(await jobs.countDocuments({ jobId: { $in: [first, second] } })).to.equal(3);
      expect(await jobs.countDocuments({ jobId: second })).to.equal(2);
    });
  });

  describe('collections', () => {
    it('creates a collection and lists it with its options', async () => {
      const { db } = fixture();

      await db.createCollection('jobs');
      const [listed] = await db.listCollections().toArray();

      expect(listed).to.include({ name: 'jobs', type: 'collection' });
      expect(listed).to.have.nested.property('info.readOnly', false);
      expect(listed).to.have.deep.property('idIndex', { v: 2, key: { _id: 1 }, name: '_id_' });
    });

    it('rejects a conflicting create with code 48', async () => {
      const { db } = fixture();
      await db.createCollection('jobs');

      const error = await db
        .command({ create: 'jobs', capped: true, size: 1024 })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(48);
    });

    it('filters listCollections by name and returns names only', async () => {
      const { db } = fixture();
      await db.createCollection('jobs');
      await db.createCollection('applicants');

      const listed = await db.listCollections({ name: 'jobs' }, { nameOnly: true }).toArray();

      expect(listed).to.deep.equal([{ name: 'jobs', type: 'collection' }]);
    });

    it('drops a collection with its documents and indexes', async () => {
      const { db } = fixture();
      await db.collection('jobs').createIndex({ title: 1 });
      await db.collection('jobs').insertOne({ title: 'x' });

      const dropped = await db.collection('jobs').drop();

      expect(dropped).to.equal(true);
      expect(await db.listCollections().toArray()).to.deep.equal([]);
      expect(await db.collection('jobs').countDocuments()).to.equal(0);
    });

    it('drops a database and keeps the others', async () => {
      const { client, db } = fixture();
      const other = client.db('conformance-other');
      await other.collection('kept').insertOne({});
      await db.collection('jobs').insertOne({});

      await db.dropDatabase();

      expect(await db.listCollections().toArray()).to.have.length(0);
      expect(await other.collection('kept').countDocuments()).to.equal(1);
      await other.dropDatabase();
    });

    it('lists databases that have collections', async () => {
      const { client, db } = fixture();
      await db.collection('jobs').insertOne({});

      const { databases } = await client.db('admin').admin().listDatabases();

      expect(databases.map((database) => database.name)).to.include('conformance');
    });
  });
});
