import { expect } from 'chai';
import { ObjectId, type Db } from 'mongodb';

import { useInProcessServer } from './fixture.js';

const BATCH_SIZE = 1000;
// A linear cost gives a ratio near 4 for 4 times the data, a quadratic one near 16.
const MAX_RATIO = 8;

async function timeInsert(db: Db, name: string, count: number): Promise<number> {
  const collection = db.collection(name);
  const started = performance.now();
  for (let first = 0; first < count; first += BATCH_SIZE) {
    const batch = Array.from({ length: Math.min(BATCH_SIZE, count - first) }, (_, i) => ({
      n: first + i,
      name: `applicant-${first + i}`,
    }));
    await collection.insertMany(batch);
  }
  return performance.now() - started;
}

/** Stores `applicants` applicants with five experiences each and times a $match + $lookup. */
async function timeLookup(db: Db, applicants: number): Promise<number> {
  const ids = Array.from({ length: applicants }, () => new ObjectId());
  await db.collection('applicants').insertMany(ids.map((_id, i) => ({ _id, group: i % 3 })));
  const experiences = ids.flatMap((applicantId) =>
    Array.from({ length: 5 }, (_, years) => ({ applicantId, years })),
  );
  for (let first = 0; first < experiences.length; first += BATCH_SIZE) {
    await db.collection('experiences').insertMany(experiences.slice(first, first + BATCH_SIZE));
  }

  const started = performance.now();
  const joined = await db
    .collection('applicants')
    .aggregate([
      { $match: { group: 1 } },
      {
        $lookup: {
          from: 'experiences',
          localField: '_id',
          foreignField: 'applicantId',
          as: 'experiences',
        },
      },
      { $project: { years: { $sum: '$experiences.years' } } },
    ])
    .toArray();
  const elapsed = performance.now() - started;

  expect(joined.every((applicant) => applicant.years === 10)).to.equal(true);
  await db.dropDatabase();
  return elapsed;
}

describe('in-process server: performance', function () {
  this.timeout(120_000);
  const fixture = useInProcessServer('performance');

  it('inserts 4N documents in linear time', async () => {
    const { db } = fixture();
    await timeInsert(db, 'warm-up', 20_000);
    await db.dropDatabase();

    const small = await timeInsert(db, 'small', 20_000);
    await db.dropDatabase();
    const large = await timeInsert(db, 'large', 80_000);

    const ratio = large / small;
    console.log(`      insert 80,000 vs 20,000 documents: time ratio ${ratio.toFixed(2)}`);
    expect(await db.collection('large').countDocuments()).to.equal(80_000);
    expect(ratio).to.be.below(MAX_RATIO);
  });

  it('joins 4N documents with $lookup in linear time', async () => {
    const { db } = fixture();
    await timeLookup(db, 1000);

    const small = await timeLookup(db, 3000);
    const large = await timeLookup(db, 12_000);

    const ratio = large / small;
    console.log(`      $lookup of 12,000 vs 3,000 applicants: time ratio ${ratio.toFixed(2)}`);
    expect(ratio).to.be.below(MAX_RATIO);
  });
});
