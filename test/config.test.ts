import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { publicUrlOf } from '../src/main.ts';

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

  it('keeps webhooks to public addresses with a 5 s timeout unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: false,
      WEBHOOKS_TIMEOUT_SECONDS: 5,
    });
    expect(
      loadConfig({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_TIMEOUT_SECONDS: '2.5' }),
    ).toMatchObject({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: true, WEBHOOKS_TIMEOUT_SECONDS: 2.5 });
    expect(() => loadConfig({ WEBHOOKS_TIMEOUT_SECONDS: '600' })).toThrow(/WEBHOOKS_TIMEOUT_SECONDS/);
  });

  it('honours PORT and HOST, and is frozen', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0' });
    expect(config).toMatchObject({ PORT: 8080, HOST: '0.0.0.0' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('requires the production values in production, and lists every bad variable at once', () => {
    const load = () => loadConfig({ NODE_ENV: 'production', PORT: 'abc' });
    expect(load).toThrow(
      /^Configuration invalide :\n {2}- PORT: .+\n {2}- DATABASE_URL: obligatoire en production\n {2}- PUBLIC_URL: obligatoire en production\n {2}- SECRETS_KEY: obligatoire en production$/,
    );
  });

  it('logs every request in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://lettrine@db:5432/lettrine',
      PUBLIC_URL: 'https://lettrine.cabinet-dupre.fr',
      SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('with no SMTP server and no seal certificate, mails stay in the outbox and firms seal with their own', () => {
    const config = loadConfig({});
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.SEAL_P12_PATH).toBeUndefined();
    expect(config).toMatchObject({
      MAIL_FROM_ADDRESS: 'signature@lettrine.localhost',
      MAIL_FROM_NAME: 'Lettrine',
    });
    // Signing links point at the server itself unless PUBLIC_URL says otherwise.
    expect(publicUrlOf(loadConfig({ PORT: '8080' }))).toBe('http://127.0.0.1:8080');
    expect(publicUrlOf(loadConfig({ HOST: '::1', PORT: '8080' }))).toBe('http://[::1]:8080');
    expect(publicUrlOf(loadConfig({ PUBLIC_URL: 'https://signer.exemple.fr' }))).toBe(
      'https://signer.exemple.fr',
    );
  });

  it('refuses an SMTP address that is not a URL and a sender that is not an e-mail', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.exemple.fr', MAIL_FROM_ADDRESS: 'personne' })).toThrow(
      /SMTP_URL[\s\S]*MAIL_FROM_ADDRESS/,
    );
  });

  it('takes SECRETS_KEY and the previous keys as 32 bytes in base64, and refuses anything else', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const old = Buffer.alloc(32, 2).toString('base64');
    expect(loadConfig({ SECRETS_KEY: key, SECRETS_KEY_PREVIOUS: `${old}, ${key}` })).toMatchObject({
      SECRETS_KEY: key,
      SECRETS_KEY_PREVIOUS: [old, key],
    });
    expect(() => loadConfig({ SECRETS_KEY: 'trop-courte', SECRETS_KEY_PREVIOUS: 'abc' })).toThrow(
      /SECRETS_KEY: .+\n {2}- SECRETS_KEY_PREVIOUS.0: /,
    );
    expect(loadConfig({}).API_DOCS_PUBLIC).toBe(false);
    expect(loadConfig({ API_DOCS_PUBLIC: 'true' }).API_DOCS_PUBLIC).toBe(true);
  });
});
