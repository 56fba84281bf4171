import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** The address clients open from their mails; by default the one the server listens on. */
  PUBLIC_URL: z.url().optional(),
  /** smtp://user:password@host:587 (or smtps://); unset, mails stay in the product's outbox. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM_ADDRESS: z.email().default('signature@lettrine.localhost'),
  MAIL_FROM_NAME: z.string().min(1).default('Lettrine'),
  /** The PKCS#12 file that seals signed PDFs; unset, each firm gets a self-signed certificate. */
  SEAL_P12_PATH: z.string().min(1).optional(),
  SEAL_P12_PASSWORD: z.string().default(''),
  /** true behind a reverse proxy: the signer's address (evidence, rate limits) is X-Forwarded-For's. */
  TRUST_PROXY: z.stringbool().default(false),
  /** Clients per transaction when a renewal campaign generates its letters. */
  CAMPAIGN_CHUNK_SIZE: z.coerce.number().int().min(1).max(5_000).default(250),
});

/** Production data belongs on a PostgreSQL server (backups, several processes), not in PGlite. */
const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'PUBLIC_URL'] as const;

export type Config = Readonly<Omit<z.infer<typeof schema>, 'LOG_LEVEL'> & { LOG_LEVEL: LogLevel }>;
type LogLevel = NonNullable<z.infer<typeof schema>['LOG_LEVEL']>;

/** The only reader of process.env: parsed once, every bad variable listed, frozen. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = schema.safeParse(env);
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  if (env.NODE_ENV === 'production') {
    for (const name of REQUIRED_IN_PRODUCTION)
      if (!env[name]) lines.push(`  - ${name}: obligatoire en production`);
  }
  if (!parsed.success || lines.length > 0) throw new Error(`Configuration invalide :\n${lines.join('\n')}`);
  // A newcomer's terminal shows the address and the logins, not a line per request; a server logs them.
  const LOG_LEVEL = parsed.data.LOG_LEVEL ?? (parsed.data.NODE_ENV === 'production' ? 'info' : 'warn');
  return Object.freeze({ ...parsed.data, LOG_LEVEL });
};
