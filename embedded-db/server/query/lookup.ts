import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { evalExpr } from 'mingo/core';
import type { Iterator } from 'mingo/lazy';
import { $lookup as mingoLookup } from 'mingo/operators/pipeline';
import type { Options, PipelineOperator } from 'mingo/types';
import { cloneDeep, setValue } from 'mingo/util';

import { CommandError } from '../errors.js';
import type { Collection } from '../storage/collection.js';
import type { Database } from '../storage/database.js';
import { canonicalKey, valuesAtPath } from '../storage/keys.js';
import { queryOptions, type EvaluationSettings } from './engine.js';

type LookupSpec = Parameters<typeof mingoLookup>[1];
type ForeignMatcher = (value: unknown) => Document[];

/**
 * Returns a `$lookup` stage for collections of `database`. The localField/foreignField form
 * is a hash join, through an index of the foreign collection or a hash table built once per
 * stage, so it costs time linear in both collections. Mingo's own stage runs the form with
 * only `let` and `pipeline`.
 */
export function createLookupStage(
  database: Database,
  settings: EvaluationSettings,
): PipelineOperator {
  return (documents: Iterator, spec: LookupSpec, options: Options): Iterator => {
    if (typeof spec.as !== 'string') {
      throw new CommandError('FailedToParse', "must specify 'as' field for a $lookup");
    }
    const { localField, foreignField, from } = spec;
    if (!localField || !foreignField || typeof from !== 'string') {
      return mingoLookup(documents, spec, options);
    }

    const findForeign = foreignMatcher(database.collection(from), foreignField);
    const pipeline = spec.pipeline?.length ? spec.pipeline : undefined;
    return documents.map((document: Document) => {
      const matches = joinedDocuments(document, localField, findForeign);
      const joined = pipeline
        ? runPipeline(document, matches, spec, { ...settings, context: options.context })
        : matches;
      return withField(document, spec.as, joined);
    });
  };
}

function foreignMatcher(collection: Collection | undefined, field: string): ForeignMatcher {
  if (!collection) return () => [];
  return collection.equalityLookup(field) ?? buildHashTable(collection, field);
}

function buildHashTable(collection: Collection, field: string): ForeignMatcher {
  const table = new Map<string, Document[]>();
  for (const document of collection.documents()) {
    const keys = new Set(valuesAtPath(document, field).map(canonicalKey));
    for (const key of keys) {
      const bucket = table.get(key);
      if (bucket) bucket.push(document);
      else table.set(key, [document]);
    }
  }
  return (value) => table.get(canonicalKey(value)) ?? [];
}

/** Finds the foreign documents equal to any value of the local field, as copies. */
function joinedDocuments(
  document: Document,
  localField: string,
  findForeign: ForeignMatcher,
): Document[] {
  const matches = new Set<Document>();
  for (const value of valuesAtPath(document, localField)) {
    for (const match of findForeign(value)) matches.add(match);
  }
  return [...matches].map((match) => cloneDeep(match));
}

function runPipeline(
  document: Document,
  matches: Document[],
  spec: LookupSpec,
  settings: EvaluationSettings & Pick<Options, 'context'>,
): Document[] {
  const localVariables = spec.let
    ? (evalExpr(document, spec.let, queryOptions(settings, settings.context)) as Document)
    : {};
  const variables = { ...settings.variables, ...localVariables };
  const aggregator = new Aggregator(
    spec.pipeline!,
    queryOptions({ ...settings, variables }, settings.context),
  );
  return aggregator.run(matches);
}

function withField(document: Document, path: string, value: unknown): Document {
  if (!path.includes('.')) return { ...document, [path]: value };

  const copy = cloneDeep(document);
  setValue(copy, path, value);
  return copy;
}
