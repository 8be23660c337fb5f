import type { Document } from 'bson';

import type { Collection } from '../storage/collection.js';
import { compileFilter, validateSort, type EvaluationSettings } from './engine.js';

/** A query as `find` describes it. `limit` 0 means no limit. */
export interface FindSpec {
  filter?: Document;
  sort?: Document;
  projection?: Document;
  skip?: number;
  limit?: number;
  settings?: EvaluationSettings;
}

/**
 * Returns the stored documents that match `filter`, in natural order, stopping after `limit`.
 * The result contains the stored objects themselves, which callers must not modify.
 */
export function matchDocuments(
  collection: Collection | undefined,
  filter: Document = {},
  settings: EvaluationSettings = {},
  limit = Infinity,
): Document[] {
  if (!collection) return [];

  const query = compileFilter(filter, settings);
  const matches: Document[] = [];
  for (const document of candidates(collection, filter, settings)) {
    if (matches.length >= limit) break;
    if (query.test(document)) matches.push(document);
  }
  return matches;
}

/** Runs a find: filter, then sort, skip, limit and projection, in MongoDB's order. */
export function findDocuments(collection: Collection | undefined, spec: FindSpec): Document[] {
  if (!collection) return [];

  const filter = spec.filter ?? {};
  const settings = spec.settings ?? {};
  const cursor = compileFilter(filter, settings).find<Document>(
    candidates(collection, filter, settings),
    spec.projection ?? {},
  );
  if (spec.sort && Object.keys(spec.sort).length > 0) {
    validateSort(spec.sort);
    cursor.sort(spec.sort);
  }
  if (spec.skip) cursor.skip(spec.skip);
  if (spec.limit) cursor.limit(spec.limit);
  return cursor.all();
}

// A collation changes which strings are equal, so the hash indexes cannot serve the query.
function candidates(
  collection: Collection,
  filter: Document,
  settings: EvaluationSettings,
): Iterable<Document> {
  return settings.collation ? collection.documents() : collection.candidates(filter);
}
