import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';

import { ApplicantModel } from '../../src/applicants/applicant.model.js';
import { APPLICANT_STATUSES } from '../../src/applicants/status.js';
import { ExperienceModel } from '../../src/experiences/experience.model.js';
import { JobModel } from '../../src/jobs/job.model.js';
import { clearDatabase } from '../support/database.js';
import { api } from '../support/http.js';

async function insertJob(title = 'Backend engineer') {
  return JobModel.create({ title, location: 'Berlin', description: 'Builds the API.' });
}

async function insertApplicant(job: Types.ObjectId, overrides: Record<string, unknown> = {}) {
  return ApplicantModel.create({
    job,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    ...overrides,
  });
}

async function insertExperience(
  applicant: Types.ObjectId,
  start: string,
  end: string | null,
  institution: string,
) {
  return ExperienceModel.create({
    applicant,
    category: 'Work',
    start: new Date(start),
    end: end === null ? null : new Date(end),
    institution,
    description: '',
  });
}

function newApplicantBody(job: { id: string }) {
  return { Job: job.id, First_name: 'Grace', Last_name: 'Hopper', Email: 'grace@example.com' };
}

/** Counts the database operations that Mongoose sends while `action` runs. */
async function countOperations(action: () => Promise<unknown>): Promise<number> {
  let count = 0;
  mongoose.set('debug', () => {
    count += 1;
  });
  try {
    await action();
  } finally {
    mongoose.set('debug', false);
  }
  return count;
}

function fieldsOf(response: { body: { errors?: { field: string }[] } }): string[] {
  return (response.body.errors ?? []).map((error) => error.field);
}

