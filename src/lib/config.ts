import Joi from 'joi';
import type { LevelWithSilent } from 'pino';

export interface Config {
  port: number;
  host: string;
  /** Absent means: start the embedded development database. */
  mongodbUri: string | undefined;
  logLevel: LevelWithSilent;
  /** Whether `npm start` fills an empty embedded database with dummy data. */
  seedEmbeddedDatabase: boolean;
  /** Loopback port of the embedded database, so `npm run seed` can reach it; 0 picks any. */
  embeddedDatabasePort: number;
}

export const DEFAULT_EMBEDDED_DATABASE_PORT = 27018;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const environmentSchema = Joi.object({
  PORT: Joi.number().integer().min(0).max(65535).default(3000).messages({
    '*': 'PORT must be an integer from 0 to 65535 (0 picks a free port)',
  }),
  HOST: Joi.string().hostname().default('127.0.0.1').messages({
    '*': 'HOST must be a host name or IP address, such as 127.0.0.1 or 0.0.0.0',
  }),
  MONGODB_URI: Joi.string()
    .uri({ scheme: ['mongodb', 'mongodb+srv'] })
    .messages({
      '*': 'MONGODB_URI must be a MongoDB connection string, such as mongodb://localhost:27017/jobs',
    }),
  LOG_LEVEL: Joi.string()
    .valid(...LOG_LEVELS)
    .default('info')
    .messages({ '*': `LOG_LEVEL must be one of: ${LOG_LEVELS.join(', ')}` }),
  SEED_EMBEDDED_DATABASE: Joi.boolean().truthy('1').falsy('0').default(true).messages({
    '*': 'SEED_EMBEDDED_DATABASE must be true or false',
  }),
  EMBEDDED_MONGODB_PORT: Joi.number()
    .integer()
    .min(0)
    .max(65535)
    .default(DEFAULT_EMBEDDED_DATABASE_PORT)
    .messages({
      '*': 'EMBEDDED_MONGODB_PORT must be an integer from 0 to 65535 (0 picks a free port)',
    }),
}).unknown(true);

export class ConfigError extends Error {}

/**
 * Reads and validates the service's environment variables.
 * Throws one ConfigError whose message names every invalid variable and its accepted form.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const { value, error } = environmentSchema.validate(present, { abortEarly: false });
  if (error) {
    const problems = error.details.map((detail) => detail.message);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}.`);
  }

  return Object.freeze({
    port: value.PORT,
    host: value.HOST,
    mongodbUri: value.MONGODB_URI,
    logLevel: value.LOG_LEVEL,
    seedEmbeddedDatabase: value.SEED_EMBEDDED_DATABASE,
    embeddedDatabasePort: value.EMBEDDED_MONGODB_PORT,
  });
}
