import cliProgress from 'cli-progress';

import type { SeedProgressListener } from './seed.js';

export interface ProgressDisplay {
  update: SeedProgressListener;
  stop(): void;
}

/** Runs with fewer applicants finish within a second or two and show no progress. */
export const PROGRESS_MIN_APPLICANTS = 5000;

const LINE_STEP_PERCENT = 10;

/**
 * Creates a progress display on `stream`, which is stderr by default to keep stdout for the
 * report. It draws a live bar on a terminal, and otherwise writes a line at every 10 %.
 */
export function createProgressDisplay(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressDisplay {
  if (total < PROGRESS_MIN_APPLICANTS) {
    return { update: () => {}, stop: () => {} };
  }
  return stream.isTTY ? createBar(total, stream) : createLineWriter(total, stream);
}

function createBar(total: number, stream: NodeJS.WriteStream): ProgressDisplay {
  const startedAt = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      format:
        'Seeding |{bar}| {percentage}% | {value}/{total} applicants | {rate}/s | ETA {eta_formatted}',
      stream,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: 0 });
  return {
    update: (done) => bar.update(done, { rate: perSecond(done, startedAt) }),
    stop: () => bar.stop(),
  };
}

function createLineWriter(total: number, stream: NodeJS.WriteStream): ProgressDisplay {
  const startedAt = performance.now();
  let nextPercent = LINE_STEP_PERCENT;
  return {
    update: (done) => {
      const percent = Math.floor((done / total) * 100);
      if (percent < nextPercent) {
        return;
      }
      nextPercent = (Math.floor(percent / LINE_STEP_PERCENT) + 1) * LINE_STEP_PERCENT;
      stream.write(
        `Seeded ${formatCount(done)} of ${formatCount(total)} applicants (${percent}%), ` +
          `${formatCount(perSecond(done, startedAt))} per second\n`,
      );
    },
    stop: () => {},
  };
}

function perSecond(count: number, startedAt: number): number {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(count / seconds) : 0;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
