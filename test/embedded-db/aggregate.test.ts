import { expect } from 'chai';
import { MongoServerError, ObjectId, type Db } from 'mongodb';

import { useInProcessServer, type NumberedDocument } from './fixture.js';

const DAY_MS = 24 * 60 * 60 * 1000;

async function seedApplicants(db: Db): Promise<{ ada: ObjectId; alan: ObjectId; jobId: ObjectId }> {
  const jobId = new ObjectId();
  const [ada, alan] = [new ObjectId(), new ObjectId()];
  await db.collection('jobs').insertOne({ _id: jobId, title: 'Engineer' });
  await db.collection('applicants').insertMany([
    {
      _id: ada,
      name: 'Ada',
      jobId,
      appliedAt: new Date('2024-01-01T00:00:00Z'),
      scores: [9, 4, 8],
    },
    { _id: alan, name: 'Alan', jobId, appliedAt: new Date('2024-01-11T00:00:00Z'), scores: [3, 7] },
    {
      name: 'Grace',
      jobId: new ObjectId(),
      appliedAt: new Date('2024-02-01T00:00:00Z'),
      scores: [],
    },
  ]);
  await db.collection('experiences').insertMany([
    {
      applicantId: new ObjectId(ada.toHexString()),
      years: 4,
      start: new Date('2010-01-01Z'),
      end: new Date('2014-01-01Z'),
    },
    { applicantId: ada, years: 2, start: new Date('2015-01-01Z'), end: new Date('2017-01-01Z') },
    { applicantId: alan, years: 6, start: new Date('2000-01-01Z'), end: new Date('2006-01-01Z') },
  ]);
  return { ada, alan, jobId };
}