describe('POST /api/applicant', () => {
  beforeEach(clearDatabase);

  it('creates an applicant and returns its full representation', async () => {
    const job = await insertJob();

    const response = await api().post('/api/applicant/').send(newApplicantBody(job));

    expect(response.status).to.equal(201);
    expect(response.headers.location).to.equal(`/api/applicant/${response.body.id}/`);
    expect(response.body).to.deep.equal({
      id: response.body.id,
      Job: 'Backend engineer',
      Job_id: job.id,
      First_name: 'Grace',
      Last_name: 'Hopper',
      Email: 'grace@example.com',
      Status: 'Under review',
      Experiences: [],
      Created_at: response.body.Created_at,
      Updated_at: response.body.Updated_at,
    });
    const stored = await ApplicantModel.findById(response.body.id).lean();
    expect(stored).to.include({ firstName: 'Grace', lastName: 'Hopper', status: 'Under review' });
    expect(stored?.job.toHexString()).to.equal(job.id);
  });

  it('answers the same without the trailing slash', async () => {
    const job = await insertJob();

    const response = await api().post('/api/applicant').send(newApplicantBody(job));

    expect(response.status).to.equal(201);
    expect(await ApplicantModel.countDocuments()).to.equal(1);
  });

  it('returns the same representation as GET', async () => {
    const job = await insertJob();
    const created = await api().post('/api/applicant').send(newApplicantBody(job));

    const fetched = await api().get(created.headers.location!);

    expect(fetched.body).to.deep.equal(created.body);
  });

  for (const key of ['job', 'Job', 'job_id', 'Job_id', 'JOB_ID']) {
    it(`accepts the job's id under ${key}`, async () => {
      const job = await insertJob();
      const rest: Record<string, string> = newApplicantBody(job);
      delete rest.Job;

      const response = await api()
        .post('/api/applicant')
        .send({ ...rest, [key]: job.id });

      expect(response.status).to.equal(201);
      expect(response.body.Job_id).to.equal(job.id);
    });
  }

  it('stores the email trimmed and lower-cased', async () => {
    const job = await insertJob();

    const response = await api()
      .post('/api/applicant')
      .send({ ...newApplicantBody(job), Email: '  Grace.Hopper@Example.COM ' });

    expect(response.status).to.equal(201);
    expect(response.body.Email).to.equal('grace.hopper@example.com');
    const stored = await ApplicantModel.findById(response.body.id).lean();
    expect(stored?.email).to.equal('grace.hopper@example.com');
  });

  it('stores a leniently spelled status in its canonical form', async () => {
    const job = await insertJob();

    const response = await api()
      .post('/api/applicant')
      .send({ ...newApplicantBody(job), status: '  offer ACCEPTED -  yet to start ' });

    expect(response.status).to.equal(201);
    expect(response.body.Status).to.equal('Offer accepted – yet to start');
    const stored = await ApplicantModel.findById(response.body.id).lean();
    expect(stored?.status).to.equal('Offer accepted – yet to start');
  });

  it('rejects an unknown status, lists the six statuses and stores nothing', async () => {
    const job = await insertJob();

    const response = await api()
      .post('/api/applicant')
      .send({ ...newApplicantBody(job), Status: 'Hired' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Status']);
    for (const status of APPLICANT_STATUSES) {
      expect(response.body.errors[0].message).to.include(status);
    }
    expect(await ApplicantModel.countDocuments()).to.equal(0);
  });

  const invalidEmails = ['not-an-email', 'a@b', '@example.com', 'a b@example.com', '', 42];

  for (const email of invalidEmails) {
    it(`rejects the email ${JSON.stringify(email)} and stores nothing`, async () => {
      const job = await insertJob();

      const response = await api()
        .post('/api/applicant')
        .send({ ...newApplicantBody(job), Email: email });

      expect(response.status).to.equal(400);
      expect(fieldsOf(response)).to.deep.equal(['Email']);
      expect(await ApplicantModel.countDocuments()).to.equal(0);
    });
  }

  it('rejects a missing field of each kind', async () => {
    const response = await api().post('/api/applicant').send({});

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Job', 'First_name', 'Last_name', 'Email']);
  });

  it('rejects a name over 100 characters', async () => {
    const job = await insertJob();

    const response = await api()
      .post('/api/applicant')
      .send({ ...newApplicantBody(job), Last_name: 'x'.repeat(101) });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Last_name']);
  });

  it('rejects a malformed job id naming Job', async () => {
    const job = await insertJob();

    const response = await api()
      .post('/api/applicant')
      .send({ ...newApplicantBody(job), Job: 'nope' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Job']);
  });

  it('rejects an unknown job with 400 naming Job and stores nothing', async () => {
    const missingJob = { id: new Types.ObjectId().toHexString() };

    const response = await api().post('/api/applicant').send(newApplicantBody(missingJob));

    expect(response.status).to.equal(400);
    expect(response.body.errors).to.deep.equal([
      { field: 'Job', message: `No job has the id ${missingJob.id}.` },
    ]);
    expect(await ApplicantModel.countDocuments()).to.equal(0);
  });

  it('rejects a repeated email for one job with 409', async () => {
    const job = await insertJob();
    await insertApplicant(job._id, { email: 'grace@example.com' });

    const response = await api()
      .post('/api/applicant')
      .send({ ...newApplicantBody(job), Email: 'GRACE@example.com' });

    expect(response.status).to.equal(409);
    expect(response.body.detail).to.equal(
      'An applicant with this email has already applied to this job.',
    );
    expect(await ApplicantModel.countDocuments()).to.equal(1);
  });

  it('accepts the same email for another job', async () => {
    const job = await insertJob();
    const otherJob = await insertJob('Frontend engineer');
    await insertApplicant(job._id, { email: 'grace@example.com' });

    const response = await api().post('/api/applicant').send(newApplicantBody(otherJob));

    expect(response.status).to.equal(201);
    expect(await ApplicantModel.countDocuments()).to.equal(2);
  });

  it('rejects reserved, operator and unknown keys, naming each one', async () => {
    const job = await insertJob();
    const body = JSON.stringify(newApplicantBody(job)).replace(
      /}$/,
      ', "__proto__": {"status": "Started"}, "constructor": 1, "$where": "1", "_id": "x", "Experiences": []}',
    );

    const response = await api()
      .post('/api/applicant')
      .set('Content-Type', 'application/json')
      .send(body);

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal([
      '__proto__',
      'constructor',
      '$where',
      '_id',
      'Experiences',
    ]);
    expect(await ApplicantModel.countDocuments()).to.equal(0);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const job = await insertJob();

    const response = await api()
      .post('/api/applicant')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(newApplicantBody(job)));

    expect(response.status).to.equal(415);
    expect(await ApplicantModel.countDocuments()).to.equal(0);
  });

  it('rejects a body that is not an object with 400', async () => {
    const response = await api()
      .post('/api/applicant')
      .set('Content-Type', 'application/json')
      .send('["x"]');

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['body']);
  });
});

describe('POST /api/applicant/:id', () => {
  beforeEach(clearDatabase);

  it('creates an applicant under the id the client chose', async () => {
    const job = await insertJob();
    const id = new Types.ObjectId().toHexString();

    const response = await api().post(`/api/applicant/${id}/`).send(newApplicantBody(job));

    expect(response.status).to.equal(201);
    expect(response.body.id).to.equal(id);
    expect(response.headers.location).to.equal(`/api/applicant/${id}/`);
    expect(await ApplicantModel.exists({ _id: id })).to.not.equal(null);
  });

  it('answers the same without the trailing slash', async () => {
    const job = await insertJob();
    const id = new Types.ObjectId().toHexString();

    const response = await api().post(`/api/applicant/${id}`).send(newApplicantBody(job));

    expect(response.status).to.equal(201);
    expect(response.body.id).to.equal(id);
  });

  it('rejects an id that is taken with 409 and keeps the existing applicant', async () => {
    const job = await insertJob();
    const existing = await insertApplicant(job._id);

    const response = await api().post(`/api/applicant/${existing.id}`).send(newApplicantBody(job));

    expect(response.status).to.equal(409);
    expect(response.body.detail).to.equal(
      `An applicant with the id ${existing.id} already exists.`,
    );
    const stored = await ApplicantModel.find().lean();
    expect(stored).to.have.length(1);
    expect(stored[0]?.firstName).to.equal('Ada');
  });

  it('rejects a malformed id with 400 naming id', async () => {
    const job = await insertJob();

    const response = await api().post('/api/applicant/abc').send(newApplicantBody(job));

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['id']);
    expect(await ApplicantModel.countDocuments()).to.equal(0);
  });
});

