import type { Document } from 'bson';
import { Context, ProcessingMode } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { CollationSpec, Options, PipelineOperator } from 'mingo/types';

import { CommandError } from '../errors.js';

/** Per-command settings that change how mingo evaluates queries and expressions. */
export interface EvaluationSettings {
  collation?: CollationSpec;
  /** Values for `$$name` references, from a command's `let` field. */
  variables?: Document;
}

const OPERATORS = {
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
};

// Mingo's $count emits { field: 0 } for empty input, where MongoDB emits no document.
const $count: PipelineOperator = (documents, field: string, options) => {
  return pipelineOperators
    .$count(documents, field, options)
    .filter((result: Document) => result[field] !== 0);
};

const DEFAULT_CONTEXT = Context.init({ ...OPERATORS, pipeline: { ...pipelineOperators, $count } });

/** Returns a context with every mingo operator, where `pipeline` replaces stages of the same name. */
export function createContext(pipeline: Record<string, PipelineOperator>): Context {
  return Context.init({ ...OPERATORS, pipeline: { ...pipelineOperators, $count, ...pipeline } });
}

/**
 * Returns mingo options that match MongoDB: strict mode, no clones (callers copy what they
 * hand out), and no scripts, because `$where` and `$function` arrive as BSON Code values,
 * which mingo cannot run.
 */
export function queryOptions(
  settings: EvaluationSettings = {},
  context = DEFAULT_CONTEXT,
): Options {
  return {
    idKey: '_id',
    processingMode: ProcessingMode.CLONE_OFF,
    useStrictMode: true,
    scriptEnabled: false,
    failOnError: true,
    context,
    collation: settings.collation,
    variables: settings.variables,
  };
}

/** Returns true when a pipeline stage name is known to mingo. */
export function isKnownStage(name: string): boolean {
  return name.startsWith('$') && name in pipelineOperators;
}

/** Compiles a query filter. Mingo throws on unknown operators, which callers report as BadValue. */
export function compileFilter(filter: Document, settings: EvaluationSettings = {}): Query {
  return new Query(filter, queryOptions(settings));
}

/** Sorts documents by a MongoDB sort specification without changing the input array. */
export function sortDocuments(
  documents: Document[],
  sort: Document,
  settings: EvaluationSettings = {},
): Document[] {
  validateSort(sort);
  return new Query({}, queryOptions(settings)).find<Document>(documents).sort(sort).all();
}

/** Rejects sort directions other than 1 and -1, as MongoDB does for field sorts. */
export function validateSort(sort: Document): void {
  for (const [field, direction] of Object.entries(sort)) {
    if (direction !== 1 && direction !== -1) {
      throw new CommandError(
        'BadValue',
        `$sort key ordering must be 1 (for ascending) or -1 (for descending), got ${JSON.stringify(direction)} for '${field}'`,
      );
    }
  }
}
