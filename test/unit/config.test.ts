import { expect } from 'chai';

import { ConfigError, loadConfig } from '../../src/lib/config.js';

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    const config = loadConfig({});

    expect(config).to.deep.equal({
      port: 3000,
      host: '127.0.0.1',
      mongodbUri: undefined,
      logLevel: 'info',
      seedEmbeddedDatabase: true,
      embeddedDatabasePort: 27018,
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      MONGODB_URI: 'mongodb://db.internal:27017/jobs',
      LOG_LEVEL: 'debug',
      SEED_EMBEDDED_DATABASE: 'false',
      EMBEDDED_MONGODB_PORT: '0',
    });

    expect(config).to.deep.equal({
      port: 8080,
      host: '0.0.0.0',
      mongodbUri: 'mongodb://db.internal:27017/jobs',
      logLevel: 'debug',
      seedEmbeddedDatabase: false,
      embeddedDatabasePort: 0,
    });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).to.equal(true);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', MONGODB_URI: '' }).mongodbUri).to.equal(undefined);
  });

  for (const [name, value, form] of [
    ['PORT', 'eighty', 'integer from 0 to 65535'],
    ['PORT', '70000', 'integer from 0 to 65535'],
    ['HOST', 'not a host!', 'host name or IP address'],
    ['MONGODB_URI', 'http://localhost/jobs', 'MongoDB connection string'],
    ['LOG_LEVEL', 'loud', 'one of: fatal, error, warn, info, debug, trace, silent'],
    ['SEED_EMBEDDED_DATABASE', 'maybe', 'true or false'],
  ]) {
    it(`rejects ${name}=${value} naming the accepted form`, () => {
      expect(() => loadConfig({ [name as string]: value }))
        .to.throw(ConfigError)
        .with.property('message')
        .that.includes(name)
        .and.includes(form);
    });
  }

  it('names every invalid variable in one message', () => {
    const load = () => loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });

    expect(load).to.throw(ConfigError, /PORT.*LOG_LEVEL/);
  });
});
