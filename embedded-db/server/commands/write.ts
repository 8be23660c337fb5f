import { ObjectId, type Document } from 'bson';

import { CommandError, writeError } from '../errors.js';
import type { EvaluationSettings } from '../query/engine.js';
import { matchDocuments } from '../query/find.js';
import { applyUpdate, buildUpsertDocument, type UpdateContext } from '../query/update.js';
import { validateUpdate } from '../query/update-spec.js';
import type { Collection } from '../storage/collection.js';
import { canonicalKey, isPlainDocument } from '../storage/keys.js';
import {
  collectionName,
  evaluationSettings,
  optionalDocument,
  requiredArray,
} from './arguments.js';
import type { CommandContext, CommandHandler } from './command.js';

interface StatementResult {
  n: number;
  nModified?: number;
  upserted?: unknown;
}

/**
 * Runs each statement of a write command. An ordered command stops at the first failure,
 * while an unordered one reports every failure in `writeErrors` and carries on.
 */
function runStatements(
  statements: unknown[],
  ordered: boolean,
  run: (statement: Document, index: number) => StatementResult,
): Document {
  const reply: Document = { n: 0 };
  const writeErrors: Document[] = [];
  for (const [index, statement] of statements.entries()) {
    try {
      if (!isPlainDocument(statement)) {
        throw new CommandError('TypeMismatch', 'each write statement must be an object');
      }
      addResult(reply, index, run(statement, index));
    } catch (error) {
      writeErrors.push(writeError(index, error));
      if (ordered) break;
    }
  }
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  return reply;
}

function addResult(reply: Document, index: number, result: StatementResult): void {
  reply.n += result.n;
  if (result.nModified !== undefined) reply.nModified = (reply.nModified ?? 0) + result.nModified;
  if (result.upserted !== undefined) {
    reply.upserted = [
      ...((reply.upserted as Document[] | undefined) ?? []),
      { index, _id: result.upserted },
    ];
  }
}

function insert(command: Document, context: CommandContext): Document {
  const collection = context.database.collectionForWrite(collectionName(command, 'insert'));
  const documents = requiredArray(command, 'documents');

  return runStatements(documents, command.ordered !== false, (document) => {
    collection.insert(withId(document));
    return { n: 1 };
  });
}

/** Returns the document with `_id` as its first field, adding an ObjectId when it has none. */
function withId(document: Document): Document {
  const { _id, ...fields } = document;
  if (Array.isArray(_id)) throw new CommandError('BadValue', "can't use an array for _id");
  if (_id !== undefined && '_id' === Object.keys(document)[0]) return document;
  return { _id: _id ?? new ObjectId(), ...fields };
}

function update(command: Document, context: CommandContext): Document {
  const collection = context.database.collectionForWrite(collectionName(command, 'update'));
  const statements = requiredArray(command, 'updates');

  const reply = runStatements(statements, command.ordered !== false, (statement) => {
    return updateStatement(collection, statement, {
      filter: optionalDocument(statement, 'q') ?? {},
      arrayFilters: statement.arrayFilters as Document[] | undefined,
      settings: statementSettings(command, statement),
    });
  });
  reply.nModified ??= 0;
  return reply;
}

function updateStatement(
  collection: Collection,
  statement: Document,
  context: UpdateContext,
): StatementResult {
  const change = statement.u;
  validateUpdate(change);

  const limit = statement.multi === true ? Infinity : 1;
  const matches = matchDocuments(collection, context.filter, context.settings, limit);
  if (matches.length === 0 && statement.upsert === true) {
    const document = buildUpsertDocument(change, context);
    collection.insert(document);
    return { n: 1, nModified: 0, upserted: document._id };
  }

  let modified = 0;
  for (const current of matches) {
    const next = applyUpdate(current, change, context);
    if (canonicalKey(next) === canonicalKey(current)) continue;
    collection.replace(current, next);
    modified += 1;
  }
  return { n: matches.length, nModified: modified };
}

function deleteCommand(command: Document, context: CommandContext): Document {
  const collection = context.database.collection(collectionName(command, 'delete'));
  const statements = requiredArray(command, 'deletes');

  return runStatements(statements, command.ordered !== false, (statement) => {
    const limit = statement.limit ?? 0;
    if (limit !== 0 && limit !== 1) {
      throw new CommandError(
        'FailedToParse',
        `The limit field in delete objects must be 0 or 1. Got ${String(limit)}`,
      );
    }

    const filter = optionalDocument(statement, 'q') ?? {};
    const settings = statementSettings(command, statement);
    const matches = matchDocuments(collection, filter, settings, limit === 1 ? 1 : Infinity);
    for (const document of matches) collection!.remove(document);
    return { n: matches.length };
  });
}

/** Combines a statement's own `collation` with the `let` variables of the whole command. */
function statementSettings(command: Document, statement: Document): EvaluationSettings {
  return { ...evaluationSettings(statement), variables: optionalDocument(command, 'let') };
}

/** The write commands: insert, update and delete. */
export const writeCommands: Record<string, CommandHandler> = {
  insert,
  update,
  delete: deleteCommand,
};
