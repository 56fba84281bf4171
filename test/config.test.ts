import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('the configuration', () => {
  it('runs with nothing configured: embedded database, local address, quiet logs', () => {
    expect(loadConfig({})).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      LOG_LEVEL: 'warn',
    });
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
  });

  it('honours PORT and HOST, and is frozen', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0' });
    expect(config).toMatchObject({ PORT: 8080, HOST: '0.0.0.0' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('requires the production values in production, and lists every bad variable at once', () => {
    const load = () => loadConfig({ NODE_ENV: 'production', PORT: 'abc' });
    expect(load).toThrow(
      /^Configuration invalide :\n {2}- PORT: .+\n {2}- DATABASE_URL: obligatoire en production$/,
    );
  });

  it('logs every request in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://lettrine@db:5432/lettrine',
    });
    expect(config.LOG_LEVEL).toBe('info');
  });
});
