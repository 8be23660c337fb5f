import { expect } from 'chai';
import { Long, MongoBulkWriteError, MongoServerError, ObjectId } from 'mongodb';

import { useInProcessServer } from './fixture.js';

interface Job {
  _id: number;
  title?: string;
  openings?: number;
  rank?: number;
  skills?: Array<{ name: string; level?: number }>;
}

describe('in-process server: CRUD commands', () => {
  const fixture = useInProcessServer();

  describe('insert', () => {
    it('stores documents and adds an ObjectId _id first', async () => {
      const { db } = fixture();

      const reply = await db.command({ insert: 'jobs', documents: [{ title: 'Engineer' }] });

      expect(reply).to.include({ ok: 1, n: 1 });
      const [stored] = await db.collection('jobs').find().toArray();
      expect(stored!._id).to.be.instanceOf(ObjectId);
      expect(Object.keys(stored!)).to.deep.equal(['_id', 'title']);
    });

    it('stops an ordered insert at the first duplicate', async () => {
      const { db } = fixture();
      const documents = [{ _id: 1 }, { _id: 1 }, { _id: 2 }];

      const reply = await db.command({ insert: 'jobs', documents, ordered: true });

      expect(reply.n).to.equal(1);
      expect(reply.writeErrors).to.have.length(1);
      expect(reply.writeErrors[0]).to.include({ index: 1, code: 11000 });
      expect(await db.collection('jobs').countDocuments()).to.equal(1);
    });

    it('continues an unordered insert past duplicates', async () => {
      const { db } = fixture();
      const documents = [{ _id: 1 }, { _id: 1 }, { _id: 2 }, { _id: 2 }, { _id: 3 }];

      const error = await db
        .collection<Job>('jobs')
        .insertMany(documents, { ordered: false })
        .catch((caught: unknown) => caught);

      expect(error).to.be.instanceOf(MongoBulkWriteError);
      const bulkError = error as MongoBulkWriteError;
      expect(bulkError.insertedCount).to.equal(3);
      expect(bulkError.writeErrors).to.have.length(2);
      const writeErrors = [bulkError.writeErrors].flat();
      expect(writeErrors.map((writeError) => writeError.index)).to.deep.equal([1, 3]);
      expect(await db.collection('jobs').countDocuments()).to.equal(3);
    });

    it('rejects an array _id with code 2', async () => {
      const { db } = fixture();

      const reply = await db.command({ insert: 'jobs', documents: [{ _id: [1, 2] }] });

      expect(reply.writeErrors[0]).to.include({ code: 2 });
    });
  });

  describe('find', () => {
    beforeEach(async () => {
      const documents = [5, 3, 9, 1, 7].map((rank) => ({ rank, name: `job-${rank}`, tags: ['a'] }));
      await fixture().db.collection('jobs').insertMany(documents);
    });

    it('applies sort, skip, limit and projection', async () => {
      const { db } = fixture();

      const found = await db
        .collection('jobs')
        .find({ rank: { $gt: 1 } }, { projection: { _id: 0, rank: 1 } })
        .sort({ rank: -1 })
        .skip(1)
        .limit(2)
        .toArray();

      expect(found).to.deep.equal([{ rank: 7 }, { rank: 5 }]);
    });

    it('finds a document by _id', async () => {
      const { db } = fixture();
      const target = await db.collection('jobs').findOne({ rank: 9 });

      const found = await db
        .collection('jobs')
        .findOne({ _id: new ObjectId(target!._id.toHexString()) });

      expect(found).to.deep.equal(target);
    });

    it('matches elements of array fields', async () => {
      const { db } = fixture();

      const count = await db.collection('jobs').countDocuments({ tags: 'a' });

      expect(count).to.equal(5);
    });

    it('rejects an unknown query operator with code 2', async () => {
      const { db } = fixture();

      const error = await db
        .collection('jobs')
        .find({ rank: { $unknown: 1 } })
        .toArray()
        .catch((caught: unknown) => caught);

      expect(error).to.be.instanceOf(MongoServerError);
      expect((error as MongoServerError).code).to.equal(2);
    });

    it('returns the first batch only with singleBatch', async () => {
      const { db } = fixture();

      const reply = await db.command({ find: 'jobs', batchSize: 2, singleBatch: true });

      expect(reply.cursor.firstBatch).to.have.length(2);
      expect(Number(reply.cursor.id)).to.equal(0);
    });
  });

  describe('cursors', () => {
    beforeEach(async () => {
      const documents = Array.from({ length: 250 }, (_, i) => ({ i }));
      await fixture().db.collection('items').insertMany(documents);
    });

    it('pages through more than one batch with getMore', async () => {
      const { db } = fixture();

      const first = await db.command({ find: 'items', sort: { i: 1 }, batchSize: 100 });
      const second = await db.command({
        getMore: first.cursor.id,
        collection: 'items',
        batchSize: 100,
      });
      const third = await db.command({
        getMore: first.cursor.id,
        collection: 'items',
        batchSize: 100,
      });

      expect(first.cursor.firstBatch).to.have.length(100);
      expect(second.cursor.nextBatch[0].i).to.equal(100);
      expect(third.cursor.nextBatch).to.have.length(50);
      expect(Number(third.cursor.id)).to.equal(0);
    });

    it('streams a large result through the driver', async () => {
      const { db } = fixture();

      const all = await db.collection('items').find({}, { batchSize: 30 }).toArray();

      expect(all).to.have.length(250);
    });

    it('forgets a cursor after killCursors', async () => {
      const { db } = fixture();
      const first = await db.command({ find: 'items', batchSize: 10 });

      const killed = await db.command({ killCursors: 'items', cursors: [first.cursor.id] });
      const error = await db
        .command({ getMore: first.cursor.id, collection: 'items' })
        .catch((caught: unknown) => caught);

      expect(killed.cursorsKilled.map(Number)).to.deep.equal([Number(first.cursor.id)]);
      expect((error as MongoServerError).code).to.equal(43);
    });

    it('reports unknown cursor ids as not found', async () => {
      const { db } = fixture();

      const reply = await db.command({ killCursors: 'items', cursors: [Long.fromNumber(424242)] });

      expect(reply.cursorsNotFound.map(Number)).to.deep.equal([424242]);
    });
  });

  describe('update', () => {
    beforeEach(async () => {
      await fixture()
        .db.collection<Job>('jobs')
        .insertMany([
          {
            _id: 1,
            title: 'a',
            openings: 1,
            skills: [
              { name: 'js', level: 1 },
              { name: 'go', level: 1 },
            ],
          },
          { _id: 2, title: 'b', openings: 2, skills: [] },
        ]);
    });

    it('applies update operators to one document', async () => {
      const { db } = fixture();

      const result = await db
        .collection<Job>('jobs')
        .updateOne(
          { _id: 1 },
          { $inc: { openings: 2 }, $set: { title: 'c' }, $push: { skills: { name: 'rust' } } },
        );

      expect(result.matchedCount).to.equal(1);
      expect(result.modifiedCount).to.equal(1);
      const stored = await db.collection<Job>('jobs').findOne({ _id: 1 });
      expect(stored).to.include({ title: 'c', openings: 3 });
      expect(stored!.skills).to.have.length(3);
    });

    it('updates every match with multi', async () => {
      const { db } = fixture();

      const result = await db.collection<Job>('jobs').updateMany({}, { $set: { open: true } });

      expect(result.modifiedCount).to.equal(2);
      expect(await db.collection<Job>('jobs').countDocuments({ open: true })).to.equal(2);
    });

    it('replaces a document and keeps its _id', async () => {
      const { db } = fixture();

      await db.collection<Job>('jobs').replaceOne({ _id: 2 }, { title: 'replaced' });

      expect(await db.collection<Job>('jobs').findOne({ _id: 2 })).to.deep.equal({
        _id: 2,
        title: 'replaced',
      });
    });

    it('upserts from the filter equalities', async () => {
      const { db } = fixture();

      const reply = await db.command({
        update: 'jobs',
        updates: [
          {
            q: { _id: 7, title: 'x' },
            u: { $set: { openings: 4 }, $setOnInsert: { created: true } },
            upsert: true,
          },
        ],
      });

      expect(reply).to.include({ n: 1, nModified: 0 });
      expect(reply.upserted).to.deep.equal([{ index: 0, _id: 7 }]);
      const stored = await db.collection<Job>('jobs').findOne({ _id: 7 });
      expect(stored).to.deep.equal({ _id: 7, title: 'x', openings: 4, created: true });
    });

    it('ignores $setOnInsert on existing documents', async () => {
      const { db } = fixture();

      await db
        .collection<Job>('jobs')
        .updateOne({ _id: 1 }, { $setOnInsert: { created: true } }, { upsert: true });

      expect(await db.collection<Job>('jobs').findOne({ _id: 1 })).to.not.have.property('created');
    });

    it('updates array elements chosen by arrayFilters', async () => {
      const { db } = fixture();

      await db
        .collection<Job>('jobs')
        .updateOne(
          { _id: 1 },
          { $set: { 'skills.$[skill].level': 5 } },
          { arrayFilters: [{ 'skill.name': 'go' }] },
        );

      const stored = await db.collection<Job>('jobs').findOne({ _id: 1 });
      expect(stored!.skills).to.deep.equal([
        { name: 'js', level: 1 },
        { name: 'go', level: 5 },
      ]);
    });

    it('updates the positionally matched element', async () => {
      const { db } = fixture();

      await db
        .collection<Job>('jobs')
        .updateOne({ _id: 1, 'skills.name': 'js' }, { $set: { 'skills.$.level': 3 } });

      const stored = await db.collection<Job>('jobs').findOne({ _id: 1 });
      expect(stored!.skills![0]).to.deep.equal({ name: 'js', level: 3 });
    });

    it('rejects a change of _id with code 66', async () => {
      const { db } = fixture();

      const error = await db
        .collection<Job>('jobs')
        .updateOne({ _id: 1 }, { $set: { _id: 99 } })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(66);
      expect(await db.collection<Job>('jobs').countDocuments({ _id: 1 })).to.equal(1);
    });

    it('rejects an unknown update operator with code 9', async () => {
      const { db } = fixture();

      const reply = await db.command({
        update: 'jobs',
        updates: [{ q: {}, u: { $frobnicate: { a: 1 } } }],
      });

      expect(reply.writeErrors[0].code).to.equal(9);
    });

    it('rejects $inc on a string with code 14', async () => {
      const { db } = fixture();

      const reply = await db.command({
        update: 'jobs',
        updates: [{ q: { _id: 1 }, u: { $inc: { title: 1 } } }],
      });

      expect(reply.writeErrors[0].code).to.equal(14);
      expect(await db.collection<Job>('jobs').findOne({ _id: 1 })).to.include({ title: 'a' });
    });

    it('applies a pipeline update', async () => {
      const { db } = fixture();

      await db
        .collection<Job>('jobs')
        .updateOne({ _id: 2 }, [{ $set: { doubled: { $multiply: ['$openings', 2] } } }]);

      expect(await db.collection<Job>('jobs').findOne({ _id: 2 })).to.include({ doubled: 4 });
    });
  });

  describe('delete', () => {
    beforeEach(async () => {
      await fixture()
        .db.collection('jobs')
        .insertMany([{ kind: 'x' }, { kind: 'x' }, { kind: 'y' }]);
    });

    it('deletes one match with limit 1', async () => {
      const { db } = fixture();

      const result = await db.collection('jobs').deleteOne({ kind: 'x' });

      expect(result.deletedCount).to.equal(1);
      expect(await db.collection('jobs').countDocuments({ kind: 'x' })).to.equal(1);
    });

    it('deletes every match with limit 0', async () => {
      const { db } = fixture();

      const result = await db.collection('jobs').deleteMany({ kind: 'x' });

      expect(result.deletedCount).to.equal(2);
      expect(await db.collection('jobs').countDocuments()).to.equal(1);
    });

    it('rejects a limit other than 0 or 1 with code 9', async () => {
      const { db } = fixture();

      const reply = await db.command({ delete: 'jobs', deletes: [{ q: {}, limit: 2 }] });

      expect(reply.writeErrors[0].code).to.equal(9);
      expect(await db.collection('jobs').countDocuments()).to.equal(3);
    });
  });

  describe('findAndModify', () => {
    beforeEach(async () => {
      await fixture()
        .db.collection<Job>('jobs')
        .insertMany([
          { _id: 1, rank: 2, title: 'b' },
          { _id: 2, rank: 1, title: 'a' },
        ]);
    });

    it('returns the old document by default', async () => {
      const { db } = fixture();

      const before = await db
        .collection<Job>('jobs')
        .findOneAndUpdate({ _id: 1 }, { $set: { title: 'z' } });

      expect(before).to.include({ title: 'b' });
      expect(await db.collection<Job>('jobs').findOne({ _id: 1 })).to.include({ title: 'z' });
    });

    it('returns the new document with new and applies fields', async () => {
      const { db } = fixture();

      const reply = await db.command({
        findAndModify: 'jobs',
        query: {},
        sort: { rank: 1 },
        update: { $inc: { rank: 10 } },
        new: true,
        fields: { rank: 1 },
      });

      expect(reply.value).to.deep.equal({ _id: 2, rank: 11 });
      expect(reply.lastErrorObject).to.deep.equal({ n: 1, updatedExisting: true });
    });

    it('upserts and reports the upserted _id', async () => {
      const { db } = fixture();

      const reply = await db.command({
        findAndModify: 'jobs',
        query: { title: 'new' },
        update: { $set: { rank: 5 } },
        upsert: true,
        new: true,
      });

      expect(reply.value).to.include({ title: 'new', rank: 5 });
      expect(reply.lastErrorObject.updatedExisting).to.equal(false);
      expect(reply.lastErrorObject.upserted).to.be.instanceOf(ObjectId);
      expect(await db.collection<Job>('jobs').countDocuments()).to.equal(3);
    });

    it('removes the first document in sort order', async () => {
      const { db } = fixture();

      const removed = await db.collection<Job>('jobs').findOneAndDelete({}, { sort: { rank: -1 } });

      expect(removed).to.include({ _id: 1 });
      expect(await db.collection<Job>('jobs').countDocuments()).to.equal(1);
    });

    it('rejects remove together with update with code 9', async () => {
      const { db } = fixture();

      const error = await db
        .command({ findAndModify: 'jobs', query: {}, remove: true, update: { $set: { a: 1 } } })
        .catch((caught: unknown) => caught);

      expect((error as MongoServerError).code).to.equal(9);
    });
  });

  describe('count and distinct', () => {
    beforeEach(async () => {
      await fixture()
        .db.collection('jobs')
        .insertMany([
          { city: 'Oslo', tags: ['a', 'b'] },
          { city: 'Rome', tags: ['b'] },
          { city: 'Oslo', tags: [] },
          { tags: ['c'] },
        ]);
    });

    it('counts with a query, skip and limit', async () => {
      const { db } = fixture();

      const all = await db.command({ count: 'jobs' });
      const filtered = await db.command({ count: 'jobs', query: { city: 'Oslo' } });
      const limited = await db.command({ count: 'jobs', skip: 1, limit: 2 });

      expect(all.n).to.equal(4);
      expect(filtered.n).to.equal(2);
      expect(limited.n).to.equal(2);
    });

    it('returns distinct values, unwinding arrays', async () => {
      const { db } = fixture();

      const cities = await db.collection('jobs').distinct('city');
      const tags = await db.collection('jobs').distinct('tags', { city: 'Oslo' });

      expect(cities).to.deep.equal(['Oslo', 'Rome']);
      expect(tags).to.deep.equal(['a', 'b']);
    });
  });
});
