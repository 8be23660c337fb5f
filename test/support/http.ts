import supertest from 'supertest';

import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';

const silentLogger = createLogger('silent');

/** Creates a supertest client for a fresh app on the shared test database, driven through HTTP. */
export function api(): ReturnType<typeof supertest> {
  return supertest(createApp({ logger: silentLogger }).callback());
}
