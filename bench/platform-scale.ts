/**
 * Benchmark (issue 19, item 4): platform scale. The cost of a firm's request grows with the firm's
 * size, not the platform's. On PostgreSQL (DATABASE_URL, database lettrine_bench_platform dropped
 * and created again unless --reuse): a 10 000-client reference firm and a 50-client firm are seeded
 * and measured alone; then 1 999 more 50-client firms (copies of the first, in SQL) and one
 * 100 000-client firm are added and every firm is measured again, through the real app over HTTP,
 * one request at a time. Then EXPLAIN (FORMAT JSON) of the statements those requests ran, captured
 * from the pg driver: each must read through an index whose first column is firm_id. Usage:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:platform
 *   npm run bench:platform -- --quick --strict   # 200 firms × 20, a 20 000 firm, a 2 000 reference
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Database, openPostgres } from '../src/adapters/db/database.ts';
import type { Actor } from '../src/application/actor.ts';
import { createCampaign } from '../src/application/campaigns/manage-campaigns.ts';
import type { Deps } from '../src/application/ports/index.ts';
import { PORTFOLIO_USERS, seedPortfolio } from '../src/cli/seed-portfolio.ts';
import { createApp } from '../src/http/create-app.ts';
import { benchDeps } from './campaign-setup.ts';
import { printVerdicts, VERDICT_OPTIONS, type Verdict, verdict } from './verdicts.ts';

const { values } = parseArgs({
  options: {
    /** Small firms on the platform, each with `firm-clients` clients. */
    firms: { type: 'string', default: '2000' },
    'firm-clients': { type: 'string', default: '50' },
    large: { type: 'string', default: '100000' },
    reference: { type: 'string', default: '10000' },
    /** Requests measured per firm and kind (list page, search, document, scope). */
    samples: { type: 'string', default: '60' },
    'preview-rounds': { type: 'string', default: '5' },
    'large-preview-rounds': { type: 'string', default: '2' },
    /** Keeps lettrine_bench_platform when it already holds the whole platform: no seed, no « before ». */
    reuse: { type: 'boolean', default: false },
    ...VERDICT_OPTIONS,
  },
});
if (values.quick)
  Object.assign(values, {
    firms: '200',
    'firm-clients': '20',
    large: '20000',
    reference: '2000',
    samples: '30',
    'preview-rounds': '3',
    'large-preview-rounds': '1',
  });
const num = (key: keyof typeof values) => Number(values[key]);
const SIZES = {
  firms: num('firms'),
  small: num('firm-clients'),
  large: num('large'),
  reference: num('reference'),
};
const SAMPLES = num('samples');
const DATABASE = 'lettrine_bench_platform';
const SLUGS = {
  reference: 'cabinet-reference',
  small: 'petit-cabinet-0000',
  large: 'grand-cabinet',
} as const;
const SCOPE_DATE = '2026-11-01';
const SEARCHES = ['boul', 'gar', 'martin', 'rou', 'ber', 'lan'];
const KINDS = ['list', 'search', 'document', 'scope', 'preview'] as const;
type Kind = (typeof KINDS)[number];
const KIND_LABELS: Record<Kind, string> = {
  list: 'liste (une page)',
  search: 'liste, recherche par nom',
  document: 'page d’un document signé',
  scope: 'périmètre à une date',
  preview: 'aperçu de renouvellement',
};

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error(`DATABASE_URL est requis (un serveur PostgreSQL) : la base ${DATABASE} y sera recréée.`);
  process.exit(1);
}
const benchUrl = new URL(adminUrl);
benchUrl.pathname = `/${DATABASE}`;

// ---------------------------------------------------------------------------------------------
// Statements the app runs, captured from the driver while a flag is up (for EXPLAIN afterwards).

