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

/** What the engagement store runs for the list (src/adapters/db/engagement-store.ts), by hand. */
const FROM_WHERE = `
  from engagements e
  join companies c on c.firm_id = e.firm_id and c.id = e.company_id
  where e.firm_id = $1 and e.state = $2
    and ($3::text is null or c.name ilike $3 or e.title ilike $3 or e.client_code ilike $3)`;
const PAGE_SQL = `
  select e.id, e.company_id as "companyId", e.title, e.state, e.responsible_user_id as "responsibleUserId",
    e.signatory_contact_id as "signatoryContactId", e.client_code as "clientCode",
    e.converted_at as "convertedAt", e.version, e.created_at as "createdAt", e.updated_at as "updatedAt",
    c.name as "companyName", c.siren, u.name as "responsibleName"
  from engagements e
  join companies c on c.firm_id = e.firm_id and c.id = e.company_id
  join users u on u.firm_id = e.firm_id and u.id = e.responsible_user_id
  where e.firm_id = $1 and e.state = $2
    and ($3::text is null or c.name ilike $3 or e.title ilike $3 or e.client_code ilike $3)
  order by c.name asc, e.id asc
  limit $4 offset $5`;

const bareServer = async () => {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const app = Fastify({ logger: false });
  app.get('/engagements', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const page = Number(query.page ?? 1);
    const pageSize = Number(query.pageSize ?? 50);
    const search = query.search?.trim();
    const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const state = query.state ?? 'client';
    const [rows, count] = await Promise.all([
      pool.query(PAGE_SQL, [firmId, state, pattern, pageSize, (page - 1) * pageSize]),
      pool.query(`select count(*) as value ${FROM_WHERE}`, [firmId, state, pattern]),
    ]);
    return { items: rows.rows, total: Number(count.rows[0]?.value ?? 0), page, pageSize };
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
