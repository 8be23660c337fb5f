import { isPlainDocument } from './keys.js';

/**
 * Returns the values an equality condition accepts (`value`, `{ $eq: value }` or
 * `{ $in: [...] }`), or undefined when the condition is not a plain equality on scalars.
 */
export function equalityValues(condition: unknown): unknown[] | undefined {
  if (!isPlainDocument(condition)) return isScalar(condition) ? [condition] : undefined;

  const operators = Object.keys(condition);
  if (operators.length !== 1) return undefined;
  if (operators[0] === '$eq' && isScalar(condition.$eq)) return [condition.$eq];
  if (operators[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(isScalar)) {
    return condition.$in;
  }
  return undefined;
}

function isScalar(value: unknown): boolean {
  if (value === undefined || Array.isArray(value) || value instanceof RegExp) return false;
  return !isPlainDocument(value);
}