type Captured = { text: string; values: unknown[]; kind: Kind; firm: string };
/** By statement text: its first run for each firm measured (the reference, a small firm). */
const captured = new Map<string, Captured[]>();
let capturing: { kind: Kind; firm: string } | undefined;
const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = clientProto.query;
clientProto.query = function (this: unknown, ...args: unknown[]) {
  if (capturing) {
    const [config, second] = args;
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    const params =
      typeof config === 'object' && config && 'values' in config
        ? (config as { values?: unknown[] }).values
        : Array.isArray(second)
          ? second
          : undefined;
    const runs = text && /^\s*(select|with)\b/i.test(text) ? (captured.get(text) ?? []) : undefined;
    if (text && runs && !runs.some((run) => run.firm === capturing?.firm))
      captured.set(text, [...runs, { text, values: params ?? [], ...capturing }]);
  }
  return originalQuery.apply(this, args);
};

// ---------------------------------------------------------------------------------------------
// Database: recreate, seed, copy the small firm.

const raw = async <T>(url: string, fn: (client: pg.Client) => Promise<T>) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** With --reuse: whether the database already holds the whole platform at these sizes. */
const platformSeeded = async () => {
  try {
    return await raw(benchUrl.toString(), async (client) => {
      const { rows } = await client.query<{ slug: string; clients: string }>(
        `select f.slug, count(e.id) as clients from firms f
         left join engagements e on e.firm_id = f.id and e.state = 'client' group by f.slug`,
      );
      const clients = new Map(rows.map((r) => [r.slug, Number(r.clients)]));
      return (
        clients.get(SLUGS.reference) === SIZES.reference &&
        clients.get(SLUGS.large) === SIZES.large &&
        clients.get(SLUGS.small) === SIZES.small &&
        rows.filter((r) => r.slug.startsWith('petit-cabinet-')).length === SIZES.firms
      );
    });
  } catch {
    return false;
  }
};

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const seedFirm = async (deps: Deps, database: Database, slug: string, clients: number) => {
  const started = performance.now();
  const { firmId } = await seedPortfolio(deps, {
    clients,
    firmSlug: slug,
    database,
    log: (line) => {
      if (clients >= 10_000 || !line.startsWith('  ')) console.log(`  [${slug}] ${line.trim()}`);
    },
  });
  console.log(`  ${slug} : ${clients} clients en ${seconds(started)}`);
  return firmId;
};

/**
 * The other small firms, as copies of the seeded one: every row of every table keyed on firm_id,
 * with a new firm_id and the same ids (every key is (firm_id, …), so ids repeat across firms as
 * they may). Triggers and foreign-key checks are off (session_replication_role = replica): the rows
 * copied are the seeded firm's, already consistent. Users keep their e-mails: the login names the firm.
 */
