import { expect } from 'chai';

import { JobModel } from '../../src/jobs/job.model.js';
import { buildJob } from '../../seed/factories.js';
import { countDocuments } from '../../seed/seed.js';
import { clearDatabase } from '../support/database.js';
import { runSeedCli, testDatabaseUri } from './cli-process.js';

const OPTION_FLAGS = [
  '--jobs',
  '--applicants',
  '--min-experiences',
  '--max-experiences',
  '--seed',
  '--reset',
  '--help',
];

// Each case fails before the script connects, so none of them needs a database.
const INVALID_ARGUMENTS: Array<{ args: string[]; mentions: string }> = [
  { args: ['--jobs', '-1'], mentions: '--jobs' },
  { args: ['--jobs=-1'], mentions: '--jobs' },
  { args: ['--applicants', 'many'], mentions: '--applicants' },
  { args: ['--applicants', '2.5'], mentions: '--applicants' },
  { args: ['--min-experiences', '6', '--max-experiences', '5'], mentions: '--min-experiences' },
  { args: ['--max-experiences', '51'], mentions: '--max-experiences' },
  { args: ['--jobs', '0', '--applicants', '5'], mentions: '--jobs' },
  { args: ['--seed', '-3'], mentions: '--seed' },
  { args: ['--jobs'], mentions: '--jobs' },
  { args: ['--colour'], mentions: '--colour' },
  { args: ['extra'], mentions: 'extra' },
];

describe('npm run seed', function () {
  // Every case starts a Node process with tsx, which takes seconds on a busy machine.
  this.timeout(30_000);

  describe('--help', () => {
    it('lists every option and exits 0', async () => {
      const result = await runSeedCli(['--help']);

      expect(result.exitCode).to.equal(0);
      for (const flag of OPTION_FLAGS) {
        expect(result.stdout).to.include(flag);
      }
      expect(result.stdout).to.include('default: 100');
    });
  });

  describe('invalid options', () => {
    for (const { args, mentions } of INVALID_ARGUMENTS) {
      it(`exits 2 for ${args.join(' ')}`, async () => {
        const result = await runSeedCli(args, { MONGODB_URI: 'mongodb://127.0.0.1:1/unused' });

        expect(result.exitCode).to.equal(2);
        expect(result.stderr).to.include(mentions);
        expect(result.stderr).to.include('--help');
        expect(result.stdout).to.equal('');
      });
    }
  });

  describe('with a database', () => {
    beforeEach(clearDatabase);

    it('rejects a database that contains jobs', async () => {
      await JobModel.create(buildJob());

      const result = await runSeedCli([], { MONGODB_URI: testDatabaseUri() });

      expect(result.exitCode).to.equal(1);
      expect(result.stderr).to.include('already contains 1 job, 0 applicants and 0 experiences');
      expect(result.stderr).to.include('--reset');
      expect(await countDocuments()).to.deep.equal({ jobs: 1, applicants: 0, experiences: 0 });
    });

    it('seeds and prints the report', async () => {
      await JobModel.create(buildJob());
      const args = ['--reset', '--jobs', '2', '--applicants', '20', '--seed', '5'];

      const result = await runSeedCli(args, { MONGODB_URI: testDatabaseUri(), PORT: '4321' });

      expect(result.exitCode, result.stderr).to.equal(0);
      const counts = await countDocuments();
      expect(counts.jobs).to.equal(2);
      expect(counts.applicants).to.equal(20);
      expect(result.stdout).to.include(`experiences  ${counts.experiences}`);
      expect(result.stdout).to.match(/rate +[\d,]+ applicants per second/);
      expect(result.stdout).to.include('--reset --seed 5 --jobs 2 --applicants 20');
      const jobs = await JobModel.find().lean();
      for (const job of jobs) {
        expect(result.stdout).to.include(`http://localhost:4321/api/jobs/${job._id}/summary/`);
      }
    });
  });

  describe('without a reachable database', () => {
    it('exits 1 within 10 s', async () => {
      const result = await runSeedCli([], { MONGODB_URI: 'mongodb://127.0.0.1:1/unreachable' });

      expect(result.exitCode).to.equal(1);
      expect(result.elapsedMs).to.be.below(10_000);
      expect(result.stderr).to.include('mongodb://127.0.0.1:1/unreachable');
      expect(result.stderr).to.include('MONGODB_URI');
    });
  });
});
