import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';

import { expect } from 'chai';
import { MongoClient } from 'mongodb';

import { startEmbeddedDatabase, startInProcessServer } from '../../embedded-db/index.js';

/** Starts the command-line server and resolves with the process and the URI it prints. */
function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; uri: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'embedded-db/cli.ts', ...args]);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const uri = /mongodb:\/\/\S+/.exec(output)?.[0];
      if (uri) resolve({ child, uri });
    });
    child.once('exit', () =>
      reject(new Error(`embedded-db/cli.ts exited without a URI: ${output}`)),
    );
  });
}

async function exitOf(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('startEmbeddedDatabase', () => {
  before(async () => {
    // Loads the in-process server's modules, so the timing below covers the mongod check.
    const server = await startInProcessServer();
    await server.stop();
  });

  it('starts a database, warning once if in-process', async () => {
    const warnings: string[] = [];
    const started = performance.now();

    const database = await startEmbeddedDatabase({
      dbName: 'fallback',
      warn: (message) => warnings.push(message),
    });
    const elapsedMs = performance.now() - started;
    const client = await MongoClient.connect(database.uri, { serverSelectionTimeoutMS: 2000 });
    const ping = await client.db().command({ ping: 1 });
    await client.close();
    await database.stop();

    console.log(
      `      embedded database: ${database.kind}, ready after ${Math.round(elapsedMs)} ms`,
    );
    expect(database.uri).to.match(/^mongodb:\/\/127\.0\.0\.1:\d+\/fallback$/);
    expect(ping.ok).to.equal(1);
    if (database.kind === 'in-process') {
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('in memory only');
      expect(warnings[0]).to.include('MONGODB_URI');
      expect(warnings[0]).to.include('docker compose up');
      // Without the download-host check, mongodb-memory-server spends about 7 s failing first.
      expect(elapsedMs).to.be.below(2000);
    } else {
      expect(warnings).to.deep.equal([]);
    }
  });

  it('names the fallback reason in the warning', async () => {
    const saved = process.env.MONGOMS_RUNTIME_DOWNLOAD;
    process.env.MONGOMS_RUNTIME_DOWNLOAD = '0';
    const warnings: string[] = [];

    try {
      const database = await startEmbeddedDatabase({ warn: (message) => warnings.push(message) });
      await database.stop();

      if (database.kind === 'in-process') {
        expect(warnings[0]).to.match(
          /^No mongod binary is cached and MONGOMS_RUNTIME_DOWNLOAD disables/,
        );
      }
      expect(database.uri).to.match(/\/test$/);
    } finally {
      if (saved === undefined) delete process.env.MONGOMS_RUNTIME_DOWNLOAD;
      else process.env.MONGOMS_RUNTIME_DOWNLOAD = saved;
    }
  });
});

describe('embedded-db command line', () => {
  it('serves until SIGTERM, then exits with 0', async () => {
    const { child, uri } = await startCli(['--port', '0']);
    const exited = exitOf(child);
    const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 2000 });

    await client.db('cli').collection('jobs').insertOne({ title: 'x' });
    const count = await client.db('cli').collection('jobs').countDocuments();
    await client.close();
    child.kill('SIGTERM');
    const { code } = await exited;

    expect(uri).to.match(/^mongodb:\/\/127\.0\.0\.1:\d+$/);
    expect(count).to.equal(1);
    expect(code).to.equal(0);
  });

  it('rejects an invalid port with exit code 1', async () => {
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      'embedded-db/cli.ts',
      '--port',
      'abc',
    ]);

    const { code, stderr } = await exitOf(child);

    expect(code).to.equal(1);
    expect(stderr).to.include("Invalid --port value 'abc'");
  });
});
