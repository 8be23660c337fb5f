import { lookup } from 'node:dns/promises';
import { createRequire } from 'node:module';

import type { EmbeddedDatabase } from './index.js';

/** How long to wait for the download host to resolve before treating the machine as offline. */
const DNS_TIMEOUT_MS = 1000;
const DEFAULT_DOWNLOAD_HOST = 'fastdl.mongodb.org';

/** Either a running mongod or the reason none was started. */
export type MongodAttempt = { database: EmbeddedDatabase } | { reason: string };

/**
 * Starts a real mongod through mongodb-memory-server when that can work here: a binary is
 * cached or named by MONGOMS_SYSTEM_BINARY, or its download host resolves. Without this
 * check, `MongoMemoryServer.create()` of mongodb-memory-server 11.3 spends about 7 s on three
 * download attempts before it fails on a machine without internet.
 */
export async function startMongod(dbName: string, port = 0): Promise<MongodAttempt> {
  const locator = await loadBinaryLocator();
  if (!locator) return { reason: 'mongodb-memory-server is not installed' };

  const binary = await findBinary(locator);
  if (!binary) {
    const reason = await downloadBlocker();
    if (reason) return { reason };
  }
  const { MongoMemoryServer } = await import('mongodb-memory-server');
  return create(MongoMemoryServer, dbName, port);
}

type MemoryServerModule = typeof import('mongodb-memory-server');
type BinaryLocator = MemoryServerModule['DryMongoBinary'];

/**
 * Loads only the binary locator of mongodb-memory-server, which took about 0.25 s on a
 * loaded 2-core machine, against 0.8 s for the whole package because that loads the
 * MongoDB driver too. Falls back to the whole package if its file layout changes.
 */
async function loadBinaryLocator(): Promise<BinaryLocator | undefined> {
  try {
    const requireHere = createRequire(import.meta.url);
    const requireFromPackage = createRequire(requireHere.resolve('mongodb-memory-server'));
    const locatorModule = requireFromPackage(
      'mongodb-memory-server-core/lib/util/DryMongoBinary.js',
    );
    return (locatorModule as Pick<MemoryServerModule, 'DryMongoBinary'>).DryMongoBinary;
  } catch {
    const memoryServer = await import('mongodb-memory-server').catch(() => undefined);
    return memoryServer?.DryMongoBinary;
  }
}

async function findBinary(DryMongoBinary: BinaryLocator): Promise<string | undefined> {
  try {
    return await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions());
  } catch {
    // locateBinary throws when MONGOMS_SYSTEM_BINARY names a missing file, and create() then
    // reports the problem in detail.
    return process.env.MONGOMS_SYSTEM_BINARY;
  }
}

/** Returns why a download cannot succeed, or undefined when it is worth trying. */
async function downloadBlocker(): Promise<string | undefined> {
  if (isDisabled(process.env.MONGOMS_RUNTIME_DOWNLOAD)) {
    return 'No mongod binary is cached and MONGOMS_RUNTIME_DOWNLOAD disables downloading one';
  }

  const host = downloadHost();
  if (await resolves(host)) return undefined;
  return `No mongod binary is cached and its download host ${host} does not resolve`;
}

// NOTE: a download mirror configured in package.json ("config.mongodbMemoryServer") is not
// read here, so such a mirror is only tried when fastdl.mongodb.org resolves too.
function downloadHost(): string {
  const url = process.env.MONGOMS_DOWNLOAD_URL ?? process.env.MONGOMS_DOWNLOAD_MIRROR;
  if (!url) return DEFAULT_DOWNLOAD_HOST;
  try {
    return new URL(url).hostname;
  } catch {
    return DEFAULT_DOWNLOAD_HOST;
  }
}

function isDisabled(value: string | undefined): boolean {
  return value !== undefined && ['0', 'off', 'no', 'false'].includes(value.toLowerCase());
}

async function resolves(host: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), DNS_TIMEOUT_MS);
  });
  const resolution = lookup(host).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([resolution, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function create(
  MongoMemoryServer: MemoryServerModule['MongoMemoryServer'],
  dbName: string,
  port: number,
): Promise<MongodAttempt> {
  try {
    const instance = port === 0 ? { ip: '127.0.0.1' } : { ip: '127.0.0.1', port };
    const server = await MongoMemoryServer.create({ instance });
    const database: EmbeddedDatabase = {
      uri: server.getUri(dbName),
      kind: 'mongodb-memory-server',
      stop: async () => {
        await server.stop();
      },
    };
    return { database };
  } catch (error) {
    return { reason: `mongodb-memory-server could not start mongod (${(error as Error).message})` };
  }
}
