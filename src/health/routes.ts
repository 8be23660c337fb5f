import type Router from '@koa/router';
import mongoose from 'mongoose';

import { ServiceUnavailableError } from '../lib/errors.js';
import type { AppState } from '../lib/http/state.js';

const PING_TIMEOUT_MS = 2000;

async function pingDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== mongoose.ConnectionStates.connected) {
    throw new ServiceUnavailableError();
  }

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceUnavailableError()), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.command({ ping: 1 }), timeout]);
  } catch {
    throw new ServiceUnavailableError();
  } finally {
    clearTimeout(timer);
  }
}

/** Registers `GET /healthz` (the process is up) and `GET /readyz` (the database responds to a ping). */
export function registerHealthRoutes(router: Router<AppState>): void {
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  router.get('/readyz', async (ctx) => {
    await pingDatabase();
    ctx.body = { status: 'ready' };
  });
}
