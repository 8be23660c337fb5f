import { expect } from 'chai';

import { api } from '../support/http.js';

const PROBLEM_KEYS = ['type', 'title', 'status', 'detail'];

describe('health endpoints', () => {
  it('GET /healthz answers 200', async () => {
    const response = await api().get('/healthz');

    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ status: 'ok' });
  });

  it('GET /readyz answers 200 while the database answers', async () => {
    const response = await api().get('/readyz');

    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ status: 'ready' });
  });

  it('HEAD /healthz answers 200 without a body', async () => {
    const response = await api().head('/healthz');

    expect(response.status).to.equal(200);
    expect(response.text).to.equal(undefined);
  });
});

describe('routing errors', () => {
  it('answers an unknown path with a 404 problem', async () => {
    const response = await api().get('/no/such/path');

    expect(response.status).to.equal(404);
    expect(response.type).to.equal('application/problem+json');
    expect(response.body).to.include.all.keys(PROBLEM_KEYS);
    expect(response.body.status).to.equal(404);
    expect(response.body.detail).to.include('/no/such/path');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await api().delete('/healthz');

    expect(response.status).to.equal(405);
    expect(response.type).to.equal('application/problem+json');
    expect(response.headers.allow).to.include('GET');
    expect(response.body.status).to.equal(405);
  });

  it('answers OPTIONS with 204 and Allow', async () => {
    const response = await api().options('/healthz');

    expect(response.status).to.equal(204);
    expect(response.headers.allow).to.include('GET');
    expect(response.headers.allow).to.include('HEAD');
  });

  it('matches paths with and without a trailing slash', async () => {
    const response = await api().get('/healthz/');

    expect(response.status).to.equal(200);
  });
});

describe('request ids', () => {
  it('returns a generated X-Request-Id', async () => {
    const response = await api().get('/healthz');

    expect(response.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('echoes an acceptable client X-Request-Id', async () => {
    const response = await api().get('/healthz').set('X-Request-Id', 'trace-42.a:b');

    expect(response.headers['x-request-id']).to.equal('trace-42.a:b');
  });

  it('replaces a client X-Request-Id that could forge log lines', async () => {
    const response = await api().get('/healthz').set('X-Request-Id', 'a b\tc');

    expect(response.headers['x-request-id']).to.not.equal('a b\tc');
    expect(response.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
  });
});
