import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';

import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const README = readFileSync('README.md', 'utf8');

/** Returns the shell code blocks of the README section that starts with `heading`. */
function shellBlocksOf(heading: string): string[] {
  const start = README.indexOf(`\n${heading}\n`);
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

describe('README', function () {
  this.timeout(60_000);

  let server: ServerProcess | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('gives the commands that CI runs', () => {
    const ciScript = readFileSync('.ci/run', 'utf8');

    expect(README).to.include('npm install && npm start');
    expect(README).to.include('\nnpm test\n');
    expect(ciScript).to.match(/^npm install\b/m);
    expect(ciScript).to.match(/^npm test\b/m);
  });

  it('has a curl walkthrough that works as written', async () => {
    server = await startServerProcess({ MONGODB_URI: '', EMBEDDED_MONGODB_PORT: '0' });
    const blocks = shellBlocksOf('## Try it with curl');
    const script = ['set -euo pipefail', ...blocks]
      .join('\n')
      .replaceAll('http://localhost:3000', server.url);

    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 30_000 });

    expect(blocks).to.have.length.of.at.least(4);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.include('"applicant_count":');
    expect(run.stdout).to.match(/HTTP\/1\.1 201 Created/);
    expect(run.stdout).to.include('"First_name":"Ada"');
    expect(run.stdout).to.include('"Start":"September 1, 2010"');
    expect(run.stdout).to.include('"Status":"Offer accepted – yet to start"');
    expect(run.stdout).to.include('"status":400');
    expect(run.stdout).not.to.match(/"status":5\d\d/);
  });
});
