/**
 * The two servers under test, in a process of their own so that the load generator does not share
 * their event loop: the real Lettrine app, and a bare Fastify + pg endpoint running the same SQL.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { openPostgres } from '../src/adapters/db/database.ts';
import { loadConfig } from '../src/config.ts';
import { createApp } from '../src/http/create-app.ts';
import { buildDeps } from '../src/main.ts';

const url = process.env.BENCH_DATABASE_URL ?? '';
const firmId = process.env.BENCH_FIRM_ID ?? '';
const POOL_SIZE = 10;

/**
 * The best this database does for a page, by hand: what the engagement store runs
 * (src/adapters/db/engagement-store.ts): the page's ids chosen on engagements alone through the
 * trigram index (firm_id, search_text) or the (firm_id, company_name, id) index; with a search, the
 * matches taken in order up to 1 000 (or the page asked) plus one and counted by a window over
 * those; then the 50 rows joined to their company and user.
 */
const SEARCH_COUNT_LIMIT = 1_000;
const CHOSEN_PLAIN = `
  select firm_id, id, null::bigint as total from engagements
  where firm_id = $1 and state = $2
  order by company_name asc, id asc limit $3 offset $4`;
const CHOSEN_SEARCH = `
  select firm_id, id, count(*) over () as total from (
    select firm_id, id, company_name from engagements
    where firm_id = $1 and state = $2 and search_text like lettrine_fold($5)
    order by company_name asc, id asc limit $6) matches
  order by company_name asc, id asc limit $3 offset $4`;
const pageSql = (search: boolean) => `
  select e.id, e.company_id as "companyId", e.title, e.state, e.responsible_user_id as "responsibleUserId",
    e.signatory_contact_id as "signatoryContactId", e.client_code as "clientCode",
    e.converted_at as "convertedAt", e.version, e.created_at as "createdAt", e.updated_at as "updatedAt",
    e.company_name as "companyName", c.siren, u.name as "responsibleName", chosen.total
  from (${search ? CHOSEN_SEARCH : CHOSEN_PLAIN}) chosen
  join engagements e on e.firm_id = chosen.firm_id and e.id = chosen.id
  join companies c on c.firm_id = e.firm_id and c.id = e.company_id
  join users u on u.firm_id = e.firm_id and u.id = e.responsible_user_id
  order by e.company_name asc, e.id asc`;
const COUNT_SQL = 'select count(*) as value from engagements where firm_id = $1 and state = $2';

const bareServer = async () => {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const app = Fastify({ logger: false });
  app.get('/engagements', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const page = Number(query.page ?? 1);
    const pageSize = Number(query.pageSize ?? 50);
    const raw = query.search?.trim();
    const search = raw && /^[\d\s]+$/.test(raw) ? raw.replace(/\s/g, '') : raw;
    const state = query.state ?? 'client';
    const offset = (page - 1) * pageSize;
    const params = [firmId, state, pageSize, offset];
    const countLimit = Math.max(SEARCH_COUNT_LIMIT, offset + pageSize) + 1;
    if (search) params.push(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, countLimit);
    const { rows } = await pool.query(pageSql(Boolean(search)), params);
    let total = Number(rows[0]?.total ?? 0);
    if (!search && rows.length === pageSize)
      total = Number((await pool.query(COUNT_SQL, [firmId, state])).rows[0]?.value ?? 0);
    else if (!search) total = offset + rows.length;
    const capped = search && total >= countLimit;
    if (capped) total = countLimit - 1;
    for (const row of rows) delete row.total;
    return { items: rows, total, page, pageSize, ...(capped ? { totalIsExact: false } : {}) };
  });
  return Number(new URL(await app.listen({ host: '127.0.0.1', port: 0 })).port);
};

const lettrineServer = async () => {
  const database = await openPostgres(url, { max: POOL_SIZE });
  const app = await createApp((await buildDeps(database, loadConfig({}))).deps, { logger: false });
  return Number(new URL(await app.listen({ host: '127.0.0.1', port: 0 })).port);
};

const [lettrine, bare] = await Promise.all([lettrineServer(), bareServer()]);
process.send?.({ lettrine, bare });
process.on('disconnect', () => process.exit(0));
// Ending through exit() lets node write the --cpu-prof profile the bench may have asked for.
process.on('SIGTERM', () => process.exit(0));
