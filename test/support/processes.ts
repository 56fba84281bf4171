import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, databaseUrl } from './databases.ts';

/**
 * The real `lettrine` command in child processes, for the suites that start, kill and restart
 * servers: a free port, the command, its exit, and a wait for a condition.
 */

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** `lettrine <args>` from the sources (tsx), in development mode, warnings only in its log. */
export const lettrine = (args: string[], env: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Resolves with the exit code (null when a signal ended it); at once if it already ended. */
export const finished = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** What a child wrote on stdout and stderr, kept for the failure message of a test. */
export const outputOf = (child: ChildProcess) => {
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return () => chunks.join('');
};

/** Polls `probe` until it returns a value (a throw counts as not yet), or fails after the timeout. */
export const waitFor = async <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 120_000,
  intervalMs = 20,
): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

export type ServerStorage = {
  /** DATABASE_URL (a database of its own) or DATA_DIR (a folder of its own) for the children. */
  env: Record<string, string>;
  /** The database's own URL, on PostgreSQL. */
  url?: string;
  /** Drops the database, or removes the folder. */
  remove(): Promise<void>;
};

/**
 * A database of its own on the PostgreSQL server of DATABASE_URL, empty (the first command
 * migrates it); without DATABASE_URL, a PGlite data folder of its own.
 */
export const freshServerStorage = async (prefix: string): Promise<ServerStorage> => {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `lettrine_test_${prefix}_${randomBytes(6).toString('hex')}`;
    await adminQuery(server, `create database ${name}`);
    const url = databaseUrl(server, name);
    return {
      env: { DATABASE_URL: url },
      url,
      remove: () => adminQuery(server, `drop database if exists ${name} with (force)`),
    };
  }
  const folder = await mkdtemp(join(tmpdir(), `lettrine-${prefix}-`));
  return { env: { DATA_DIR: folder }, remove: () => rm(folder, { recursive: true, force: true }) };
};

/** Kills what is still running (SIGKILL) and waits for each to be gone. */
export const killAll = async (children: readonly ChildProcess[]) => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(finished));
};
