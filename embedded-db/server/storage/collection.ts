import { UUID, type Document } from 'bson';

import { CommandError } from '../errors.js';
import { equalityValues } from './equality.js';
import {
  findSameIndex,
  ID_INDEX_SPEC,
  Index,
  sameKey,
  type IndexEntry,
  type IndexSpec,
} from './indexes.js';
import { canonicalKey } from './keys.js';
import { formatKeyValue } from './format.js';

/** Result of `createIndex`: whether the index is new or an identical one already existed. */
export type CreateIndexResult = 'created' | 'exists';

/**
 * The documents of one collection in insertion order, keyed by the canonical form of `_id`,
 * plus its secondary indexes. Stored documents are never modified. An update stores a new
 * object, so a document read earlier, for example by an open cursor, stays unchanged.
 */
export class Collection {
  readonly databaseName: string;
  readonly name: string;
  readonly options: Document;
  readonly uuid = new UUID();
  readonly #documents = new Map<string, Document>();
  readonly #indexes = new Map<string, Index>();

  constructor(databaseName: string, name: string, options: Document = {}) {
    this.databaseName = databaseName;
    this.name = name;
    this.options = options;
  }

  /** The namespace, `database.collection`. */
  get namespace(): string {
    return `${this.databaseName}.${this.name}`;
  }

  get size(): number {
    return this.#documents.size;
  }

  documents(): IterableIterator<Document> {
    return this.#documents.values();
  }

  /** Adds a document that has an `_id`. Throws a DuplicateKey error and stores nothing on conflict. */
  insert(document: Document): void {
    const id = canonicalKey(document._id);
    if (this.#documents.has(id)) {
      throw this.#duplicateKey(ID_INDEX_SPEC, { key: id, values: [document._id] });
    }

    const entries = this.#entriesOf(document);
    this.#checkUnique(id, entries);
    this.#documents.set(id, document);
    this.#addEntries(id, entries);
  }

  /** Stores `next` in place of `current`, which must have the same `_id`. */
  replace(current: Document, next: Document): void {
    const id = canonicalKey(current._id);
    const entries = this.#entriesOf(next);
    this.#checkUnique(id, entries);

    this.#removeEntries(id, this.#entriesOf(current));
    this.#documents.set(id, next);
    this.#addEntries(id, entries);
  }

  remove(document: Document): void {
    const id = canonicalKey(document._id);
    this.#removeEntries(id, this.#entriesOf(document));
    this.#documents.delete(id);
  }

  /**
   * Returns the documents that can match `filter`: the result of a hash lookup when the
   * filter has an equality or `$in` on `_id` or on a field with a complete single-field
   * index, otherwise every document. Callers still test each candidate against the filter.
   */
  candidates(filter: Document): Iterable<Document> {
    const idValues = equalityValues(filter._id);
    if (idValues) return this.#byIds(idValues.map(canonicalKey));

    let best: string[] | undefined;
    for (const [field, condition] of Object.entries(filter)) {
      const ids = this.#idsByIndex(field, condition);
      if (ids && (!best || ids.length < best.length)) best = ids;
    }
    return best ? this.#byIds(best) : this.documents();
  }

  /**
   * Returns a function that finds the documents whose `field` equals a value through a hash
   * lookup, or undefined when no complete index covers the field.
   */
  equalityLookup(field: string): ((value: unknown) => Document[]) | undefined {
    if (field === '_id') return (value) => this.#byIds([canonicalKey(value)]);

    const index = this.#singleFieldIndex(field);
    if (!index) return undefined;
    return (value) => this.#byIds(index.ownersOf(canonicalKey(value)));
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX_SPEC, ...[...this.#indexes.values()].map((index) => index.spec)];
  }

  /**
   * Creates an index and adds every stored document to it. Throws IndexOptionsConflict or
   * IndexKeySpecsConflict when it clashes with an existing index, and DuplicateKey when
   * stored documents break a unique constraint.
   */
  createIndex(spec: IndexSpec): CreateIndexResult {
    if (findSameIndex(this.indexSpecs(), spec)) return 'exists';

    const index = new Index(spec);
    for (const [id, document] of this.#documents) {
      const entries = index.entriesOf(document);
      const conflict = index.findConflict(id, entries);
      if (conflict) throw this.#duplicateKey(spec, conflict);
      index.add(id, entries);
    }
    this.#indexes.set(spec.name, index);
    return 'created';
  }

  /** Drops a secondary index by name. Returns false when there is no such index. */
  dropIndex(name: string): boolean {
    return this.#indexes.delete(name);
  }

  /** Returns the name of the index with this key pattern, if any. */
  indexNameForKey(key: Document): string | undefined {
    return this.indexSpecs().find((spec) => sameKey(spec.key, key))?.name;
  }

  dropAllIndexes(): void {
    this.#indexes.clear();
  }

  #singleFieldIndex(field: string): Index | undefined {
    for (const index of this.#indexes.values()) {
      if (index.isComplete && index.fields.length === 1 && index.fields[0] === field) return index;
    }
    return undefined;
  }

  #idsByIndex(field: string, condition: unknown): string[] | undefined {
    if (field.startsWith('$')) return undefined;

    const values = equalityValues(condition);
    const index = values && this.#singleFieldIndex(field);
    if (!values || !index) return undefined;
    return values.flatMap((value) => index.ownersOf(canonicalKey(value)));
  }

  #byIds(ids: string[]): Document[] {
    const documents = new Set<Document>();
    for (const id of ids) {
      const document = this.#documents.get(id);
      if (document) documents.add(document);
    }
    return [...documents];
  }

  #entriesOf(document: Document): Map<Index, IndexEntry[]> {
    const entries = new Map<Index, IndexEntry[]>();
    for (const index of this.#indexes.values()) entries.set(index, index.entriesOf(document));
    return entries;
  }

  #checkUnique(id: string, entries: Map<Index, IndexEntry[]>): void {
    for (const [index, indexEntries] of entries) {
      const conflict = index.findConflict(id, indexEntries);
      if (conflict) throw this.#duplicateKey(index.spec, conflict);
    }
  }

  #addEntries(id: string, entries: Map<Index, IndexEntry[]>): void {
    for (const [index, indexEntries] of entries) index.add(id, indexEntries);
  }

  #removeEntries(id: string, entries: Map<Index, IndexEntry[]>): void {
    for (const [index, indexEntries] of entries) index.remove(id, indexEntries);
  }

  #duplicateKey(spec: IndexSpec, entry: IndexEntry): CommandError {
    const fields = Object.keys(spec.key);
    const keyValue = Object.fromEntries(fields.map((field, i) => [field, entry.values[i]]));
    const message = `E11000 duplicate key error collection: ${this.namespace} index: ${spec.name} dup key: ${formatKeyValue(keyValue)}`;
    return new CommandError('DuplicateKey', message, { keyPattern: spec.key, keyValue });
  }
}
