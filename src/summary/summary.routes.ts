import type Router from '@koa/router';
import type { RouterContext } from '@koa/router';

import type { AppState } from '../lib/http/state.js';
import { parseResourceId } from '../lib/input/object-id.js';
import * as summaryService from './summary.service.js';

async function getJobSummary(ctx: RouterContext<AppState>): Promise<void> {
  const jobId = parseResourceId(ctx.params.id!, 'job');

  const summary = await summaryService.getJobSummary(jobId);

  ctx.status = 200;
  ctx.body = summary;
}

/**
 * Registers `GET /api/jobs/:id/summary`: applicant counts, Work averages and the most common
 * institution of one job. A malformed or unknown id gets 404.
 */
export function registerSummaryRoutes(router: Router<AppState>): void {
  router.get('/api/jobs/:id/summary', getJobSummary);
}
