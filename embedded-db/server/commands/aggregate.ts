import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { cloneDeep } from 'mingo/util';

import { CommandError } from '../errors.js';
import {
  createContext,
  isKnownStage,
  queryOptions,
  type EvaluationSettings,
} from '../query/engine.js';
import { matchDocuments } from '../query/find.js';
import { createLookupStage } from '../query/lookup.js';
import type { Database } from '../storage/database.js';
import { isPlainDocument } from '../storage/keys.js';
import { evaluationSettings, optionalCount, optionalDocument, requiredArray } from './arguments.js';
import type { CommandContext, CommandHandler } from './command.js';

const UNSUPPORTED_STAGES = new Set([
  '$out',
  '$merge',
  '$changeStream',
  '$collStats',
  '$indexStats',
  '$currentOp',
]);

/**
 * Runs an aggregation pipeline with mingo. A leading `$match` is served through the
 * collection's hash indexes, and the documents entering the pipeline are copies because
 * some mingo stages modify embedded documents in place.
 */
function aggregate(command: Document, context: CommandContext): Document {
  const pipeline = requiredArray(command, 'pipeline').map(validateStage);
  const cursorOptions = optionalDocument(command, 'cursor');
  if (!cursorOptions && command.explain !== true) {
    throw new CommandError(
      'FailedToParse',
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  if (command.explain === true) {
    throw new CommandError('NotImplemented', 'explain is not supported by the in-process server');
  }

  const settings = evaluationSettings(command);
  const { name, documents, stages } = pipelineInput(command, context.database, pipeline, settings);
  const results = runPipeline(stages, documents, context.database, settings);

  const namespace = `${context.database.name}.${name}`;
  const batchSize = optionalCount(cursorOptions!, 'batchSize');
  return { cursor: context.cursors.firstBatch(namespace, results, { batchSize }) };
}

function validateStage(stage: unknown): Document {
  const names = isPlainDocument(stage) ? Object.keys(stage) : [];
  if (names.length !== 1) {
    throw new CommandError(
      'Location40324',
      'A pipeline stage specification object must contain exactly one field.',
    );
  }

  const name = names[0]!;
  if (UNSUPPORTED_STAGES.has(name)) {
    throw new CommandError('NotImplemented', `${name} is not supported by the in-process server`);
  }
  if (!isKnownStage(name)) {
    throw new CommandError('Location40324', `Unrecognized pipeline stage name: '${name}'`);
  }
  return stage as Document;
}

/** Picks the input documents: copies of the collection's, narrowed by a leading `$match`. */
function pipelineInput(
  command: Document,
  database: Database,
  pipeline: Document[],
  settings: EvaluationSettings,
) {
  // `aggregate: 1` runs a collection-less pipeline that starts with `$documents`.
  if (command.aggregate === 1) {
    return { name: '$cmd.aggregate', documents: [], stages: pipeline };
  }
  if (typeof command.aggregate !== 'string' || command.aggregate === '') {
    throw new CommandError(
      'InvalidNamespace',
      "BSON field 'aggregate' must be a collection name or 1",
    );
  }

  const collection = database.collection(command.aggregate);
  const [first, ...rest] = pipeline;
  const leadingMatch = first?.$match as Document | undefined;
  const filter = leadingMatch ?? {};
  const matches = matchDocuments(collection, filter, settings);
  return {
    name: command.aggregate,
    documents: matches.map((document) => cloneDeep(document)),
    stages: leadingMatch ? rest : pipeline,
  };
}

function runPipeline(
  stages: Document[],
  documents: Document[],
  database: Database,
  settings: EvaluationSettings,
): Document[] {
  const context = createContext({ $lookup: createLookupStage(database, settings) });
  const aggregator = new Aggregator(stages, {
    ...queryOptions(settings, context),
    collectionResolver: (name: string) => copiesOf(database, name),
  });
  return aggregator.run(documents);
}

function copiesOf(database: Database, name: string): Document[] {
  const collection = database.collection(name);
  return collection ? [...collection.documents()].map((document) => cloneDeep(document)) : [];
}

/** The `aggregate` command. */
export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