describe('GET /api/applicant/:id', () => {
  beforeEach(clearDatabase);

  it('returns the applicant with its job title and sorted experiences', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id, { status: 'Offer pending' });
    const ongoing = await insertExperience(applicant._id, '2015-03-01', null, 'Ongoing Ltd');
    const later = await insertExperience(applicant._id, '2018-01-01', '2019-01-01', 'Later Ltd');
    const ended = await insertExperience(applicant._id, '2015-03-01', '2016-06-30', 'Ended Ltd');
    const sameDay = await insertExperience(
      applicant._id,
      '2010-09-01',
      '2010-09-01',
      'One Day Ltd',
    );

    const response = await api().get(`/api/applicant/${applicant.id}/`);

    expect(response.status).to.equal(200);
    expect(response.body).to.include({
      id: applicant.id,
      Job: 'Backend engineer',
      Job_id: job.id,
      First_name: 'Ada',
      Last_name: 'Lovelace',
      Email: 'ada@example.com',
      Status: 'Offer pending',
      Created_at: applicant.createdAt.toISOString(),
    });
    expect(response.body.Experiences.map((item: { id: string }) => item.id)).to.deep.equal([
      sameDay.id,
      ended.id,
      ongoing.id,
      later.id,
    ]);
    expect(response.body.Experiences[1]).to.deep.equal({
      id: ended.id,
      Category: 'Work',
      Start: 'March 1, 2015',
      End: 'June 30, 2016',
      Institution: 'Ended Ltd',
      Description: '',
    });
    expect(response.body.Experiences[2].End).to.equal(null);
  });

  it('answers the same without the trailing slash', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const withSlash = await api().get(`/api/applicant/${applicant.id}/`);
    const withoutSlash = await api().get(`/api/applicant/${applicant.id}`);

    expect(withoutSlash.status).to.equal(200);
    expect(withoutSlash.body).to.deep.equal(withSlash.body);
  });

  it('answers 404 for an unknown id', async () => {
    const id = new Types.ObjectId().toHexString();

    const response = await api().get(`/api/applicant/${id}`);

    expect(response.status).to.equal(404);
    expect(response.body.detail).to.equal(`No applicant has the id ${id}.`);
  });

  it('answers 404 for a malformed id', async () => {
    const response = await api().get('/api/applicant/12345/');

    expect(response.status).to.equal(404);
  });
});

