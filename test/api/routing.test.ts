import { expect } from 'chai';
import { Types } from 'mongoose';

import { api } from '../support/http.js';

const ID = new Types.ObjectId().toHexString();

const ROUTES: { path: string; allowed: string[]; rejected: string[] }[] = [
  { path: '/api/jobs', allowed: ['GET', 'HEAD', 'POST'], rejected: ['PUT', 'PATCH', 'DELETE'] },
  {
    path: `/api/jobs/${ID}`,
    allowed: ['GET', 'HEAD', 'PATCH', 'POST'],
    rejected: ['PUT', 'DELETE'],
  },
  {
    path: '/api/applicant',
    allowed: ['GET', 'HEAD', 'POST'],
    rejected: ['PUT', 'PATCH', 'DELETE'],
  },
  {
    path: `/api/applicant/${ID}`,
    allowed: ['GET', 'HEAD', 'PATCH', 'POST'],
    rejected: ['PUT', 'DELETE'],
  },
  { path: '/api/experience', allowed: ['POST'], rejected: ['GET', 'PUT', 'PATCH', 'DELETE'] },
  { path: `/api/experience/${ID}`, allowed: ['POST'], rejected: ['GET', 'PUT', 'PATCH', 'DELETE'] },
];

function allowedMethods(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((method) => method.trim())
    .sort();
}

function send(method: string, path: string) {
  return api()[method.toLowerCase() as 'get' | 'put' | 'patch' | 'delete' | 'options'](path);
}

describe('routing of the resource paths', () => {
  for (const { path, allowed, rejected } of ROUTES) {
    for (const suffix of ['', '/']) {
      const url = `${path}${suffix}`;

      for (const method of rejected) {
        it(`answers ${method} ${url} with 405 and Allow`, async () => {
          const response = await send(method, url);

          expect(response.status).to.equal(405);
          expect(allowedMethods(response.headers.allow)).to.deep.equal([...allowed].sort());
          expect(response.headers['content-type']).to.match(/^application\/problem\+json/);
          expect(response.body.status).to.equal(405);
        });
      }

      it(`answers OPTIONS ${url} with 204 and Allow`, async () => {
        const response = await send('OPTIONS', url);

        expect(response.status).to.equal(204);
        expect(allowedMethods(response.headers.allow)).to.deep.equal([...allowed].sort());
        expect(response.text).to.equal('');
      });
    }
  }

  for (const path of ['/api/jobs', '/api/jobs/', '/api/applicant', '/api/applicant/']) {
    it(`answers HEAD ${path} like GET without a body`, async () => {
      const get = await api().get(path);

      const head = await api().head(path);

      expect(head.status).to.equal(200);
      expect(head.headers['content-type']).to.equal(get.headers['content-type']);
      expect(head.headers['content-length']).to.equal(get.headers['content-length']);
      expect(head.text).to.equal(undefined);
    });
  }

  it('answers HEAD for an unknown applicant with 404', async () => {
    const response = await api().head(`/api/applicant/${ID}/`);

    expect(response.status).to.equal(404);
  });

  it('answers an unknown path under /api with 404', async () => {
    const response = await api().get('/api/job/');

    expect(response.status).to.equal(404);
    expect(response.headers['content-type']).to.match(/^application\/problem\+json/);
  });

  it('answers a path nested below an applicant with 404', async () => {
    const response = await api().get(`/api/applicant/${ID}/experiences`);

    expect(response.status).to.equal(404);
  });
});
