import { request as httpRequest, type ClientRequest } from 'node:http';
import { expect } from 'chai';

import { startInProcessServer, type InProcessServer } from '../../embedded-db/index.js';
import { startServerProcess, waitFor, type ServerProcess } from '../support/server-process.js';

async function statusOf(url: string): Promise<number> {
  const response = await fetch(url, { signal: AbortSignal.timeout(6000) });
  return response.status;
}

async function postJson(
  url: string,
  body: object,
): Promise<{ status: number; body: { id: string } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(6000),
  });
  return { status: response.status, body: (await response.json()) as { id: string } };
}

/** Opens a `POST /api/jobs/` whose body the caller writes, slowly or not at all. */
function startJobUpload(serverUrl: string, contentLength: number): ClientRequest {
  const { hostname, port } = new URL(serverUrl);
  return httpRequest({
    hostname,
    port,
    method: 'POST',
    path: '/api/jobs/',
    headers: { 'Content-Type': 'application/json', 'Content-Length': contentLength },
  });
}

async function timedStatus(url: string): Promise<{ status: number; elapsedMs: number }> {
  const startedAt = Date.now();
  const status = await statusOf(url);
  return { status, elapsedMs: Date.now() - startedAt };
}

describe('server process', function () {
  this.timeout(60_000);

  let database: InProcessServer;
  let server: ServerProcess | undefined;

  beforeEach(async () => {
    database = await startInProcessServer({ port: 0 });
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await database.stop();
  });

  it('uses MONGODB_URI and starts no database of its own', async () => {
    server = await startServerProcess({ MONGODB_URI: database.uri });

    const connected = server.logs.find((line) => line.msg === 'database connected');
    expect(connected?.mode).to.equal('external');
    expect(server.logs.some((line) => /in-process|stand-in/i.test(line.msg))).to.equal(false);
    expect(await statusOf(`${server.url}/readyz`)).to.equal(200);
  });

  it('starts on an embedded database, seeded, within 10 s', async () => {
    const startedAt = Date.now();

    server = await startServerProcess({ MONGODB_URI: '', EMBEDDED_MONGODB_PORT: '0' });
    const health = await statusOf(`${server.url}/healthz`);
    const readiness = await statusOf(`${server.url}/readyz`);
    const jobs = (await fetch(`${server.url}/api/jobs/`).then((response) => response.json())) as {
      total: number;
    };
    const elapsedMs = Date.now() - startedAt;

    expect(health).to.equal(200);
    expect(readiness).to.equal(200);
    expect(elapsedMs).to.be.below(10_000);
    expect(server.logs.find((line) => line.msg === 'database connected')?.mode).to.be.oneOf([
      'in-process',
      'mongodb-memory-server',
    ]);
    expect(server.logs.some((line) => line.msg === 'database seeded')).to.equal(true);
    expect(jobs.total).to.equal(3);
  });

  it('stops with a message naming a bad variable', async () => {
    const start = startServerProcess({ MONGODB_URI: database.uri, PORT: 'eighty' });

    const error = await start.then(
      () => undefined,
      (caught: Error) => caught,
    );

    expect(error?.message).to.include('exited with 1');
    expect(error?.message).to.include('PORT must be an integer');
  });

  it('answers 503 while the database is down and recovers after', async () => {
    server = await startServerProcess({ MONGODB_URI: database.uri });
    const port = database.port;

    await database.stop();
    const readiness = await timedStatus(`${server.url}/readyz`);
    const jobs = await timedStatus(`${server.url}/api/jobs/`);
    database = await startInProcessServer({ port });
    const recovered = await waitFor(
      async () => (await statusOf(`${server!.url}/readyz`)) === 200,
      30_000,
    );

    expect(readiness.status).to.equal(503);
    expect(readiness.elapsedMs).to.be.below(5000);
    expect(jobs.status).to.equal(503);
    expect(jobs.elapsedMs).to.be.below(5000);
    expect(recovered).to.equal(true);
    expect(server.child.exitCode).to.equal(null);
  });

  it('recreates the unique indexes of a replaced database', async () => {
    server = await startServerProcess({ MONGODB_URI: database.uri });
    const port = database.port;

    await database.stop();
    database = await startInProcessServer({ port });
    await waitFor(async () => (await statusOf(`${server!.url}/readyz`)) === 200, 30_000);
    await waitFor(async () => server!.logs.some((line) => /indexes checked/.test(line.msg)), 5000);
    const job = await postJson(`${server.url}/api/jobs/`, {
      Title: 'Welder',
      Location: 'Leeds',
      Description: 'Pipework.',
    });
    const applicant = { Job: job.body.id, First_name: 'A', Last_name: 'B', Email: 'a@example.com' };
    const first = await postJson(`${server.url}/api/applicant/`, applicant);
    const second = await postJson(`${server.url}/api/applicant/`, applicant);

    expect(job.status).to.equal(201);
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(409);
  });

  it('logs a client that hangs up mid-body below error level', async () => {
    server = await startServerProcess({ MONGODB_URI: database.uri });

    const request = startJobUpload(server.url, 1000);
    request.on('error', () => {});
    request.write('{"Title": "Wel');
    await new Promise((resolve) => setTimeout(resolve, 300));
    request.destroy();
    await waitFor(async () => server!.logs.some((line) => line.msg === 'request completed'), 5000);

    const errorLines = server.logs.filter((line) => line.level >= 50);
    expect(server.logs.some((line) => line.msg === 'request completed')).to.equal(true);
    expect(errorLines).to.deep.equal([]);
    expect(await statusOf(`${server.url}/healthz`)).to.equal(200);
  });

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    server = await startServerProcess({ MONGODB_URI: database.uri });
    const body = JSON.stringify({ Title: 'Welder', Location: 'Leeds', Description: 'Pipework.' });

    const request = startJobUpload(server.url, Buffer.byteLength(body));
    const response = new Promise<number>((resolve, reject) => {
      request.on('response', (incoming) => {
        incoming.resume();
        resolve(incoming.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    request.end(body.slice(10));

    expect(await response).to.equal(201);
    expect(await server.exited).to.equal(0);
    expect(server.logs.map((line) => line.msg)).to.include.members(['shutting down', 'stopped']);
  });
});
