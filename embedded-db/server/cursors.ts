import { BSON, Long, type Document } from 'bson';

import { CommandError } from './errors.js';

/** Documents in the first batch when a command gives no `batchSize`, as in MongoDB. */
const DEFAULT_FIRST_BATCH_SIZE = 101;
// Keeps a batch and its reply envelope below the 16 MiB maximum BSON document size.
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
// Each array element also costs a type byte and its index as a NUL-terminated string.
const ELEMENT_OVERHEAD_BYTES = 2;
/** Idle time after which an open cursor is dropped, MongoDB's default `cursorTimeoutMillis`. */
const CURSOR_TIMEOUT_MS = 10 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 1000;

interface OpenCursor {
  namespace: string;
  documents: Document[];
  position: number;
  lastUsed: number;
}

/** Options of a cursor-returning command that shape its first batch. */
export interface FirstBatchOptions {
  batchSize?: number;
  /** Close the cursor after the first batch, as `find` does with `singleBatch` or a negative limit. */
  singleBatch?: boolean;
}

/**
 * The open cursors of one server. A cursor keeps the full result computed by its command
 * and hands it out in batches through `getMore`.
 */
export class CursorRegistry {
  readonly #cursors = new Map<string, OpenCursor>();
  readonly #sweeper: NodeJS.Timeout;
  #lastId = 0;

  constructor() {
    this.#sweeper = setInterval(() => this.#dropIdle(), SWEEP_INTERVAL_MS);
    this.#sweeper.unref();
  }

  /** Returns the `cursor` field of a reply: the first batch, and an open cursor id when documents remain. */
  firstBatch(namespace: string, documents: Document[], options: FirstBatchOptions = {}): Document {
    const batch = takeBatch(documents, 0, options.batchSize ?? DEFAULT_FIRST_BATCH_SIZE);

    let id = Long.ZERO;
    if (batch.length < documents.length && !options.singleBatch) {
      id = this.#open({ namespace, documents, position: batch.length, lastUsed: Date.now() });
    }
    return { firstBatch: batch, id, ns: namespace };
  }

  /** Returns the `cursor` field of a `getMore` reply. Throws CursorNotFound for an unknown id. */
  getMore(id: Long, namespace: string, batchSize?: number): Document {
    const cursor = this.#cursors.get(id.toString());
    if (!cursor) throw new CommandError('CursorNotFound', `cursor id ${id} not found`);
    if (cursor.namespace !== namespace) {
      throw new CommandError(
        'Unauthorized',
        `Requested getMore on namespace '${namespace}', but cursor belongs to a different namespace ${cursor.namespace}`,
      );
    }

    const batch = takeBatch(cursor.documents, cursor.position, batchSize || Infinity);
    cursor.position += batch.length;
    cursor.lastUsed = Date.now();

    const exhausted = cursor.position >= cursor.documents.length;
    if (exhausted) this.#cursors.delete(id.toString());
    return { nextBatch: batch, id: exhausted ? Long.ZERO : id, ns: namespace };
  }

  /** Closes cursors by id. Returns the ids that were open and those that were not. */
  kill(ids: Long[]): { killed: Long[]; notFound: Long[] } {
    const killed = ids.filter((id) => this.#cursors.delete(id.toString()));
    const notFound = ids.filter((id) => !killed.includes(id));
    return { killed, notFound };
  }

  close(): void {
    clearInterval(this.#sweeper);
    this.#cursors.clear();
  }

  #open(cursor: OpenCursor): Long {
    this.#lastId += 1;
    const id = Long.fromNumber(this.#lastId);
    this.#cursors.set(id.toString(), cursor);
    return id;
  }

  #dropIdle(): void {
    const oldest = Date.now() - CURSOR_TIMEOUT_MS;
    for (const [id, cursor] of this.#cursors) {
      if (cursor.lastUsed < oldest) this.#cursors.delete(id);
    }
  }
}

/** Takes up to `count` documents from `start`, stopping early at the batch byte limit. */
function takeBatch(documents: Document[], start: number, count: number): Document[] {
  const batch: Document[] = [];
  let bytes = 0;
  for (let i = start; i < documents.length && batch.length < count; i += 1) {
    const index = String(batch.length);
    bytes +=
      BSON.calculateObjectSize(documents[i]!, { ignoreUndefined: true }) +
      index.length +
      ELEMENT_OVERHEAD_BYTES;
    if (bytes > MAX_BATCH_BYTES && batch.length > 0) break;
    batch.push(documents[i]!);
  }
  return batch;
}