describe('GET /api/applicant', () => {
  beforeEach(clearDatabase);

  it('lists applicants oldest first, each in the full representation', async () => {
    const job = await insertJob();
    const first = await insertApplicant(job._id, { email: 'first@example.com' });
    const second = await insertApplicant(job._id, { email: 'second@example.com' });
    await insertExperience(second._id, '2001-01-01', null, 'Acme');

    const response = await api().get('/api/applicant/');

    expect(response.status).to.equal(200);
    expect(response.body).to.include({ total: 2, limit: 20, offset: 0 });
    expect(response.body.items.map((item: { id: string }) => item.id)).to.deep.equal([
      first.id,
      second.id,
    ]);
    const single = await api().get(`/api/applicant/${second.id}`);
    expect(response.body.items[1]).to.deep.equal(single.body);
    expect(response.body.items[1].Experiences).to.have.length(1);
  });

  it('loads a page with as many queries for many applicants as for one', async () => {
    const job = await insertJob();
    const otherJob = await insertJob('Frontend engineer');
    const first = await insertApplicant(job._id, { email: 'first@example.com' });
    await insertExperience(first._id, '2001-01-01', null, 'Acme');
    const forOne = await countOperations(() => api().get('/api/applicant'));
    for (const [index, jobId] of [job._id, otherJob._id, job._id, otherJob._id].entries()) {
      const applicant = await insertApplicant(jobId, { email: `applicant${index}@example.com` });
      await insertExperience(applicant._id, '2002-01-01', null, 'Acme');
    }

    const forFive = await countOperations(() => api().get('/api/applicant'));

    expect(forOne).to.be.within(1, 4);
    expect(forFive).to.equal(forOne);
  });

  it('answers the same without the trailing slash', async () => {
    const job = await insertJob();
    await insertApplicant(job._id);

    const withSlash = await api().get('/api/applicant/');
    const withoutSlash = await api().get('/api/applicant');

    expect(withoutSlash.body).to.deep.equal(withSlash.body);
  });

  it('filters by job', async () => {
    const job = await insertJob();
    const otherJob = await insertJob('Frontend engineer');
    const matching = await insertApplicant(job._id);
    await insertApplicant(otherJob._id);

    const response = await api().get(`/api/applicant?job=${job.id}`);

    expect(response.body.total).to.equal(1);
    expect(response.body.items[0].id).to.equal(matching.id);
  });

  it('filters by a leniently spelled status', async () => {
    const job = await insertJob();
    await insertApplicant(job._id, { email: 'a@example.com' });
    const accepted = await insertApplicant(job._id, {
      email: 'b@example.com',
      status: 'Offer accepted – yet to start',
    });

    const response = await api()
      .get('/api/applicant')
      .query({ status: 'OFFER ACCEPTED — YET TO START' });

    expect(response.status).to.equal(200);
    expect(response.body.total).to.equal(1);
    expect(response.body.items[0].id).to.equal(accepted.id);
  });

  it('combines the job and status filters with pagination', async () => {
    const job = await insertJob();
    const otherJob = await insertJob('Frontend engineer');
    const emails = ['a@example.com', 'b@example.com', 'c@example.com'];
    for (const email of emails) {
      await insertApplicant(job._id, { email, status: 'Rejected' });
    }
    await insertApplicant(otherJob._id, { status: 'Rejected' });
    await insertApplicant(job._id, { email: 'd@example.com' });

    const response = await api().get(
      `/api/applicant?job=${job.id}&status=rejected&limit=2&offset=1`,
    );

    expect(response.body).to.include({ total: 3, limit: 2, offset: 1 });
    expect(response.body.items.map((item: { Email: string }) => item.Email)).to.deep.equal([
      'b@example.com',
      'c@example.com',
    ]);
  });

  it('returns an empty page for a job without applicants', async () => {
    const response = await api().get(`/api/applicant?job=${new Types.ObjectId().toHexString()}`);

    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ items: [], total: 0, limit: 20, offset: 0 });
  });

  const invalidQueries: [string, string][] = [
    ['status=hired', 'status'],
    ['status=', 'status'],
    ['job=123', 'job'],
    ['job_id=xyz', 'job_id'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['offset=-5', 'offset'],
    ['name=Ada', 'name'],
  ];

  for (const [query, field] of invalidQueries) {
    it(`rejects ?${query} naming ${field}`, async () => {
      const response = await api().get(`/api/applicant?${query}`);

      expect(response.status).to.equal(400);
      expect(fieldsOf(response)).to.deep.equal([field]);
    });
  }
});

