import { parseArgs } from 'node:util';

import { startInProcessServer } from './index.js';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 27017;

const USAGE = `Usage: npm run embedded-db -- [--port <number>]

Runs the in-process MongoDB stand-in on ${HOST} until it receives SIGINT or SIGTERM.
It is for development only and keeps data in memory, so data is lost when it stops.

Options:
  --port <number>  TCP port to listen on, 0 for any free port (default ${DEFAULT_PORT})
  -h, --help       Show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }

  const server = await startInProcessServer({ host: HOST, port: parsePort(values.port) });
  process.stdout.write(`In-process MongoDB stand-in listening on ${server.uri}\n`);
  process.stdout.write(
    'Data is kept in memory only and is lost when it stops. Press Ctrl+C to stop.\n',
  );

  const stop = (): void => {
    void server.stop().then(() => process.stdout.write('Stopped.\n'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new Error(`Invalid --port value '${value}': expected an integer from 0 to 65535.`);
  }
  return port;
}

function describeFailure(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'EADDRINUSE') {
    return `${message}. Stop the process using that port or pass another one with --port.`;
  }
  return message;
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded-db: ${describeFailure(error)}\n`);
  process.exitCode = 1;
});
