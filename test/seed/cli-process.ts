import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import mongoose from 'mongoose';

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/**
 * Runs `seed/cli.ts` in a child Node process, as `npm run seed` does, and collects its output.
 * The child runs asynchronously so that an in-process test database keeps serving it.
 * `env` entries replace the parent's, and an undefined value removes the variable.
 */
export function runSeedCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'seed/cli.ts', ...args], {
    cwd: REPOSITORY_ROOT,
    env: withoutUndefined({ ...process.env, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      resolve({ exitCode, stdout, stderr, elapsedMs: performance.now() - startedAt });
    });
  });
}

function withoutUndefined(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * Returns a connection string for the database the test hooks connected to, which a child
 * process can use as MONGODB_URI: MONGODB_URI with the test database name in its path, or the
 * embedded server's address.
 */
export function testDatabaseUri(): string {
  const { host, port, name } = mongoose.connection;
  const external = process.env.MONGODB_URI;
  if (external) {
    return external.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, `$1/${name}`);
  }
  return `mongodb://${host}:${port}/${name}`;
}
