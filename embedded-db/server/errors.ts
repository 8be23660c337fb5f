import type { Document } from 'bson';

/** MongoDB server error codes by code name. */
export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  InvalidPipelineOperator: 168,
  NotImplemented: 238,
  UnsupportedOpQueryCommand: 352,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  Location40324: 40324,
  Location40414: 40414,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

/** A command failure that the server reports to the client as `{ ok: 0, errmsg, code, codeName }`. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: ErrorCodeName;
  readonly details: Document;

  constructor(codeName: ErrorCodeName, message: string, details: Document = {}) {
    super(message);
    this.name = 'CommandError';
    this.code = ErrorCode[codeName];
    this.codeName = codeName;
    this.details = details;
  }
}

/** Converts any thrown value into a `CommandError`, keeping MongoDB's code when one is known. */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;

  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('would modify the immutable field')) {
    return new CommandError('ImmutableField', message);
  }
  return new CommandError('BadValue', message);
}

/** Builds the reply document for a failed command. */
export function errorReply(error: unknown): Document {
  const { message, code, codeName, details } = toCommandError(error);
  return { ok: 0, errmsg: message, code, codeName, ...details };
}

/** Builds one entry of a write command's `writeErrors` array. */
export function writeError(index: number, error: unknown): Document {
  const { message, code, details } = toCommandError(error);
  return { index, code, errmsg: message, ...details };
}
