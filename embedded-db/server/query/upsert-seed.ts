import type { Document } from 'bson';
import { update as applyModifier } from 'mingo/updater';

import { isPlainDocument } from '../storage/keys.js';
import { queryOptions } from './engine.js';

/** Collects the fields an upsert copies from its filter: plain equalities, also inside `$and`. */
export function equalityFields(filter: Document): Document {
  const assignments: Document = {};
  collectEqualities(filter, assignments);

  // Mingo refuses to set `_id` through `$set`, so it is copied directly.
  const { _id: id, ...fields } = assignments;
  const document: Document = id === undefined ? {} : { _id: id };
  if (Object.keys(fields).length > 0) {
    applyModifier(document, { $set: fields }, [], undefined, { queryOptions: queryOptions() });
  }
  return document;
}

function collectEqualities(filter: Document, assignments: Document): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) collectEqualities(clause as Document, assignments);
    } else if (!field.startsWith('$')) {
      const value = equalityValue(condition);
      if (value !== undefined) assignments[field] = value;
    }
  }
}

function equalityValue(condition: unknown): unknown {
  if (condition instanceof RegExp) return undefined;
  if (!isPlainDocument(condition)) return condition;

  const operators = Object.keys(condition).filter((key) => key.startsWith('$'));
  if (operators.length === 0) return condition;
  if (operators.length === 1 && operators[0] === '$eq') return condition.$eq;
  return undefined;
}
