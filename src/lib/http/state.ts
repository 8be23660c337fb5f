import type { Logger } from 'pino';

/** The values that the request-context middleware sets on `ctx.state` for later middleware. */
export interface AppState {
  requestId: string;
  log: Logger;
}
