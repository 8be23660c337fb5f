import type { FieldError } from '../errors.js';

/**
 * The request keys that one kind of input accepts, each mapped to the internal key it fills.
 * Keys match in any letter case: `title`, `Title` and `TITLE` all fill `title`.
 */
export interface FieldNames {
  /** The accepted request keys in their documented spelling, listed in error messages. */
  readonly names: readonly string[];
  readonly keyByLowercaseName: ReadonlyMap<string, string>;
}

/** An input's values under their internal keys, and the problems found with its keys. */
export interface CanonicalInput {
  /** The values, in an object without a prototype. */
  values: Record<string, unknown>;
  /** The request key behind each internal key, so that errors can use the request's spelling. */
  requestKeys: Map<string, string>;
  errors: FieldError[];
}

// Names that reach an object's prototype, or that Mongoose reserves for itself.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '_id', '__v']);

/** Builds the accepted keys from a map of each documented request key to its internal key. */
export function defineFieldNames(keyByName: Record<string, string>): FieldNames {
  const entries = Object.entries(keyByName);
  return {
    names: entries.map(([name]) => name),
    keyByLowercaseName: new Map(entries.map(([name, key]) => [name.toLowerCase(), key])),
  };
}

/** Merges several sets of accepted keys, such as pagination and a list's filters. */
export function mergeFieldNames(...sets: FieldNames[]): FieldNames {
  return {
    names: sets.flatMap((set) => set.names),
    keyByLowercaseName: new Map(sets.flatMap((set) => [...set.keyByLowercaseName])),
  };
}

function rejectKey(key: string, fieldNames: FieldNames): FieldError {
  if (RESERVED_KEYS.has(key)) {
    return { field: key, message: `${key} is a reserved name and cannot be used as a field.` };
  }
  if (key.startsWith('$')) {
    return {
      field: key,
      message: `${key} is not accepted because field names must not start with $.`,
    };
  }
  const known = fieldNames.names.join(', ');
  return { field: key, message: `${key} is not a known field. Known fields: ${known}.` };
}

function addField(input: CanonicalInput, requestKey: string, key: string, value: unknown): void {
  const earlierKey = input.requestKeys.get(key);
  if (earlierKey !== undefined) {
    const message = `${requestKey} and ${earlierKey} name the same field, so give only one of them.`;
    input.errors.push({ field: requestKey, message });
    return;
  }

  input.values[key] = value;
  input.requestKeys.set(key, requestKey);
}

/**
 * Maps the keys of a parsed JSON body or query to their internal keys. A key that is
 * reserved, starts with `$`, is unknown, or repeats a field under another spelling becomes an
 * error naming it. Keys are read with `Object.keys`, which also lists an own `__proto__` key that
 * `JSON.parse` creates, and a rejected key's value is never read.
 */
export function canonicalizeKeys(source: object, fieldNames: FieldNames): CanonicalInput {
  const input: CanonicalInput = { values: Object.create(null), requestKeys: new Map(), errors: [] };
  for (const requestKey of Object.keys(source)) {
    const key = RESERVED_KEYS.has(requestKey)
      ? undefined
      : fieldNames.keyByLowercaseName.get(requestKey.toLowerCase());
    if (key === undefined) {
      input.errors.push(rejectKey(requestKey, fieldNames));
    } else {
      addField(input, requestKey, key, (source as Record<string, unknown>)[requestKey]);
    }
  }
  return input;
}
