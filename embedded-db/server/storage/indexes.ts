import type { Document } from 'bson';
import { Query } from 'mingo/query';

import { CommandError } from '../errors.js';
import { queryOptions } from '../query/engine.js';
import { canonicalKey, MISSING, valuesAtPath } from './keys.js';

/** An index as `listIndexes` reports it: `v`, `key`, `name` and the options it was created with. */
export interface IndexSpec extends Document {
  v: number;
  key: Document;
  name: string;
}

/** One key a document contributes to an index. */
export interface IndexEntry {
  /** Canonical form of `values`, used as the hash map key. */
  key: string;
  /** The indexed values in key pattern order, with `null` for a missing field. */
  values: unknown[];
}

/** The `_id_` index that every collection has. */
export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

type Owners = string | Set<string>;

/**
 * A secondary index: a hash map from each key to the ids of the documents that contain it.
 * It serves equality lookups and enforces `unique`, but keeps no order, so range queries
 * and sorts scan the collection.
 */
export class Index {
  readonly spec: IndexSpec;
  readonly fields: string[];
  readonly #partialFilter: Query | undefined;
  readonly #owners = new Map<string, Owners>();

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    const filter = spec.partialFilterExpression as Document | undefined;
    this.#partialFilter = filter ? new Query(filter, queryOptions()) : undefined;
  }

  get name(): string {
    return this.spec.name;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  /** True when every document has an entry, so a lookup by value finds all matches. */
  get isComplete(): boolean {
    return !this.spec.sparse && !this.#partialFilter;
  }

  /** Lists the keys a document contributes, none when a sparse or partial index skips it. */
  entriesOf(document: Document): IndexEntry[] {
    if (this.#partialFilter && !this.#partialFilter.test(document)) return [];

    const perField = this.fields.map((field) => valuesAtPath(document, field));
    if (this.spec.sparse && perField.every((values) => values.every((v) => v === MISSING))) {
      return [];
    }
    if (perField.length === 1 && perField[0]!.length === 1) {
      const value = indexValue(perField[0]![0]);
      return [{ key: canonicalKey(value), values: [value] }];
    }
    return uniqueEntries(combinations(perField));
  }

  /** Returns the ids of the documents that contain `key`. */
  ownersOf(key: string): string[] {
    const owners = this.#owners.get(key);
    if (owners === undefined) return [];
    return typeof owners === 'string' ? [owners] : [...owners];
  }

  /** Returns the first entry another document already holds, for a unique index. */
  findConflict(id: string, entries: IndexEntry[]): IndexEntry | undefined {
    if (!this.unique) return undefined;
    return entries.find((entry) => this.ownersOf(entry.key).some((owner) => owner !== id));
  }

  add(id: string, entries: IndexEntry[]): void {
    for (const { key } of entries) {
      const owners = this.#owners.get(key);
      if (owners === undefined) this.#owners.set(key, id);
      else if (typeof owners === 'string') this.#owners.set(key, new Set([owners, id]));
      else owners.add(id);
    }
  }

  remove(id: string, entries: IndexEntry[]): void {
    for (const { key } of entries) {
      const owners = this.#owners.get(key);
      if (owners === id) this.#owners.delete(key);
      else if (typeof owners === 'object') removeOwner(this.#owners, key, owners, id);
    }
  }
}

function removeOwner(map: Map<string, Owners>, key: string, owners: Set<string>, id: string): void {
  owners.delete(id);
  if (owners.size === 1) map.set(key, owners.values().next().value!);
}

/** Builds every combination of one value per field, as MongoDB does for multikey indexes. */
function combinations(perField: unknown[][]): unknown[][] {
  let result: unknown[][] = [[]];
  for (const values of perField) {
    result = result.flatMap((prefix) => values.map((value) => [...prefix, indexValue(value)]));
  }
  return result;
}

function indexValue(value: unknown): unknown {
  return value === MISSING ? null : value;
}

function uniqueEntries(tuples: unknown[][]): IndexEntry[] {
  const entries = new Map<string, IndexEntry>();
  for (const values of tuples) {
    const key = values.length === 1 ? canonicalKey(values[0]) : canonicalKey(values);
    entries.set(key, { key, values });
  }
  return [...entries.values()];
}

/**
 * Returns the existing index identical to `spec`, or undefined when there is none. Throws
 * IndexKeySpecsConflict for the same name with another key and IndexOptionsConflict for the
 * same key with another name or options.
 */
export function findSameIndex(existingSpecs: IndexSpec[], spec: IndexSpec): IndexSpec | undefined {
  for (const existing of existingSpecs) {
    const sameName = existing.name === spec.name;
    const sameKeys = sameKey(existing.key, spec.key);
    if (sameName && sameKeys && sameOptions(existing, spec)) return existing;
    if (sameName && !sameKeys) {
      throw new CommandError(
        'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
      );
    }
    if (sameKeys) {
      throw new CommandError(
        'IndexOptionsConflict',
        `An equivalent index already exists with a different name or options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
      );
    }
  }
  return undefined;
}

/** True when two index key patterns list the same fields and directions in the same order. */
export function sameKey(left: Document, right: Document): boolean {
  return canonicalKey(left) === canonicalKey(right);
}

const IGNORED_INDEX_OPTIONS = new Set(['v', 'name', 'key', 'background']);

function sameOptions(left: Document, right: Document): boolean {
  return canonicalKey(indexOptions(left)) === canonicalKey(indexOptions(right));
}

function indexOptions(spec: Document): Document {
  const entries = Object.entries(spec).filter(([option]) => !IGNORED_INDEX_OPTIONS.has(option));
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
