import type { Document } from 'bson';

import { CommandError } from '../errors.js';
import { Collection } from './collection.js';

const INVALID_DATABASE_CHARACTERS = /[/\\. "$\0]/;

/** The collections of one database, created on first write as MongoDB does. */
export class Database {
  readonly name: string;
  readonly #collections = new Map<string, Collection>();

  constructor(name: string) {
    this.name = name;
  }

  collection(name: string): Collection | undefined {
    return this.#collections.get(name);
  }

  /** Returns the collection, creating it with default options when it does not exist. */
  collectionForWrite(name: string): Collection {
    return this.#collections.get(name) ?? this.createCollection(name);
  }

  createCollection(name: string, options: Document = {}): Collection {
    validateCollectionName(this.name, name);

    const collection = new Collection(this.name, name, options);
    this.#collections.set(name, collection);
    return collection;
  }

  /** Removes a collection with its indexes. Returns false when it did not exist. */
  dropCollection(name: string): boolean {
    return this.#collections.delete(name);
  }

  collections(): Collection[] {
    return [...this.#collections.values()];
  }
}

/** All databases of one server, held in memory only. */
export class Storage {
  readonly #databases = new Map<string, Database>();

  /** Returns the database, creating an empty one for a new name as MongoDB does. */
  database(name: string): Database {
    let database = this.#databases.get(name);
    if (!database) {
      validateDatabaseName(name);
      database = new Database(name);
      this.#databases.set(name, database);
    }
    return database;
  }

  dropDatabase(name: string): void {
    this.#databases.delete(name);
  }

  databases(): Database[] {
    return [...this.#databases.values()];
  }
}

function validateDatabaseName(name: string): void {
  if (name === '' || INVALID_DATABASE_CHARACTERS.test(name)) {
    throw new CommandError('InvalidNamespace', `Invalid database name: '${name}'`);
  }
}

function validateCollectionName(databaseName: string, name: string): void {
  if (name === '' || name.includes('$') || name.includes('\0') || name.startsWith('.')) {
    throw new CommandError('InvalidNamespace', `Invalid collection name: ${databaseName}.${name}`);
  }
}
