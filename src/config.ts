import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** proxy-addr's names for whole ranges, accepted beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

const isProxyAddress = (entry: string): boolean =>
  PROXY_RANGE_NAMES.includes(entry) || (entry.includes('/') ? isCidr(entry) : ipaddr.isValid(entry));

const isCidr = (entry: string): boolean => {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
};

/**
 * Which hops of X-Forwarded-For are the operator's proxies: none (the socket's address is the
 * client's), a number of hops counted from the server, or the proxies' addresses and ranges. `true`,
 * the former setting, means one hop: trusting every hop let a client write its own address.
 */
const trustProxy = z
  .string()
  .trim()
  .default('')
  .transform((value, context): false | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (value === 'true') return 1;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    if (bad.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `un nombre de relais, ou des adresses et plages (10.0.0.0/8) séparées par des virgules ; refusé : ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** A 256-bit key written in base64 (`openssl rand -base64 32`). */
const secretsKey = z
  .string()
  .trim()
  .refine((value) => Buffer.from(value, 'base64').length === 32, {
    message: 'une clé de 32 octets en base64 (openssl rand -base64 32)',
  });

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
  /**
   * An RFC 3161 timestamping authority (https://…): every seal then carries its time (PAdES-B-T) and
   * its validation data (B-LT). Unset, seals are PAdES-B-B and the evidence says the times are the server's.
   */
  TSA_URL: z.url().optional(),
  /** HTTP Basic credentials, for an authority that sells its tokens by account. */
  TSA_USERNAME: z.string().min(1).optional(),
  TSA_PASSWORD: z.string().default(''),
  /**
   * The signing code by SMS when the firm gave the signer's mobile (issue 15): « brevo » (Brevo's
   * transactional SMS). Unset, codes go by mail only. SMS_SENDER: 11 letters or digits at most.
   */
  SMS_PROVIDER: z.enum(['brevo']).optional(),
  SMS_API_KEY: z.string().min(1).optional(),
  SMS_SENDER: z
    .string()
    .regex(/^[A-Za-z0-9]{1,11}$/, { error: '11 lettres ou chiffres au plus, sans espace' })
    .optional(),
  /** The provider's address: its own by default; tests point it to a stand-in on 127.0.0.1. */
  SMS_API_BASE_URL: z.url().optional(),
  /** Behind reverse proxies: how many hops (or which addresses) of X-Forwarded-For to trust. */
  TRUST_PROXY: trustProxy,
  /** The master key that encrypts the seal keys at rest and keys the signing codes' HMAC. */
  SECRETS_KEY: secretsKey.optional(),
  /** The keys replaced by a rotation, comma-separated: still read, never written. */
  SECRETS_KEY_PREVIOUS: z
    .string()
    .trim()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(secretsKey)),
  /** In production /docs and /openapi.json need a session or a token, unless this is true. */
  API_DOCS_PUBLIC: z.stringbool().default(false),
  /** Worker threads that render and seal PDFs off the event loop; 0 renders on it (tests only). */
  RENDER_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** A PDF not rendered (or sealed) this long after it was asked for is abandoned (503). */
  RENDER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  /** A rendered PDF larger than this is refused (503). */
  RENDER_MAX_PDF_MB: z.coerce.number().int().min(1).max(500).default(50),
  /** A render worker's heap: beyond it the worker is stopped and its task fails (503). */
  RENDER_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(8192).default(512),
  /**
   * false: an empty database stays empty at start (it prints the setup link instead of creating the
   * demo firm). Never any demo in production, whatever this says.
   */
  DEMO_DATA: z.stringbool().default(true),
  /** Clients per transaction when a renewal campaign generates its letters. */
  CAMPAIGN_CHUNK_SIZE: z.coerce.number().int().min(1).max(5_000).default(250),
  /** A session without any request for this many minutes ends (besides its 14 days); 8 hours by default. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(20_160).default(480),
  /**
   * true: webhooks may reach private, loopback and link-local addresses (tests, a receiver on the
   * firm's own network) and plain http in production. false: refused at registration and delivery.
   */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: z.stringbool().default(false),
  /** A webhook receiver has this long to accept the connection and answer its status. */
  WEBHOOKS_TIMEOUT_SECONDS: z.coerce.number().min(1).max(60).default(5),
});

/**
 * Production data belongs on a PostgreSQL server (backups, several processes), not in PGlite; its
 * seal keys are encrypted with a key of the operator's, never the development one.
 */
const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'PUBLIC_URL', 'SECRETS_KEY'] as const;

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
  if (env.SMS_PROVIDER) {
    for (const name of ['SMS_API_KEY', 'SMS_SENDER'] as const)
      if (!env[name]) lines.push(`  - ${name}: obligatoire avec SMS_PROVIDER`);
  }
  if (!parsed.success || lines.length > 0) throw new Error(`Configuration invalide :\n${lines.join('\n')}`);
  // A newcomer's terminal shows the address and the logins, not a line per request; a server logs them.
  const LOG_LEVEL = parsed.data.LOG_LEVEL ?? (parsed.data.NODE_ENV === 'production' ? 'info' : 'warn');
  return Object.freeze({ ...parsed.data, LOG_LEVEL });
};
