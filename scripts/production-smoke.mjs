/**
 * The production build, as an operator runs it: `npm run build`, then `NODE_ENV=production npm
 * start` (the compiled server, no TypeScript loader) on a fresh PostgreSQL database of
 * DATABASE_URL's server. It must become ready, print the setup link of an empty installation,
 * serve the web app and stop cleanly on SIGTERM. Run by .ci/run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = process.env.DATABASE_URL;
if (!server) {
  console.error('DATABASE_URL (a PostgreSQL server) is required');
  process.exit(1);
}
const admin = async (sql) => {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const fail = (message) => {
  console.error(`production smoke: ${message}`);
  process.exitCode = 1;
};

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const name = `lettrine_smoke_${randomBytes(4).toString('hex')}`;
await admin(`create database ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const started = Date.now();
const child = spawn(process.execPath, ['bin/lettrine.mjs', 'start'], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SECRETS_KEY: randomBytes(32).toString('base64'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk) => {
  output += String(chunk);
});
try {
  let ready = false;
  while (!ready && Date.now() - started < 120_000) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!ready) fail(`not ready after 120 s\n${output}`);
  else console.log(`compiled server ready in ${Date.now() - started} ms`);
  if (!/\/installation#[A-Za-z0-9_-]{40,}/.test(output)) fail(`no setup link printed\n${output}`);
  const home = await fetch(`http://127.0.0.1:${port}/`);
  if (home.status !== 200 || !(await home.text()).includes('<div id="root">'))
    fail(`the web app is not served (${home.status})`);
} finally {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) fail(`exit code ${code} after SIGTERM`);
  await admin(`drop database if exists ${name} with (force)`);
}
if (!process.exitCode) console.log('production smoke: build, start, setup link, web app, clean stop: passed');
