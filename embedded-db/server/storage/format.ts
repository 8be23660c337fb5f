import type { Document, ObjectId } from 'bson';

import { isPlainDocument } from './keys.js';

/** Formats an index key the way MongoDB's duplicate key messages do: `{ email: "a@b.c" }`. */
export function formatKeyValue(keyValue: Document): string {
  const fields = Object.entries(keyValue).map(([name, value]) => `${name}: ${formatValue(value)}`);
  return fields.length ? `{ ${fields.join(', ')} }` : '{}';
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  if (isPlainDocument(value)) return formatKeyValue(value);
  if ((value as Document)._bsontype === 'ObjectId') {
    return `ObjectId('${(value as ObjectId).toHexString()}')`;
  }
  return String(value);
}
