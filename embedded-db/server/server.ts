import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

import { CursorRegistry } from './cursors.js';
import { serveConnection } from './connection.js';
import { Storage } from './storage/database.js';

/** A running in-process server. */
export interface InProcessServer {
  /** Connection string without a database name, such as `mongodb://127.0.0.1:27017`. */
  readonly uri: string;
  readonly port: number;
  /** Closes every client connection and the listener, and discards all data. */
  stop(): Promise<void>;
}

export interface InProcessServerOptions {
  /** Address to listen on. Defaults to the IPv4 loopback address, 127.0.0.1. */
  host?: string;
  /** Port to listen on. 0, the default, picks any free port. */
  port?: number;
}

/** Starts the in-process server. The public entry point is `startInProcessServer` in index.ts. */
export async function startInProcessServer(
  options: InProcessServerOptions = {},
): Promise<InProcessServer> {
  const host = options.host ?? '127.0.0.1';
  const storage = new Storage();
  const cursors = new CursorRegistry();
  const sockets = new Set<Socket>();
  let lastConnectionId = 0;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    lastConnectionId += 1;
    serveConnection(socket, { storage, cursors, connectionId: lastConnectionId });
  });
  await listen(server, options.port ?? 0, host);

  const { port } = server.address() as AddressInfo;
  return {
    uri: `mongodb://${formatHost(host)}:${port}`,
    port,
    stop: () => stop(server, sockets, cursors),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stop(server: Server, sockets: Set<Socket>, cursors: CursorRegistry): Promise<void> {
  cursors.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const socket of sockets) socket.destroy();
  return closed;
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
