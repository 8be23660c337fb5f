/**
 * Static checks of the container set-up: Docker cannot run in every test environment, so these
 * tests read docker-compose.yml, the Dockerfile and .dockerignore instead of building the image.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Directories whose code runs in the container. Tests and tooling stay outside the image.
const RUNTIME_DIRECTORIES = ['src', 'seed', 'embedded-db'];

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string> | string[];
  ports?: Array<string | number>;
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

interface Instruction {
  keyword: string;
  argument: string;
}

function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

function readCompose(): ComposeFile {
  return parse(readText('docker-compose.yml')) as ComposeFile;
}

function environmentOf(service: ComposeService): Record<string, string> {
  const environment = service.environment ?? {};
  if (!Array.isArray(environment)) {
    return environment;
  }
  return Object.fromEntries(environment.map((entry) => entry.split(/=(.*)/s).slice(0, 2)));
}

/** Splits a Dockerfile into instructions, joining continued lines and dropping comments. */
function readDockerfile(): Instruction[] {
  const lines = readText('Dockerfile')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'));
  return lines
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), argument: rest.join(' ') };
    });
}

/** Groups the instructions by build stage, in order. The last stage is the image that runs. */
function splitStages(instructions: Instruction[]): Instruction[][] {
  const stages: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      stages.push([]);
    }
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

function argumentsOf(stage: Instruction[], keyword: string): string[] {
  return stage.filter((instruction) => instruction.keyword === keyword).map((i) => i.argument);
}

function listSourceFiles(directory: string): string[] {
  return readdirSync(join(ROOT, directory), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(directory, path));
}

/** Returns the packages that a file imports at run time, skipping erased `import type` lines. */
function importedPackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*import\s+(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/gms),
    ...source.matchAll(/^\s*export\s+(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/gms),
    ...source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] as string);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/'))
    .map((specifier) => {
      const parts = specifier.split('/');
      return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
    });
}

describe('docker-compose.yml', () => {
  it('defines the mongo and api services', () => {
    const compose = readCompose();

    expect(compose.services).to.have.all.keys('mongo', 'api');
    expect(compose.services.mongo?.image).to.match(/^mongo:7(\.|$)/);
    expect(compose.services.api?.build).to.not.equal(undefined);
  });

  it('points the api at the mongo service', () => {
    const api = readCompose().services.api as ComposeService;

    const uri = new URL(environmentOf(api).MONGODB_URI ?? '');

    expect(uri.protocol).to.equal('mongodb:');
    expect(uri.hostname).to.equal('mongo');
    expect(uri.port).to.equal('27017');
    expect(uri.pathname).to.equal('/job-applicant-api');
  });

  it('starts the api once mongo is healthy', () => {
    const { mongo, api } = readCompose().services as Record<string, ComposeService>;

    const healthcheck = [mongo?.healthcheck?.test ?? []].flat().join(' ');

    expect(healthcheck).to.include('mongosh');
    expect(healthcheck).to.include("db.adminCommand('ping')");
    expect(api?.depends_on).to.deep.equal({ mongo: { condition: 'service_healthy' } });
  });

  it('publishes port 3000 and listens on all interfaces', () => {
    const api = readCompose().services.api as ComposeService;

    expect((api.ports ?? []).map(String)).to.include('3000:3000');
    expect(environmentOf(api).PORT).to.equal('3000');
  });

  it('keeps MongoDB data in a named volume', () => {
    const compose = readCompose();

    const mounts = compose.services.mongo?.volumes ?? [];
    const dataMount = mounts.find((mount) => mount.endsWith(':/data/db'));
    const volumeName = dataMount?.split(':')[0] ?? '';

    expect(volumeName).to.match(/^[\w-]+$/);
    expect(compose.volumes ?? {}).to.have.property(volumeName);
  });
});

describe('Dockerfile', () => {
  it('installs production dependencies in a separate stage', () => {
    const stages = splitStages(readDockerfile());

    const [depsStage] = stages;
    const depsRuns = argumentsOf(depsStage ?? [], 'RUN').join(' ');
    const runtimeCopies = argumentsOf(stages.at(-1) ?? [], 'COPY').join(' ');

    expect(stages.length).to.be.at.least(2);
    expect(depsRuns).to.match(/npm ci\b.*--omit=dev/);
    expect(runtimeCopies).to.match(/--from=\w+ \/app\/node_modules/);
    expect(argumentsOf(stages.at(-1) ?? [], 'RUN').join(' ')).to.not.include('npm install');
  });

  it('runs as the non-root node user', () => {
    const runtime = splitStages(readDockerfile()).at(-1) ?? [];

    const users = argumentsOf(runtime, 'USER');
    const userIndex = runtime.findIndex((instruction) => instruction.keyword === 'USER');
    const cmdIndex = runtime.findIndex((instruction) => instruction.keyword === 'CMD');

    expect(users).to.deep.equal(['node']);
    expect(userIndex).to.be.below(cmdIndex);
  });

  it('checks health on /readyz with node', () => {
    const runtime = splitStages(readDockerfile()).at(-1) ?? [];

    const [healthcheck = ''] = argumentsOf(runtime, 'HEALTHCHECK');

    expect(healthcheck).to.include('CMD ["node"');
    expect(healthcheck).to.include('fetch(');
    expect(healthcheck).to.include('/readyz');
  });

  it('runs the npm start command on port 3000', () => {
    const runtime = splitStages(readDockerfile()).at(-1) ?? [];
    const packageJson = JSON.parse(readText('package.json')) as { scripts: Record<string, string> };

    const [command = '[]'] = argumentsOf(runtime, 'CMD');
    const environment = argumentsOf(runtime, 'ENV').join(' ');

    expect(JSON.parse(command)).to.deep.equal(packageJson.scripts.start?.split(' '));
    expect(packageJson.scripts.start).to.equal('node --import tsx src/server.ts');
    expect(environment).to.include('HOST=0.0.0.0');
    expect(environment).to.include('PORT=3000');
    expect(argumentsOf(runtime, 'EXPOSE')).to.deep.equal(['3000']);
  });

  it('copies the files that npm start and npm run seed need', () => {
    const runtime = splitStages(readDockerfile()).at(-1) ?? [];

    const copied = argumentsOf(runtime, 'COPY')
      .filter((argument) => !argument.startsWith('--from'))
      .flatMap((argument) => argument.split(/\s+/).slice(0, -1));

    expect(copied).to.include.members([
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      ...RUNTIME_DIRECTORIES,
    ]);
    expect(copied).to.not.include('test');
  });

  it('runs code that imports only production dependencies', () => {
    const packageJson = JSON.parse(readText('package.json')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([...Object.keys(packageJson.dependencies), ...builtinModules]);

    const missing = RUNTIME_DIRECTORIES.flatMap(listSourceFiles).flatMap((file) => {
      return importedPackages(readText(file))
        .filter((name) => !name.startsWith('node:') && !allowed.has(name))
        .map((name) => `${file} imports ${name}`);
    });

    expect(missing).to.deep.equal([]);
  });
});

describe('.dockerignore', () => {
  it('keeps local dependencies and history out of the build context', () => {
    const patterns = readText('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));

    expect(patterns).to.include.members(['node_modules', '.git', '.env']);
    for (const needed of ['src', 'seed', 'embedded-db', 'package.json', 'tsconfig.json']) {
      expect(patterns).to.not.include(needed);
    }
  });
});
