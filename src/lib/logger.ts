import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Creates the JSON logger that writes to stdout; nothing else in the service opens a log sink. */
export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({
    level,
    base: { service: 'job-applicant-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
