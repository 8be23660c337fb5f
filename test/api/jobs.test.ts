import { expect } from 'chai';
import { Types } from 'mongoose';

import { JobModel } from '../../src/jobs/job.model.js';
import { clearDatabase } from '../support/database.js';
import { api } from '../support/http.js';

const NEW_JOB = {
  Title: 'Backend engineer',
  Location: 'Berlin',
  Description: 'Builds and runs the applicant API.',
};

async function insertJob(overrides: Record<string, unknown> = {}) {
  return JobModel.create({
    title: 'Data analyst',
    location: 'Lisbon',
    description: 'Turns applicant data into reports.',
    ...overrides,
  });
}

async function storedJobs() {
  return JobModel.find().sort({ createdAt: 1, _id: 1 }).lean();
}

function fieldsOf(response: { body: { errors?: { field: string }[] } }): string[] {
  return (response.body.errors ?? []).map((error) => error.field);
}

describe('POST /api/jobs', () => {
  beforeEach(clearDatabase);

  it('creates a job and returns it with its location', async () => {
    const response = await api().post('/api/jobs/').send(NEW_JOB);

    expect(response.status).to.equal(201);
    expect(response.body).to.include(NEW_JOB);
    expect(response.body.id).to.match(/^[0-9a-f]{24}$/);
    expect(response.headers.location).to.equal(`/api/jobs/${response.body.id}/`);
    expect(Date.parse(response.body.Created_at)).to.be.a('number').and.not.NaN;
    expect(response.body.Updated_at).to.equal(response.body.Created_at);
    const [stored] = await storedJobs();
    expect(stored?._id.toHexString()).to.equal(response.body.id);
    expect(stored).to.include({
      title: NEW_JOB.Title,
      location: NEW_JOB.Location,
      description: NEW_JOB.Description,
    });
  });

  it('answers the same without the trailing slash', async () => {
    const response = await api().post('/api/jobs').send(NEW_JOB);

    expect(response.status).to.equal(201);
    expect(response.headers.location).to.equal(`/api/jobs/${response.body.id}/`);
    expect(await JobModel.countDocuments()).to.equal(1);
  });

  it('accepts field names in any letter case', async () => {
    const body = { title: 'Tester', LOCATION: 'Oslo', dEsCrIpTiOn: 'Finds bugs.' };

    const response = await api().post('/api/jobs').send(body);

    expect(response.status).to.equal(201);
    expect(response.body).to.include({
      Title: 'Tester',
      Location: 'Oslo',
      Description: 'Finds bugs.',
    });
  });

  it('trims the text fields', async () => {
    const body = { Title: '  Tester ', Location: '\tOslo\n', Description: ' Finds bugs. ' };

    const response = await api().post('/api/jobs').send(body);

    expect(response.status).to.equal(201);
    const [stored] = await storedJobs();
    expect(stored).to.include({ title: 'Tester', location: 'Oslo', description: 'Finds bugs.' });
  });

  for (const field of ['Title', 'Location', 'Description'] as const) {
    it(`rejects a job without ${field} and stores nothing`, async () => {
      const body: Record<string, string> = { ...NEW_JOB };
      delete body[field];

      const response = await api().post('/api/jobs').send(body);

      expect(response.status).to.equal(400);
      expect(response.headers['content-type']).to.match(/^application\/problem\+json/);
      expect(response.body.errors).to.deep.equal([{ field, message: `${field} is required.` }]);
      expect(await JobModel.countDocuments()).to.equal(0);
    });
  }

  const invalidTitles: [string, unknown][] = [
    ['an empty title', ''],
    ['a blank title', '   '],
    ['a title over 200 characters', 'x'.repeat(201)],
    ['a number as title', 42],
    ['null as title', null],
    ['an operator object as title', { $gt: '' }],
  ];

  for (const [name, title] of invalidTitles) {
    it(`rejects ${name} and stores nothing`, async () => {
      const response = await api()
        .post('/api/jobs')
        .send({ ...NEW_JOB, Title: title });

      expect(response.status).to.equal(400);
      expect(fieldsOf(response)).to.deep.equal(['Title']);
      expect(await JobModel.countDocuments()).to.equal(0);
    });
  }

  it('accepts a title of exactly 200 characters', async () => {
    const response = await api()
      .post('/api/jobs')
      .send({ ...NEW_JOB, Title: 'x'.repeat(200) });

    expect(response.status).to.equal(201);
  });

  it('names each invalid field in the spelling the request used', async () => {
    const response = await api()
      .post('/api/jobs')
      .send({ title: '', location: 5, Description: 'ok' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['title', 'location']);
  });

  it('rejects reserved, operator and unknown keys, naming each one', async () => {
    const body =
      '{"Title": "x", "Location": "y", "Description": "z", "__proto__": {"admin": true},' +
      ' "constructor": {"prototype": {}}, "$where": "1", "_id": "64b7f0c2a1b2c3d4e5f60718",' +
      ' "__v": 3, "salary": 100}';

    const response = await api()
      .post('/api/jobs')
      .set('Content-Type', 'application/json')
      .send(body);

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal([
      '__proto__',
      'constructor',
      '$where',
      '_id',
      '__v',
      'salary',
    ]);
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  it('rejects a field given under two spellings', async () => {
    const response = await api()
      .post('/api/jobs')
      .send({ ...NEW_JOB, title: 'Other title' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['title']);
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await api()
      .post('/api/jobs')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(NEW_JOB));

    expect(response.status).to.equal(415);
    expect(response.body.status).to.equal(415);
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  it('rejects a form-encoded body with 415', async () => {
    const response = await api().post('/api/jobs').type('form').send(NEW_JOB);

    expect(response.status).to.equal(415);
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  for (const body of ['[]', '"a job"', '42', 'null', 'true', '']) {
    it(`rejects the JSON body ${JSON.stringify(body)} because it is not an object`, async () => {
      const response = await api()
        .post('/api/jobs')
        .set('Content-Type', 'application/json')
        .send(body);

      expect(response.status).to.equal(400);
      expect(response.body.errors).to.deep.equal([
        { field: 'body', message: 'The request body must be a JSON object.' },
      ]);
      expect(await JobModel.countDocuments()).to.equal(0);
    });
  }

  it('rejects malformed JSON with 400', async () => {
    const response = await api()
      .post('/api/jobs')
      .set('Content-Type', 'application/json')
      .send('{"Title": "x",');

    expect(response.status).to.equal(400);
    expect(response.body.errors).to.deep.equal([
      { field: 'body', message: 'The request body is not valid JSON.' },
    ]);
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  it('rejects a body over 100 kB with 413', async () => {
    const response = await api()
      .post('/api/jobs')
      .send({ ...NEW_JOB, Description: 'x'.repeat(110 * 1024) });

    expect(response.status).to.equal(413);
    expect(response.body.status).to.equal(413);
    expect(await JobModel.countDocuments()).to.equal(0);
  });
});

describe('POST /api/jobs/:id', () => {
  beforeEach(clearDatabase);

  it('creates a job under the id the client chose', async () => {
    const id = new Types.ObjectId().toHexString();

    const response = await api().post(`/api/jobs/${id}/`).send(NEW_JOB);

    expect(response.status).to.equal(201);
    expect(response.body.id).to.equal(id);
    expect(response.headers.location).to.equal(`/api/jobs/${id}/`);
    expect(await JobModel.exists({ _id: id })).to.not.equal(null);
  });

  it('answers the same without the trailing slash', async () => {
    const id = new Types.ObjectId().toHexString();

    const response = await api().post(`/api/jobs/${id}`).send(NEW_JOB);

    expect(response.status).to.equal(201);
    expect(response.body.id).to.equal(id);
  });

  it('accepts an id in upper-case hexadecimal and returns it in lower case', async () => {
    const id = new Types.ObjectId().toHexString();

    const response = await api().post(`/api/jobs/${id.toUpperCase()}`).send(NEW_JOB);

    expect(response.status).to.equal(201);
    expect(response.body.id).to.equal(id);
  });

  it('rejects an id that is taken with 409 and keeps the existing job', async () => {
    const existing = await insertJob();

    const response = await api().post(`/api/jobs/${existing.id}/`).send(NEW_JOB);

    expect(response.status).to.equal(409);
    expect(response.body.detail).to.equal(`A job with the id ${existing.id} already exists.`);
    const stored = await storedJobs();
    expect(stored).to.have.length(1);
    expect(stored[0]?.title).to.equal('Data analyst');
  });

  for (const id of ['123', 'zzzzzzzzzzzzzzzzzzzzzzzz', '64b7f0c2a1b2c3d4e5f607180']) {
    it(`rejects the malformed id ${id} with 400 naming id`, async () => {
      const response = await api().post(`/api/jobs/${id}`).send(NEW_JOB);

      expect(response.status).to.equal(400);
      expect(fieldsOf(response)).to.deep.equal(['id']);
      expect(await JobModel.countDocuments()).to.equal(0);
    });
  }

  it('validates the body like a plain create', async () => {
    const id = new Types.ObjectId().toHexString();

    const response = await api().post(`/api/jobs/${id}`).send({ Title: 'Only a title' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Location', 'Description']);
    expect(await JobModel.countDocuments()).to.equal(0);
  });
});

describe('GET /api/jobs', () => {
  beforeEach(clearDatabase);

  it('lists jobs oldest first with the default page', async () => {
    const first = await insertJob({ title: 'First' });
    const second = await insertJob({ title: 'Second' });

    const response = await api().get('/api/jobs/');

    expect(response.status).to.equal(200);
    expect(response.body).to.include({ total: 2, limit: 20, offset: 0 });
    expect(response.body.items.map((job: { id: string }) => job.id)).to.deep.equal([
      first.id,
      second.id,
    ]);
    expect(response.body.items[0]).to.deep.equal({
      id: first.id,
      Title: 'First',
      Location: 'Lisbon',
      Description: 'Turns applicant data into reports.',
      Created_at: first.createdAt.toISOString(),
      Updated_at: first.updatedAt.toISOString(),
    });
  });

  it('answers the same without the trailing slash', async () => {
    await insertJob();

    const withSlash = await api().get('/api/jobs/');
    const withoutSlash = await api().get('/api/jobs');

    expect(withoutSlash.status).to.equal(200);
    expect(withoutSlash.body).to.deep.equal(withSlash.body);
  });

  it('returns an empty page when there are no jobs', async () => {
    const response = await api().get('/api/jobs');

    expect(response.body).to.deep.equal({ items: [], total: 0, limit: 20, offset: 0 });
  });

  it('applies limit and offset', async () => {
    const jobs = [];
    for (const title of ['A', 'B', 'C', 'D', 'E']) {
      jobs.push(await insertJob({ title }));
    }

    const response = await api().get('/api/jobs?limit=2&offset=1');

    expect(response.body).to.include({ total: 5, limit: 2, offset: 1 });
    expect(response.body.items.map((job: { Title: string }) => job.Title)).to.deep.equal([
      'B',
      'C',
    ]);
  });

  it('accepts the largest limit and an offset past the end', async () => {
    await insertJob();

    const response = await api().get('/api/jobs?limit=100&offset=5');

    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ items: [], total: 1, limit: 100, offset: 5 });
  });

  const invalidQueries: [string, string][] = [
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=1e1', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=0.5', 'offset'],
    ['offset=abc', 'offset'],
    ['page=2', 'page'],
    ['sort=title', 'sort'],
    ['$where=1', '$where'],
    ['__proto__=1', '__proto__'],
  ];

  for (const [query, field] of invalidQueries) {
    it(`rejects ?${query} naming ${field}`, async () => {
      const response = await api().get(`/api/jobs?${query}`);

      expect(response.status).to.equal(400);
      expect(fieldsOf(response)).to.deep.equal([field]);
    });
  }

  it('answers HEAD with the headers of GET and no body', async () => {
    await insertJob();

    const response = await api().head('/api/jobs');

    expect(response.status).to.equal(200);
    expect(response.headers['content-type']).to.match(/^application\/json/);
    expect(response.text).to.equal(undefined);
  });
});

describe('GET /api/jobs/:id', () => {
  beforeEach(clearDatabase);

  it('returns the job', async () => {
    const job = await insertJob();

    const response = await api().get(`/api/jobs/${job.id}/`);

    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({
      id: job.id,
      Title: 'Data analyst',
      Location: 'Lisbon',
      Description: 'Turns applicant data into reports.',
      Created_at: job.createdAt.toISOString(),
      Updated_at: job.updatedAt.toISOString(),
    });
  });

  it('answers the same without the trailing slash', async () => {
    const job = await insertJob();

    const withSlash = await api().get(`/api/jobs/${job.id}/`);
    const withoutSlash = await api().get(`/api/jobs/${job.id}`);

    expect(withoutSlash.status).to.equal(200);
    expect(withoutSlash.body).to.deep.equal(withSlash.body);
  });

  it('answers 404 for an unknown id', async () => {
    const id = new Types.ObjectId().toHexString();

    const response = await api().get(`/api/jobs/${id}/`);

    expect(response.status).to.equal(404);
    expect(response.body.detail).to.equal(`No job has the id ${id}.`);
  });

  it('answers 404 for a malformed id', async () => {
    const response = await api().get('/api/jobs/not-an-id/');

    expect(response.status).to.equal(404);
    expect(response.headers['content-type']).to.match(/^application\/problem\+json/);
  });

  it('answers HEAD like GET without a body', async () => {
    const job = await insertJob();

    const response = await api().head(`/api/jobs/${job.id}`);

    expect(response.status).to.equal(200);
    expect(response.text).to.equal(undefined);
  });
});

describe('PATCH /api/jobs/:id', () => {
  beforeEach(clearDatabase);

  it('updates only the given fields', async () => {
    const job = await insertJob();

    const response = await api()
      .patch(`/api/jobs/${job.id}/`)
      .send({ title: ' Senior data analyst ' });

    expect(response.status).to.equal(200);
    expect(response.body).to.include({
      id: job.id,
      Title: 'Senior data analyst',
      Location: 'Lisbon',
      Description: 'Turns applicant data into reports.',
    });
    expect(Date.parse(response.body.Updated_at)).to.be.at.least(job.updatedAt.getTime());
    const [stored] = await storedJobs();
    expect(stored).to.include({ title: 'Senior data analyst', location: 'Lisbon' });
  });

  it('answers the same without the trailing slash', async () => {
    const job = await insertJob();

    const response = await api().patch(`/api/jobs/${job.id}`).send({ Location: 'Porto' });

    expect(response.status).to.equal(200);
    expect(response.body.Location).to.equal('Porto');
  });

  it('keeps both of two concurrent updates of different fields', async () => {
    const job = await insertJob();

    const [titleResponse, locationResponse] = await Promise.all([
      api().patch(`/api/jobs/${job.id}`).send({ Title: 'New title' }),
      api().patch(`/api/jobs/${job.id}`).send({ Location: 'New location' }),
    ]);

    expect(titleResponse.status).to.equal(200);
    expect(locationResponse.status).to.equal(200);
    const [stored] = await storedJobs();
    expect(stored).to.include({ title: 'New title', location: 'New location' });
  });

  it('rejects an empty object and keeps the job', async () => {
    const job = await insertJob();

    const response = await api().patch(`/api/jobs/${job.id}`).send({});

    expect(response.status).to.equal(400);
    expect(response.body.errors).to.deep.equal([
      { field: 'body', message: 'The request body must contain at least one field.' },
    ]);
    const [stored] = await storedJobs();
    expect(stored?.updatedAt.toISOString()).to.equal(job.updatedAt.toISOString());
  });

  it('rejects an empty title and keeps the old one', async () => {
    const job = await insertJob();

    const response = await api()
      .patch(`/api/jobs/${job.id}`)
      .send({ Title: ' ', Location: 'Porto' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Title']);
    const [stored] = await storedJobs();
    expect(stored).to.include({ title: 'Data analyst', location: 'Lisbon' });
  });

  it('rejects a description over 5000 characters', async () => {
    const job = await insertJob();

    const response = await api()
      .patch(`/api/jobs/${job.id}`)
      .send({ Description: 'x'.repeat(5001) });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Description']);
  });

  it('rejects an attempt to change the id', async () => {
    const job = await insertJob();

    const response = await api()
      .patch(`/api/jobs/${job.id}`)
      .send({ _id: new Types.ObjectId().toHexString(), id: 'x' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['_id', 'id']);
    expect(await JobModel.exists({ _id: job._id })).to.not.equal(null);
  });

  it('rejects operator keys and keeps the job', async () => {
    const job = await insertJob();

    const response = await api()
      .patch(`/api/jobs/${job.id}`)
      .send({ $set: { title: 'Hacked' } });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['$set']);
    const [stored] = await storedJobs();
    expect(stored?.title).to.equal('Data analyst');
  });

  it('answers 404 for an unknown id', async () => {
    const response = await api()
      .patch(`/api/jobs/${new Types.ObjectId().toHexString()}`)
      .send({ Title: 'x' });

    expect(response.status).to.equal(404);
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  it('answers 404 for a malformed id', async () => {
    const response = await api().patch('/api/jobs/123').send({ Title: 'x' });

    expect(response.status).to.equal(404);
  });

  it('rejects a body that is not JSON with 415 and keeps the job', async () => {
    const job = await insertJob();

    const response = await api()
      .patch(`/api/jobs/${job.id}`)
      .set('Content-Type', 'text/plain')
      .send('{"Title": "x"}');

    expect(response.status).to.equal(415);
    const [stored] = await storedJobs();
    expect(stored?.title).to.equal('Data analyst');
  });
});
