import { ObjectId, type Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { update as applyModifier } from 'mingo/updater';
import { cloneDeep, resolve } from 'mingo/util';

import { CommandError } from '../errors.js';
import { canonicalKey } from '../storage/keys.js';
import { queryOptions, type EvaluationSettings } from './engine.js';
import { isOperatorUpdate, type UpdateSpec } from './update-spec.js';
import { equalityFields } from './upsert-seed.js';

/** Inputs of an update besides the document: the statement's filter, array filters and settings. */
export interface UpdateContext {
  filter: Document;
  arrayFilters?: Document[];
  settings?: EvaluationSettings;
}

const NUMERIC_OPERATORS = ['$inc', '$mul'];
// A path segment that is exactly `$` refers to the array element the filter matched.
const POSITIONAL_PATH = /(^|\.)\$(\.|$)/;

/** Returns the updated copy of a stored document. The stored document itself is not modified. */
export function applyUpdate(
  document: Document,
  update: UpdateSpec,
  context: UpdateContext,
): Document {
  if (Array.isArray(update)) return applyPipeline(document, update, context);
  if (!isOperatorUpdate(update)) return replaceDocument(document, update);
  return applyOperators(cloneDeep(document), withoutOperator(update, '$setOnInsert'), context);
}

/**
 * Builds the document an upsert inserts: the equality fields of the filter, then the update
 * applied with `$setOnInsert`, and a new ObjectId when neither provides an `_id`.
 */
export function buildUpsertDocument(update: UpdateSpec, context: UpdateContext): Document {
  const seed = equalityFields(context.filter);
  let document: Document;
  if (Array.isArray(update)) document = applyPipeline(seed, update, context);
  else if (isOperatorUpdate(update))
    document = applyOperators(seed, update, { ...context, filter: {} });
  else document = { ...update, _id: update._id ?? seed._id };
  return withIdFirst(document);
}

function applyOperators(document: Document, update: Document, context: UpdateContext): Document {
  const { modifier, id } = takeIdAssignment(update);
  assignId(document, id);
  checkNumericTargets(document, modifier);
  if (Object.keys(modifier).length === 0) return document;

  const positional = Object.values(modifier).some((fields) =>
    Object.keys(fields as Document).some((path) => POSITIONAL_PATH.test(path)),
  );
  applyModifier(document, modifier, context.arrayFilters, positional ? context.filter : undefined, {
    cloneMode: 'deep',
    queryOptions: queryOptions(context.settings),
  });
  return document;
}

function replaceDocument(document: Document, replacement: Document): Document {
  if ('_id' in replacement && canonicalKey(replacement._id) !== canonicalKey(document._id)) {
    throw immutableIdError(replacement._id);
  }
  return withIdFirst({ ...replacement, _id: document._id });
}

function applyPipeline(document: Document, stages: Document[], context: UpdateContext): Document {
  const aggregator = new Aggregator(stages, queryOptions(context.settings));
  const [result] = aggregator.run([cloneDeep(document)]);
  if (!result) throw new CommandError('BadValue', 'the update pipeline removed the document');

  if (document._id === undefined) return result;
  if (result._id !== undefined && canonicalKey(result._id) !== canonicalKey(document._id)) {
    throw immutableIdError(result._id);
  }
  return withIdFirst({ ...result, _id: document._id });
}

/**
 * Moves `_id` out of `$set` and `$setOnInsert`, which MongoDB accepts when the value is
 * unchanged or the document is being inserted but mingo always rejects, and folds
 * `$setOnInsert` into `$set`.
 */
function takeIdAssignment(update: Document): { modifier: Document; id: unknown } {
  const modifier: Document = {};
  let id: unknown;
  for (const [operator, fields] of Object.entries(update)) {
    const target = operator === '$setOnInsert' ? '$set' : operator;
    const copy: Document = { ...(fields as Document) };
    if (target === '$set' && '_id' in copy) {
      id = copy._id;
      delete copy._id;
    }
    if (Object.keys(copy).length > 0) modifier[target] = { ...modifier[target], ...copy };
  }
  return { modifier, id };
}

function assignId(document: Document, id: unknown): void {
  if (id === undefined) return;
  if (document._id === undefined) {
    document._id = id;
    return;
  }
  if (canonicalKey(id) !== canonicalKey(document._id)) throw immutableIdError(id);
}

// Mingo skips $inc and $mul on non-numeric values, where MongoDB rejects the update.
function checkNumericTargets(document: Document, modifier: Document): void {
  for (const operator of NUMERIC_OPERATORS) {
    const fields = (modifier[operator] as Document | undefined) ?? {};
    for (const [path, amount] of Object.entries(fields)) {
      if (!isNumeric(amount)) {
        throw new CommandError(
          'TypeMismatch',
          `Cannot ${operator.slice(1)} with non-numeric argument: {${path}: ${JSON.stringify(amount)}}`,
        );
      }
      const current = path.includes('$') ? undefined : resolve(document, path);
      if (current !== undefined && current !== null && !isNumeric(current)) {
        throw new CommandError(
          'TypeMismatch',
          `Cannot apply ${operator} to a value of non-numeric type. {_id: ${String(document._id)}} has the field '${path}' of non-numeric type ${typeof current}`,
        );
      }
    }
  }
}

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  const type = (value as Document | null)?._bsontype;
  return type === 'Long' || type === 'Int32' || type === 'Double' || type === 'Decimal128';
}

function withoutOperator(update: Document, operator: string): Document {
  return Object.fromEntries(Object.entries(update).filter(([name]) => name !== operator));
}

function withIdFirst(document: Document): Document {
  const { _id, ...rest } = document;
  return { _id: _id ?? new ObjectId(), ...rest };
}

function immutableIdError(value: unknown): CommandError {
  return new CommandError(
    'ImmutableField',
    `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(value)}`,
  );
}