describe('PATCH /api/applicant/:id', () => {
  beforeEach(clearDatabase);

  it('updates only the given fields and returns the full representation', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);
    await insertExperience(applicant._id, '2001-01-01', null, 'Acme');

    const response = await api()
      .patch(`/api/applicant/${applicant.id}/`)
      .send({ status: 'started' });

    expect(response.status).to.equal(200);
    expect(response.body).to.include({
      Status: 'Started',
      First_name: 'Ada',
      Email: 'ada@example.com',
    });
    expect(response.body.Experiences).to.have.length(1);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored).to.include({ status: 'Started', firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('answers the same without the trailing slash', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const response = await api()
      .patch(`/api/applicant/${applicant.id}`)
      .send({ First_name: 'Augusta' });

    expect(response.status).to.equal(200);
    expect(response.body.First_name).to.equal('Augusta');
  });

  it('rejects an unknown status and keeps the old one', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id, { status: 'Offer pending' });

    const response = await api().patch(`/api/applicant/${applicant.id}`).send({ Status: 'Hired' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Status']);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.status).to.equal('Offer pending');
  });

  it('stores a changed email trimmed and lower-cased', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const response = await api()
      .patch(`/api/applicant/${applicant.id}`)
      .send({ email: ' ADA@Example.org ' });

    expect(response.body.Email).to.equal('ada@example.org');
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.email).to.equal('ada@example.org');
  });

  it('rejects an invalid email and keeps the old one', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const response = await api().patch(`/api/applicant/${applicant.id}`).send({ Email: 'ada@' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Email']);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.email).to.equal('ada@example.com');
  });

  it('rejects an email already used for the same job with 409', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id, { email: 'ada@example.com' });
    await insertApplicant(job._id, { email: 'grace@example.com' });

    const response = await api()
      .patch(`/api/applicant/${applicant.id}`)
      .send({ Email: 'Grace@example.com' });

    expect(response.status).to.equal(409);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.email).to.equal('ada@example.com');
  });

  it('moves the applicant to another job and returns its title', async () => {
    const job = await insertJob();
    const otherJob = await insertJob('Frontend engineer');
    const applicant = await insertApplicant(job._id);

    const response = await api()
      .patch(`/api/applicant/${applicant.id}`)
      .send({ job_id: otherJob.id });

    expect(response.status).to.equal(200);
    expect(response.body).to.include({ Job: 'Frontend engineer', Job_id: otherJob.id });
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.job.toHexString()).to.equal(otherJob.id);
  });

  it('rejects an unknown job with 400 naming Job and keeps the old job', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const response = await api()
      .patch(`/api/applicant/${applicant.id}`)
      .send({ Job: new Types.ObjectId().toHexString() });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Job']);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.job.toHexString()).to.equal(job.id);
  });

  it('rejects an empty object and keeps the applicant', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const response = await api().patch(`/api/applicant/${applicant.id}`).send({});

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['body']);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.updatedAt.toISOString()).to.equal(applicant.updatedAt.toISOString());
  });

  it('rejects reserved and unknown keys and keeps the applicant', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const response = await api()
      .patch(`/api/applicant/${applicant.id}`)
      .set('Content-Type', 'application/json')
      .send('{"__proto__": {"status": "Started"}, "constructor": {}, "$where": "1", "_id": "x"}');

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['__proto__', 'constructor', '$where', '_id']);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.status).to.equal('Under review');
  });

  it('keeps both of two concurrent updates of different fields', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const responses = await Promise.all([
      api().patch(`/api/applicant/${applicant.id}`).send({ Status: 'Rejected' }),
      api().patch(`/api/applicant/${applicant.id}`).send({ Last_name: 'King' }),
      api().patch(`/api/applicant/${applicant.id}`).send({ First_name: 'Augusta' }),
    ]);

    expect(responses.map((response) => response.status)).to.deep.equal([200, 200, 200]);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored).to.include({ status: 'Rejected', lastName: 'King', firstName: 'Augusta' });
  });

  it('answers 404 for an unknown id', async () => {
    const response = await api()
      .patch(`/api/applicant/${new Types.ObjectId().toHexString()}`)
      .send({ Status: 'Rejected' });

    expect(response.status).to.equal(404);
    expect(await ApplicantModel.countDocuments()).to.equal(0);
  });

  it('answers 404 for a malformed id', async () => {
    const response = await api().patch('/api/applicant/xyz').send({ Status: 'Rejected' });

    expect(response.status).to.equal(404);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const job = await insertJob();
    const applicant = await insertApplicant(job._id);

    const response = await api()
      .patch(`/api/applicant/${applicant.id}`)
      .set('Content-Type', 'text/plain')
      .send('{"Status": "Rejected"}');

    expect(response.status).to.equal(415);
    const stored = await ApplicantModel.findById(applicant._id).lean();
    expect(stored?.status).to.equal('Under review');
  });
});
