/**
 * Benchmark: a page of 50 client engagements, filtered by a search and sorted by company name, from
 * the real Lettrine app against a bare Fastify + pg endpoint running the same SQL, on a fresh
 * PostgreSQL database of 10 000 clients. Usage (see bench/README.md):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:engagements
 */
import { type ChildProcess, fork } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../src/adapters/db/database.ts';
import { PORTFOLIO_USERS, seedPortfolio } from '../src/cli/seed-portfolio.ts';
import { loadConfig } from '../src/config.ts';
import { buildDeps } from '../src/main.ts';
import { drive, type Measure, summarise } from './load.ts';
import { printVerdicts, VERDICT_OPTIONS, verdict } from './verdicts.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    /** Comma-separated search terms; an empty string measures the unfiltered list. */
    searches: { type: 'string', default: 'boul,gar,martin,ie,rou,ber' },
    /** Keeps lettrine_bench when it already holds the portfolio (migrations applied): no new seed. */
    reuse: { type: 'boolean', default: false },
    /** A directory: the servers' process writes its CPU profile there (node --cpu-prof) as it ends. */
    'cpu-profile': { type: 'string' },
    ...VERDICT_OPTIONS,
  },
});
if (values.quick) Object.assign(values, { clients: '1000', seconds: '2', warmup: '1', rounds: '1' });
const [clients, seconds, warmup, rounds, connections] = [
  values.clients,
  values.seconds,
  values.warmup,
  values.rounds,
  values.connections,
].map(Number) as [number, number, number, number, number];
const SEARCHES = values.searches.split(',').map((term) => term.trim());
const DATABASE = 'lettrine_bench';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('DATABASE_URL est requis (un serveur PostgreSQL) : la base lettrine_bench y sera recréée.');
  process.exit(1);
}
const benchUrl = new URL(adminUrl);
benchUrl.pathname = `/${DATABASE}`;

/** With --reuse, the firm already seeded with as many clients, else undefined. */
const seededFirm = async (): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: benchUrl.toString() });
  try {
    await client.connect();
    const { rows } = await client.query<{ id: string; clients: string }>(
      `select f.id, (select count(*) from engagements e where e.firm_id = f.id and e.state = 'client') as clients
       from firms f where f.name = 'Cabinet Benchmark'`,
    );
    return rows[0] && Number(rows[0].clients) === clients ? rows[0].id : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
};

const recreateDatabase = async (keep: boolean) => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!keep) {
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
  }
  const version = (await admin.query('show server_version')).rows[0]?.server_version;
  await admin.end();
  return version as string;
};

const seed = async (reused: string | undefined) => {
  const database = await openPostgres(benchUrl.toString());
  await database.migrate();
  if (reused) {
    await database.close();
    console.log(`Portefeuille de ${clients} clients repris (--reuse).`);
    return reused;
  }
  const result = await seedPortfolio((await buildDeps(database, loadConfig({}))).deps, {
    clients,
    log: console.log,
    database,
  });
  await database.close();
  return result.firmId;
};