const copySmallFirm = async (client: pg.Client, templateId: string, copies: number) => {
  const started = performance.now();
  const { rows: tables } = await client.query<{ table: string; columns: string[] }>(`
    select c.relname as table,
      array_agg(a.attname::text order by a.attnum) filter (where a.attname <> 'firm_id') as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    join pg_constraint pk on pk.conrelid = c.oid and pk.contype = 'p'
    where c.relkind = 'r' and c.relname <> 'firms'
      and exists (select 1 from pg_attribute f where f.attrelid = c.oid and f.attname = 'firm_id')
      and (select attnum from pg_attribute f where f.attrelid = c.oid and f.attname = 'firm_id') = any (pk.conkey)
    group by c.relname`);
  const { rows: firmColumns } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute where attrelid = 'firms'::regclass and attnum > 0
     and not attisdropped and attgenerated = '' and attname not in ('id', 'slug') order by attnum`,
  );
  const quote = (name: string) => `"${name}"`;
  const batch = 250;
  for (let from = 1; from <= copies; from += batch) {
    const to = Math.min(copies, from + batch - 1);
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(
      `create temp table clone_map on commit drop as
       select gen_random_uuid() as id, 'petit-cabinet-' || lpad(n::text, 4, '0') as slug
       from generate_series(${from}, ${to}) n`,
    );
    const others = firmColumns.map((c) => quote(c.name));
    await client.query(
      `insert into firms (id, slug, ${others.join(', ')})
       select m.id, m.slug, ${others.map((c) => `f.${c}`).join(', ')} from firms f cross join clone_map m where f.id = $1`,
      [templateId],
    );
    for (const { table, columns } of tables) {
      const list = columns.map(quote);
      await client.query(
        `insert into ${quote(table)} (firm_id, ${list.join(', ')})
         select m.id, ${list.map((c) => `t.${c}`).join(', ')} from ${quote(table)} t cross join clone_map m
         where t.firm_id = $1`,
        [templateId],
      );
    }
    await client.query('commit');
    console.log(`  ${to} / ${copies} copies (${seconds(started)})`);
  }
  return tables.map((t) => t.table);
};

// ---------------------------------------------------------------------------------------------
// Requests.

type FirmTarget = {
  slug: string;
  clients: number;
  headers: Record<string, string>;
  paths: Record<Kind, string[]>;
};

const login = async (baseUrl: string, slug: string) => {
  const [user] = PORTFOLIO_USERS;
  // Every firm's associé has the same e-mail, and the fixed clock never ends a limit's window: the
  // logins of this run and of earlier --reuse runs would add up to the login limit (429).
  await raw(benchUrl.toString(), (client) => client.query('delete from rate_limits'));
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password, firm: slug }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lettrine_session='));
  if (!cookie) throw new Error(`login to ${slug} failed: ${response.status} ${await response.text()}`);
  return { cookie: cookie.split(';')[0] ?? '' };
};

const targetOf = async (deps: Deps, baseUrl: string, slug: string, clients: number): Promise<FirmTarget> => {
  const ids = await raw(benchUrl.toString(), async (client) => {
    const firm = (await client.query<{ id: string }>('select id from firms where slug = $1', [slug])).rows[0];
    if (!firm) throw new Error(`${slug} is missing`);
    const engagements = await client.query<{ id: string }>(
      `select id from engagements where firm_id = $1 and state = 'client' order by client_code limit 200`,
      [firm.id],
    );
    const letters = await client.query<{ id: string }>(
      `select id from documents where firm_id = $1 and kind = 'engagement_letter' and status = 'signed'
       order by number limit 200`,
      [firm.id],
    );
    return { firmId: firm.id, engagements: engagements.rows, letters: letters.rows };
  });
  const spread = <T>(rows: T[]) => rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / 50)) === 0);
  const user = (await deps.store.read(ids.firmId).users.list()).find(
    (u) => u.email === PORTFOLIO_USERS[0].email,
  );
  if (!user) throw new Error(`no associé in ${slug}`);
  const actor: Actor = { firmId: ids.firmId, userId: user.id, role: user.role, name: user.name };
  const campaign = await createCampaign(deps, actor, {
    name: 'Renouvellement 2027 (bench)',
    settings: {
      revaluation: { method: 'coefficient', coefficient: '1.03' },
      rounding: 'cent',
      effectiveDate: '2027-01-01',
      validUntil: '2026-12-31',
    },
  });
  const list = (extra: string, page: number) =>
    `/api/v1/engagements?state=client&sort=companyName&direction=asc&pageSize=50${extra}&page=${page}`;
  const pages = Math.min(20, Math.ceil(clients / 50));
  return {
    slug,
    clients,
    headers: await login(baseUrl, slug),
    paths: {
      list: Array.from({ length: pages }, (_, i) => list('', ((i * 7) % pages) + 1)),
      search: SEARCHES.map((term) => list(`&search=${term}`, 1)),
      document: spread(ids.letters).map((l) => `/api/v1/documents/${l.id}`),
      scope: spread(ids.engagements).map((e) => `/api/v1/engagements/${e.id}/scope?date=${SCOPE_DATE}`),
      preview: [`/api/v1/campaigns/${campaign.id}/preview?page=1&pageSize=50`],
    },
  };
};

const p95 = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
};

type Figures = Record<Kind, { p50: number; p95: number; n: number }>;

const request = async (baseUrl: string, target: FirmTarget, path: string) => {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: target.headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return performance.now() - started;
};

/** Each kind in turn, one request at a time: a few to warm up, then `count` measured. */
const measureFirm = async (
  baseUrl: string,
  target: FirmTarget,
  phase: string,
  capture = false,
): Promise<Figures> => {
  const figures = {} as Figures;
  for (const kind of KINDS) {
    const count =
      kind !== 'preview'
        ? SAMPLES
        : target.clients >= SIZES.large
          ? num('large-preview-rounds')
          : target.clients >= SIZES.reference
            ? num('preview-rounds')
            : SAMPLES;
    const paths = target.paths[kind];
    if (capture) capturing = { kind, firm: target.slug };
    // A few unmeasured requests first (one preview; none for the large firm's, which takes long).
    const warmups = kind !== 'preview' ? 3 : target.clients >= SIZES.large ? 0 : 1;
    for (let i = 0; i < Math.min(warmups, paths.length); i++) await request(baseUrl, target, paths[i] ?? '');
    const latencies: number[] = [];
    for (let i = 0; i < count; i++)
      latencies.push(await request(baseUrl, target, paths[i % paths.length] ?? ''));
    capturing = undefined;
    const sorted = [...latencies].sort((a, b) => a - b);
    figures[kind] = {
      p50: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
      p95: p95(latencies),
      n: count,
    };
  }
  console.log(
    `  ${phase.padEnd(10)} ${target.slug.padEnd(20)} ${KINDS.map((k) => `${k} ${ms(figures[k].p95)}`).join('  ')}`,
  );
  return figures;
};

const ms = (value: number) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;

// ---------------------------------------------------------------------------------------------
// EXPLAIN: every scan of a table keyed on firm_id goes through an index whose first column is firm_id.

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

/** The session and API-token lookups: by the token alone, before the firm is known (the one exception). */
const isAuthLookup = (text: string) => /"token_hash" = /.test(text);

type PlanCheck = { statement: Captured; scans: string[]; bad: string[]; forced: boolean; rows: string[] };

/** Below this many rows (all firms together) a sequential scan is the planner's right choice. */
const SMALL_TABLE = 50_000;

/**
 * EXPLAIN (FORMAT JSON) of every captured statement with the values it ran with. Every index scan
 * of a table keyed on firm_id must use an index whose first column is firm_id; a sequential scan of
 * such a table is a failure, unless the table holds fewer than SMALL_TABLE rows (all firms together):
 * then the statement is explained again with enable_seqscan off, and that plan is the one judged.
 */
const explainAll = async () =>
  raw(benchUrl.toString(), async (client) => {
    const { rows: indexRows } = await client.query<{ index: string; table: string; first: string }>(`
      select i.relname as index, t.relname as table, a.attname as first
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]`);
    const indexes = new Map(indexRows.map((r) => [r.index, r]));
    const { rows: tableRows } = await client.query<{ table: string; rows: string }>(`
      select c.relname as table, c.reltuples::bigint::text as rows from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      where c.relkind = 'r' and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'firm_id')`);
    const firmTables = new Map(tableRows.map((r) => [r.table, Number(r.rows)]));
    const explain = async (statement: Captured, seqscan: boolean) => {
      await client.query('begin');
      try {
        if (!seqscan) await client.query('set local enable_seqscan = off');
        const { rows } = await client.query(`explain (format json) ${statement.text}`, statement.values);
        return (rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]?.Plan;
      } finally {
        await client.query('rollback');
      }
    };
    const check = (plan: PlanNode | undefined) => {
      const scans: string[] = [];
      const bad: string[] = [];
      const seqScanned: string[] = [];
      const walk = (node: PlanNode) => {
        const index = node['Index Name'];
        const relation = node['Relation Name'];
        if (index) {
          const known = indexes.get(index);
          scans.push(`${index} (${known?.table ?? relation ?? '?'}, 1re colonne ${known?.first ?? '?'})`);
          if (known?.first !== 'firm_id' && firmTables.has(known?.table ?? relation ?? '')) bad.push(index);
        } else if (relation && node['Node Type'] === 'Seq Scan') {
          scans.push(`Seq Scan ${relation}`);
          if (firmTables.has(relation)) {
            bad.push(`Seq Scan ${relation}`);
            seqScanned.push(relation);
          }
        }
        for (const child of node.Plans ?? []) walk(child);
      };
      if (plan) walk(plan);
      return { scans, bad, seqScanned };
    };
    const results: PlanCheck[] = [];
    for (const runs of captured.values())
      for (const statement of runs) {
        let judged = check(await explain(statement, true));
        const small = judged.seqScanned.filter((t) => (firmTables.get(t) ?? 0) < SMALL_TABLE);
        const rows = small.map((t) => `${t} : ${firmTables.get(t)} lignes`);
        const forced = small.length > 0 && small.length === judged.seqScanned.length;
        if (forced) judged = check(await explain(statement, false));
        results.push({ statement, scans: judged.scans, bad: judged.bad, forced, rows });
      }
    return results;
  });

const shortSql = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const from = flat.match(/\bfrom "?(\w+)"?/i)?.[1] ?? '?';
  return `${from}: ${flat.slice(0, 110)}${flat.length > 110 ? '…' : ''}`;
};

/** Tables without firm_id, and keys (primary, unique, foreign) that do not include it: the Citus check. */
const keyReport = async () =>
  raw(benchUrl.toString(), async (client) => {
    const { rows: tables } = await client.query<{ schema: string; table: string }>(`
      select t.table_schema as schema, t.table_name as table from information_schema.tables t
      where t.table_schema not in ('pg_catalog', 'information_schema') and t.table_type = 'BASE TABLE'
        and not exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema
          and c.table_name = t.table_name and c.column_name = 'firm_id')
      order by 1, 2`);
    const { rows: constraints } = await client.query<{ table: string; name: string; type: string }>(`
      select t.relname as table, c.conname as name, c.contype::text as type from pg_constraint c
      join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      where c.contype in ('p', 'u', 'f')
        and exists (select 1 from pg_attribute f where f.attrelid = t.oid and f.attname = 'firm_id')
        and not (select attnum from pg_attribute f where f.attrelid = t.oid and f.attname = 'firm_id') = any (c.conkey)
      order by 1, 2`);
    return { tables, constraints };
  });

// ---------------------------------------------------------------------------------------------

const main = async () => {
  const reuse = values.reuse && (await platformSeeded());
  const serverVersion = await raw(adminUrl, async (admin) => {
    if (!reuse) {
      await admin.query(`drop database if exists ${DATABASE} with (force)`);
      await admin.query(`create database ${DATABASE}`);
    }
    return String((await admin.query('show server_version')).rows[0]?.server_version);
  });
  console.log(
    `PostgreSQL ${serverVersion}, base ${DATABASE}${reuse ? ' (reprise, --reuse : pas de mesure « avant »)' : ''}`,
  );
  console.log(
    `Plateforme : ${SIZES.firms} cabinets × ${SIZES.small} clients, un cabinet de ${SIZES.large} clients, référence ${SIZES.reference} clients`,
  );
  const database = await openPostgres(benchUrl.toString(), { onIdleClientError: () => {} });
  await database.migrate();
  const deps = benchDeps(database);
  const app = await createApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const before: Partial<Record<'reference' | 'small', Figures>> = {};
  try {
    if (!reuse) {
      console.log('\n1. Le cabinet de référence et un petit cabinet, seuls sur la base');
      await seedFirm(deps, database, SLUGS.reference, SIZES.reference);
      const templateId = await seedFirm(deps, database, SLUGS.small, SIZES.small);
      before.reference = await measureFirm(
        baseUrl,
        await targetOf(deps, baseUrl, SLUGS.reference, SIZES.reference),
        'seul',
      );
      before.small = await measureFirm(
        baseUrl,
        await targetOf(deps, baseUrl, SLUGS.small, SIZES.small),
        'seul',
      );
      console.log(
        `\n2. ${SIZES.firms - 1} autres petits cabinets (copies en SQL) et le cabinet de ${SIZES.large} clients`,
      );
      const copied = await raw(benchUrl.toString(), (client) =>
        copySmallFirm(client, templateId, SIZES.firms - 1),
      );
      console.log(`  tables copiées : ${copied.length}`);
      await seedFirm(deps, database, SLUGS.large, SIZES.large);
      const analyzed = performance.now();
      // VACUUM too, not only ANALYZE: a bulk-loaded table has no visibility map yet, so no
      // index-only scan (the list's count(*) on (firm_id, state, …) read the heap instead).
      await database.executeSql('vacuum (analyze)');
      console.log(`  vacuum (analyze) : ${seconds(analyzed)}`);
    }
    const counts = await raw(benchUrl.toString(), async (client) => {
      const one = async (sql: string) => Number((await client.query(sql)).rows[0]?.n);
      return {
        firms: await one('select count(*) as n from firms'),
        engagements: await one('select count(*) as n from engagements'),
        documents: await one('select count(*) as n from documents'),
        lines: await one('select count(*) as n from document_lines'),
        events: await one('select count(*) as n from events'),
        size: String(
          (await client.query('select pg_size_pretty(pg_database_size(current_database())) as s')).rows[0]?.s,
        ),
      };
    });
    console.log(
      `  base : ${counts.firms} cabinets, ${counts.engagements} affaires, ${counts.documents} documents, ${counts.lines} lignes, ${counts.events} événements, ${counts.size}`,
    );

    console.log('\n3. Sur la plateforme entière');
    const targets = {
      reference: await targetOf(deps, baseUrl, SLUGS.reference, SIZES.reference),
      small: await targetOf(deps, baseUrl, SLUGS.small, SIZES.small),
      large: await targetOf(deps, baseUrl, SLUGS.large, SIZES.large),
    };
    const after = {
      reference: await measureFirm(baseUrl, targets.reference, 'plateforme'),
      small: await measureFirm(baseUrl, targets.small, 'plateforme'),
      // Its statements are captured as it runs: its previews take too long to run again for EXPLAIN.
      large: await measureFirm(baseUrl, targets.large, 'plateforme', true),
    };

    console.log('\n4. Requêtes capturées (référence, petit cabinet, grand cabinet), EXPLAIN (FORMAT JSON)');
    for (const firm of ['reference', 'small'] as const)
      for (const kind of KINDS) {
        capturing = { kind, firm: targets[firm].slug };
        for (const path of targets[firm].paths[kind].slice(0, 2)) await request(baseUrl, targets[firm], path);
        capturing = undefined;
      }
    const plans = await explainAll();
    const planVerdicts: Verdict[] = [];
    const byText = new Map<string, PlanCheck[]>();
    for (const check of plans)
      byText.set(check.statement.text, [...(byText.get(check.statement.text) ?? []), check]);
    for (const [text, checks] of byText) {
      const [first] = checks;
      if (!first) continue;
      const failed = checks.filter((c) => c.bad.length > 0);
      const auth = isAuthLookup(text);
      const mark = auth ? 'EXEMPT' : failed.length ? 'FAIL' : 'PASS';
      console.log(`  ${mark.padEnd(6)} ${first.statement.kind} · ${shortSql(text)}`);
      for (const c of checks)
        console.log(
          `         ${c.statement.firm} : ${c.scans.join(', ') || '(aucune table lue)'}${c.forced ? ` [parcours séquentiel choisi sur une petite table (${c.rows.join(', ')}) ; plan ci-contre avec enable_seqscan = off]` : ''}`,
        );
      if (auth) {
        console.log('         la session se lit par son jeton avant que le cabinet soit connu (exception)');
        continue;
      }
      if (checks.some((c) => c.scans.length > 0))
        planVerdicts.push(
          verdict(
            `EXPLAIN ${first.statement.kind} · ${shortSql(text).slice(0, 34)}`,
            failed.length ? [...new Set(failed.flatMap((c) => c.bad))].join(', ') : 'index (firm_id, …)',
            '1re colonne firm_id',
            failed.length === 0,
          ),
        );
    }

    const keys = await keyReport();
    console.log('\n5. Tables sans firm_id, et clés sans firm_id sur les tables qui l’ont');
    for (const t of keys.tables) console.log(`  table ${t.schema}.${t.table}`);
    for (const c of keys.constraints)
      console.log(
        `  ${{ p: 'clé primaire', u: 'unicité', f: 'clé étrangère' }[c.type] ?? c.type} ${c.name} (${c.table})`,
      );

    console.log('\nRésultats (p95, requêtes une à une par HTTP)');
    const header = `  ${'mesure'.padEnd(28)}${['réf. seul', 'réf. plateforme', 'ratio', 'petit seul', 'petit plateforme', 'ratio', `${SIZES.large} clients`, '/ réf.'].map((h) => h.padStart(17)).join('')}`;
    console.log(header);
    const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : '—');
    for (const kind of KINDS)
      console.log(
        `  ${KIND_LABELS[kind].padEnd(28)}${[
          before.reference ? ms(before.reference[kind].p95) : '—',
          ms(after.reference[kind].p95),
          ratio(after.reference[kind].p95, before.reference?.[kind].p95),
          before.small ? ms(before.small[kind].p95) : '—',
          ms(after.small[kind].p95),
          ratio(after.small[kind].p95, before.small?.[kind].p95),
          ms(after.large[kind].p95),
          ratio(after.large[kind].p95, after.reference[kind].p95),
        ]
          .map((c) => c.padStart(17))
          .join('')}`,
      );

    const verdicts: Verdict[] = [];
    // Each firm measured alone, then on the whole platform: its p95 within 1.5 × of the first.
    for (const firm of ['reference', 'small'] as const)
      for (const kind of KINDS) {
        const [now, alone] = [after[firm][kind].p95, before[firm]?.[kind].p95];
        if (alone)
          verdicts.push(
            verdict(
              `${SIZES[firm]} clients, ${KIND_LABELS[kind]}, plateforme / seul`,
              `${(now / alone).toFixed(2)} (${ms(now)})`,
              '≤ 1,5',
              now <= 1.5 * alone,
            ),
          );
      }
    for (const kind of KINDS.filter((k) => k !== 'preview')) {
      const [large, ref] = [after.large[kind].p95, after.reference[kind].p95];
      verdicts.push(
        verdict(
          `${SIZES.large} clients, ${KIND_LABELS[kind]}, / référence`,
          `${(large / ref).toFixed(2)} (${ms(large)})`,
          '≤ 1,5',
          large <= 1.5 * ref,
        ),
      );
    }
    console.log(
      `\n  Aperçu à ${SIZES.large} clients : ${ms(after.large.preview.p95)}, ${ratio(after.large.preview.p95, after.reference.preview.p95)} × celui de la référence (${(SIZES.large / SIZES.reference).toFixed(0)} × plus de clients ; indicatif, sans objectif)`,
    );
    printVerdicts(
      `plateforme, ${SIZES.firms} cabinets × ${SIZES.small} clients + ${SIZES.large} + référence ${SIZES.reference}`,
      [...verdicts, ...planVerdicts],
      { strict: values.strict, quick: values.quick },
    );
  } finally {
    await app.close();
    await database.close();
  }
};

await main();
