import { expect } from 'chai';

import { openApiDocument } from '../../src/docs/openapi.js';
import { api } from '../support/http.js';

const SAMPLE_ID = '65f1c0ffee0123456789abcd';
const METHODS = ['get', 'post', 'patch'] as const;

describe('API reference', () => {
  it('serves the OpenAPI document', async () => {
    const response = await api().get('/openapi.json');

    expect(response.status).to.equal(200);
    expect(response.body.openapi).to.equal('3.1.0');
    expect(response.body.paths).to.have.property('/api/applicant/{id}/');
  });

  it('describes only routes the API serves', async () => {
    for (const [path, operations] of Object.entries(openApiDocument.paths)) {
      const url = path.replace('{id}', SAMPLE_ID);
      for (const method of METHODS.filter((name) => name in operations)) {
        const response = await api()
          [method](url)
          .set('Content-Type', 'application/json')
          .send('{}');

        expect(response.status, `${method.toUpperCase()} ${url}`).not.to.equal(405);
        expect(response.body.detail ?? '', `${method.toUpperCase()} ${url}`).not.to.include(
          'No route matches',
        );
      }
    }
  });

  it('serves the Swagger UI page and its assets', async () => {
    const page = await api().get('/docs/');
    const script = await api().get('/docs/swagger-ui-bundle.js');

    expect(page.status).to.equal(200);
    expect(page.type).to.equal('text/html');
    expect(page.text).to.include('/docs/initializer.js');
    expect(script.status).to.equal(200);
    expect(script.type).to.equal('text/javascript');
  });

  it('serves no file outside the Swagger UI assets', async () => {
    const traversal = await api().get('/docs/..%2Fpackage.json');
    const unlisted = await api().get('/docs/package.json');

    expect(traversal.status).to.equal(404);
    expect(unlisted.status).to.equal(404);
  });
});