const startServers = (firmId: string) =>
  new Promise<{ child: ChildProcess; lettrine: number; bare: number }>((resolve, reject) => {
    const child = fork(new URL('./servers.ts', import.meta.url).pathname, [], {
      execArgv: [
        '--import',
        'tsx',
        ...(values['cpu-profile'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-profile']] : []),
      ],
      env: { ...process.env, BENCH_DATABASE_URL: benchUrl.toString(), BENCH_FIRM_ID: firmId },
    });
    child.once('message', (ports) => resolve({ child, ...(ports as { lettrine: number; bare: number }) }));
    child.once('exit', (code) => reject(new Error(`servers exited with ${code}`)));
  });

const login = async (port: number) => {
  const [user] = PORTFOLIO_USERS;
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lettrine_session='));
  if (!cookie) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return { cookie: cookie.split(';')[0] ?? '' };
};

/** A fixed pseudo-random order, the same for both servers and every run. */
const hash = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 7);

const query = (search: string, page: number) =>
  `?state=client&sort=companyName&direction=asc&pageSize=50${search ? `&search=${encodeURIComponent(search)}` : ''}&page=${page}`;

/** Every page of each search (at most 20 a search), in a fixed shuffled order; checks both servers agree. */
const buildPaths = async (ports: { lettrine: number; bare: number }, headers: Record<string, string>) => {
  const queries: string[] = [];
  for (const search of SEARCHES) {
    const first = await fetch(`http://127.0.0.1:${ports.lettrine}/api/v1/engagements${query(search, 1)}`, {
      headers,
    });
    const { total } = (await first.json()) as { total: number };
    for (let page = 1; page <= Math.min(20, Math.ceil(total / 50)); page++) queries.push(query(search, page));
  }
  queries.sort((a, b) => hash(a) - hash(b));
  const sample = queries[Math.floor(queries.length / 2)] ?? '';
  const ids = async (url: string, h = {}) =>
    ((await (await fetch(url, { headers: h })).json()) as { items: { id: string }[] }).items.map((e) => e.id);
  const same =
    JSON.stringify(await ids(`http://127.0.0.1:${ports.lettrine}/api/v1/engagements${sample}`, headers)) ===
    JSON.stringify(await ids(`http://127.0.0.1:${ports.bare}/engagements${sample}`));
  if (!same) throw new Error(`the two servers disagree on ${sample}`);
  return queries;
};

const main = async () => {
  const reused = values.reuse ? await seededFirm() : undefined;
  const serverVersion = await recreateDatabase(reused !== undefined);
  const firmId = await seed(reused);
  const servers = await startServers(firmId);
  try {
    const headers = await login(servers.lettrine);
    const queries = await buildPaths(servers, headers);
    const targets = {
      lettrine: { port: servers.lettrine, paths: queries.map((q) => `/api/v1/engagements${q}`), headers },
      bare: { port: servers.bare, paths: queries.map((q) => `/engagements${q}`), headers: {} },
    };
    console.log(
      `\n${queries.length} pages (recherches : ${SEARCHES.map((s) => s || '(aucune)').join(', ')}), ${connections} connexions, ${rounds} × ${seconds} s par cible`,
    );
    for (const target of Object.values(targets)) await drive({ ...target, seconds: warmup, connections });
    const runs: Record<keyof typeof targets, Measure[]> = { lettrine: [], bare: [] };
    for (let round = 0; round < rounds; round++) {
      for (const name of ['bare', 'lettrine'] as const)
        runs[name].push(await drive({ ...targets[name], seconds, connections }));
    }
    const real = summarise(runs.lettrine);
    const bare = summarise(runs.bare);
    const row = (label: string, s: typeof real) =>
      `${label.padEnd(16)}${s.perSecond.toFixed(0).padStart(8)} req/s   p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   échecs ${s.failures}`;
    console.log(
      `\nNode ${process.version}, PostgreSQL ${serverVersion}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    );
    console.log(row('Lettrine', real));
    console.log(row('Fastify + pg', bare));
    const ratio = real.perSecond / bare.perSecond;
    const searched = SEARCHES.some(Boolean) ? 'avec recherche' : 'sans recherche';
    printVerdicts(
      `liste des clients, ${clients} clients, ${connections} connexions`,
      [
        verdict(`Lettrine, p95 ${searched}`, `${real.p95.toFixed(1)} ms`, '≤ 50 ms', real.p95 <= 50),
        verdict('Lettrine / SQL nu, req/s', ratio.toFixed(2), '≥ 0,5', ratio >= 0.5),
        verdict(
          'échecs (non-200, erreurs, délais)',
          String(real.failures + bare.failures),
          '0',
          real.failures + bare.failures === 0,
        ),
      ],
      { strict: values.strict, quick: values.quick },
    );
    if (real.failures + bare.failures > 0) process.exitCode = 1;
  } finally {
    servers.child.kill();
  }
};

await main();