describe('in-process server: aggregate', () => {
  const fixture = useInProcessServer();

  it('joins with $lookup on an ObjectId foreign key', async () => {
    const { db } = fixture();
    const { ada } = await seedApplicants(db);

    const [joined] = await db
      .collection('applicants')
      .aggregate([
        { $match: { _id: ada } },
        {
          $lookup: {
            from: 'experiences',
            localField: '_id',
            foreignField: 'applicantId',
            as: 'experiences',
          },
        },
      ])
      .toArray();

    expect(
      joined!.experiences.map((experience: { years: number }) => experience.years),
    ).to.deep.equal([4, 2]);
  });

  it('joins through an index of the foreign collection', async () => {
    const { db } = fixture();
    const { alan } = await seedApplicants(db);
    await db.collection('experiences').createIndex({ applicantId: 1 });

    const [joined] = await db
      .collection('applicants')
      .aggregate([
        { $match: { name: 'Alan' } },
        {
          $lookup: {
            from: 'experiences',
            localField: '_id',
            foreignField: 'applicantId',
            as: 'experiences',
          },
        },
      ])
      .toArray();

    expect(joined!._id).to.deep.equal(alan);
    expect(joined!.experiences).to.have.length(1);
  });

  it('joins with $lookup let and pipeline', async () => {
    const { db } = fixture();
    await seedApplicants(db);

    const joined = await db
      .collection('applicants')
      .aggregate([
        { $sort: { name: 1 } },
        {
          $lookup: {
            from: 'experiences',
            let: { applicant: '$_id' },
            pipeline: [
              { $match: { $expr: { $eq: ['$applicantId', '$$applicant'] } } },
              { $project: { _id: 0, years: 1 } },
            ],
            as: 'experiences',
          },
        },
      ])
      .toArray();

    expect(joined.map((applicant) => applicant.experiences)).to.deep.equal([
      [{ years: 4 }, { years: 2 }],
      [{ years: 6 }],
      [],
    ]);
  });

  it('runs a $lookup pipeline on matches only', async () => {
    const { db } = fixture();
    await seedApplicants(db);

    const joined = await db
      .collection('applicants')
      .aggregate([
        { $sort: { name: 1 } },
        {
          $lookup: {
            from: 'experiences',
            localField: '_id',
            foreignField: 'applicantId',
            pipeline: [{ $count: 'total' }],
            as: 'counts',
          },
        },
      ])
      .toArray();

    expect(joined.map((applicant) => applicant.counts)).to.deep.equal([
      [{ total: 2 }],
      [{ total: 1 }],
      [],
    ]);
  });

  it('groups by ObjectId with $avg and $sum', async () => {
    const { db } = fixture();
    const { ada, alan } = await seedApplicants(db);

    const groups = await db
      .collection('experiences')
      .aggregate([
        { $group: { _id: '$applicantId', averageYears: { $avg: '$years' }, total: { $sum: 1 } } },
        { $sort: { total: -1 } },
      ])
      .toArray();

    expect(groups).to.deep.equal([
      { _id: ada, averageYears: 3, total: 2 },
      { _id: alan, averageYears: 6, total: 1 },
    ]);
  });

  it('computes $dateDiff, $subtract and $filter', async () => {
    const { db } = fixture();
    await seedApplicants(db);

    const [result] = await db
      .collection('applicants')
      .aggregate([
        { $match: { name: 'Ada' } },
        {
          $project: {
            _id: 0,
            waitedDays: {
              $dateDiff: { startDate: '$appliedAt', endDate: new Date('2024-01-31Z'), unit: 'day' },
            },
            waitedMs: { $subtract: [new Date('2024-01-02Z'), '$appliedAt'] },
            highScores: {
              $filter: { input: '$scores', as: 'score', cond: { $gte: ['$$score', 8] } },
            },
          },
        },
      ])
      .toArray();

    expect(result).to.deep.equal({ waitedDays: 30, waitedMs: DAY_MS, highScores: [9, 8] });
  });

  it('sorts by date', async () => {
    const { db } = fixture();
    await seedApplicants(db);

    const names = await db
      .collection('applicants')
      .aggregate([{ $sort: { appliedAt: -1 } }, { $project: { _id: 0, name: 1 } }])
      .toArray();

    expect(names).to.deep.equal([{ name: 'Grace' }, { name: 'Alan' }, { name: 'Ada' }]);
  });

  it('counts documents through the driver', async () => {
    const { db } = fixture();
    const { jobId } = await seedApplicants(db);

    const count = await db.collection('applicants').countDocuments({ jobId });

    expect(count).to.equal(2);
  });

  it('keeps stored documents safe from stage edits', async () => {
    const { db } = fixture();
    await db
      .collection<NumberedDocument>('profiles')
      .insertOne({ _id: 1, contact: { email: 'a@example.com' } });
    await db.collection('notes').insertOne({ profileId: 1, meta: { seen: false } });

    await db
      .collection('profiles')
      .aggregate([
        { $set: { 'contact.email': 'changed' } },
        { $lookup: { from: 'notes', localField: '_id', foreignField: 'profileId', as: 'notes' } },
        { $unwind: '$notes' },
        { $set: { 'notes.meta.seen': true } },
      ])
      .toArray();

    expect(await db.collection('profiles').findOne({})).to.deep.equal({
      _id: 1,
      contact: { email: 'a@example.com' },
    });
    expect(await db.collection('notes').findOne({}, { projection: { _id: 0 } })).to.deep.equal({
      profileId: 1,
      meta: { seen: false },
    });
  });

  it('returns more results than one batch through getMore', async () => {
    const { db } = fixture();
    await db.collection('numbers').insertMany(Array.from({ length: 300 }, (_, i) => ({ i })));

    const results = await db
      .collection('numbers')
      .aggregate([{ $match: { i: { $gte: 50 } } }], { batchSize: 20 })
      .toArray();

    expect(results).to.have.length(250);
  });

  it('runs a collection-less pipeline with $documents', async () => {
    const { db } = fixture();

    const results = await db
      .aggregate([{ $documents: [{ x: 1 }, { x: 2 }] }, { $match: { x: 2 } }])
      .toArray();

    expect(results).to.deep.equal([{ x: 2 }]);
  });

  it('rejects an unknown stage with code 40324', async () => {
    const { db } = fixture();

    const error = await db
      .collection('jobs')
      .aggregate([{ $frobnicate: {} }])
      .toArray()
      .catch((caught: unknown) => caught);

    expect((error as MongoServerError).code).to.equal(40324);
  });

  it('rejects $out as not implemented with code 238', async () => {
    const { db } = fixture();

    const error = await db
      .collection('jobs')
      .aggregate([{ $out: 'copy' }])
      .toArray()
      .catch((caught: unknown) => caught);

    expect((error as MongoServerError).code).to.equal(238);
  });

  it('requires the cursor option with code 9', async () => {
    const { db } = fixture();

    const error = await db
      .command({ aggregate: 'jobs', pipeline: [] })
      .catch((caught: unknown) => caught);

    expect((error as MongoServerError).code).to.equal(9);
  });
});
