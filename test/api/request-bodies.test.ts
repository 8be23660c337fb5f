import { gzipSync } from 'node:zlib';
import { expect } from 'chai';

import { JobModel } from '../../src/jobs/job.model.js';
import { clearDatabase } from '../support/database.js';
import { api } from '../support/http.js';

const JOB = JSON.stringify({ Title: 'Welder', Location: 'Leeds', Description: 'Pipework.' });

describe('request bodies', () => {
  beforeEach(clearDatabase);

  it('accepts a gzip-compressed body', async () => {
    const response = await api()
      .post('/api/jobs/')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      // superagent would JSON-encode the Buffer, but it sends what the serializer returns as is.
      .serialize((body: Buffer) => body as unknown as string)
      .send(gzipSync(JOB));

    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    expect(response.body.Title).to.equal('Welder');
  });

  it('rejects a body that does not match its Content-Encoding', async () => {
    const response = await api()
      .post('/api/jobs/')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(JOB);

    expect(response.status).to.equal(400);
    expect(response.type).to.equal('application/problem+json');
    expect(response.body.errors[0].field).to.equal('body');
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  it('rejects an unknown Content-Encoding with 415', async () => {
    const response = await api()
      .post('/api/jobs/')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'x-bogus')
      .send(JOB);

    expect(response.status).to.equal(415);
    expect(response.body.detail).to.include('x-bogus');
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  it('rejects a body over the limit with 413 naming it', async () => {
    const description = 'x'.repeat(110 * 1024);

    const response = await api()
      .post('/api/jobs/')
      .set('Content-Type', 'application/json')
      .send({ Title: 'Welder', Location: 'Leeds', Description: description });

    expect(response.status).to.equal(413);
    expect(response.body.detail).to.include('100kb');
    expect(await JobModel.countDocuments()).to.equal(0);
  });

  for (const contentType of [
    'application/ld+json',
    'APPLICATION/JSON',
    'application/json; charset=utf-8',
  ]) {
    it(`parses a body sent as ${contentType}`, async () => {
      const response = await api().post('/api/jobs/').set('Content-Type', contentType).send(JOB);

      expect(response.status).to.equal(201);
      expect(await JobModel.countDocuments()).to.equal(1);
    });
  }
});

describe('unknown methods', () => {
  for (const method of ['PROPFIND', 'PURGE']) {
    it(`answers ${method} on a known path with 405`, async () => {
      const response = await api()[method.toLowerCase() as 'propfind' | 'purge']('/api/jobs/');

      expect(response.status).to.equal(405);
      expect(response.type).to.equal('application/problem+json');
      expect(response.headers.allow).to.include('GET');
      expect(response.headers.allow).to.include('POST');
    });
  }
});
