import { expect } from 'chai';
import mongoose, { Schema, type Connection, type Types } from 'mongoose';

import { startInProcessServer, type InProcessServer } from '../../embedded-db/index.js';

interface JobRecord {
  title: string;
  code: string;
}

interface ApplicantRecord {
  name: string;
  email: string;
  job: Types.ObjectId;
  score: number;
  updatedAt?: Date;
}

function defineModels(connection: Connection) {
  const jobSchema = new Schema<JobRecord>({ title: String, code: { type: String, unique: true } });
  const applicantSchema = new Schema<ApplicantRecord>(
    {
      name: { type: String, required: true },
      email: { type: String, required: true },
      job: { type: Schema.Types.ObjectId, ref: 'Job', index: true },
      score: Number,
    },
    { timestamps: true },
  );
  applicantSchema.index({ job: 1, email: 1 }, { unique: true });
  return {
    Job: connection.model<JobRecord>('Job', jobSchema),
    Applicant: connection.model<ApplicantRecord>('Applicant', applicantSchema),
  };
}

describe('in-process server: Mongoose end to end', () => {
  let server: InProcessServer;
  let connection: Connection;
  let models: ReturnType<typeof defineModels>;

  before(async () => {
    server = await startInProcessServer({ port: 0 });
    // A connection of its own, so the app's default Mongoose connection is left alone.
    connection = await mongoose.createConnection(`${server.uri}/mongoose-e2e`).asPromise();
    models = defineModels(connection);
    await Promise.all([models.Job.init(), models.Applicant.init()]);
  });

  beforeEach(async () => {
    await connection.dropDatabase();
    await Promise.all([models.Job.createIndexes(), models.Applicant.createIndexes()]);
  });

  after(async () => {
    await connection.close();
    await server.stop();
  });

  it('runs a Mongoose model workflow end to end', async () => {
    const { Job, Applicant } = models;
    const job = await Job.create({ title: 'Engineer', code: 'ENG-1' });
    const duplicateJob = await Job.create({ title: 'Other', code: 'ENG-1' }).catch(
      (caught: unknown) => caught,
    );
    await Applicant.create([
      { name: 'Ada', email: 'ada@example.com', job: job._id, score: 7 },
      { name: 'Alan', email: 'alan@example.com', job: job._id, score: 9 },
    ]);
    const duplicateApplicant = await Applicant.create({
      name: 'Ada again',
      email: 'ada@example.com',
      job: job._id,
    }).catch((caught: unknown) => caught);
    const populated = await Applicant.find()
      .sort({ score: -1 })
      .populate<{ job: JobRecord }>('job')
      .lean();
    const updated = await Applicant.findOneAndUpdate(
      { name: 'Ada' },
      { $inc: { score: 5 } },
      { returnDocument: 'after' },
    ).lean();
    const count = await Applicant.countDocuments({ job: job._id });

    expect((duplicateJob as { code: number }).code).to.equal(11000);
    expect((duplicateApplicant as { code: number }).code).to.equal(11000);
    expect((duplicateApplicant as { keyValue: object }).keyValue).to.deep.equal({
      job: job._id,
      email: 'ada@example.com',
    });
    expect(populated.map((applicant) => [applicant.name, applicant.job.title])).to.deep.equal([
      ['Alan', 'Engineer'],
      ['Ada', 'Engineer'],
    ]);
    expect(updated).to.include({ name: 'Ada', score: 12 });
    expect(updated!.updatedAt).to.be.instanceOf(Date);
    expect(count).to.equal(2);
  });

  it('keeps the declared indexes through syncIndexes', async () => {
    const { Applicant } = models;

    const dropped = await Applicant.syncIndexes();
    const indexes = await Applicant.listIndexes();

    expect(dropped).to.deep.equal([]);
    expect(indexes.map((index) => index.name)).to.deep.equal(['_id_', 'job_1', 'job_1_email_1']);
  });
});
