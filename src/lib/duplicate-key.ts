import { ConflictError } from './errors.js';

interface DuplicateKeyError {
  code: 11000;
  keyPattern?: Record<string, unknown>;
  keyValue?: Record<string, unknown>;
}

function isDuplicateKeyError(error: unknown): error is DuplicateKeyError {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/**
 * Awaits a write and turns a MongoDB duplicate-key error (code 11000) into the ConflictError that
 * `toConflict` builds from the fields of the violated unique index. The fields come from the
 * error's `keyPattern` (or `keyValue`), and are empty when the server sent neither. Other errors
 * pass through unchanged.
 */
export async function rejectDuplicateKey<T>(
  write: Promise<T>,
  toConflict: (fields: string[]) => ConflictError,
): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!isDuplicateKeyError(error)) {
      throw error;
    }
    throw toConflict(Object.keys(error.keyPattern ?? error.keyValue ?? {}));
  }
}
