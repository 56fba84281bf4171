import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aFirmWithData, aProspect, type FirmData } from '../builders/through-api.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

type Item = { id: string; companyName: string };

/**
 * Issue 19: the client list searches a folded copy of the name, title, client code and SIREN
 * (trigram index), kept by triggers; these say what the user sees of it.
 */
describe(`searching the engagement list (${databaseKind})`, () => {
  let ctx: TestContext;
  let data: FirmData;
  const ids: Record<string, string> = {};

  const names = (search: string, extra = '') =>
    data.collab
      .get(`/engagements?search=${encodeURIComponent(search)}&sort=companyName&direction=asc${extra}`)
      .then((res) => (res.body.items as Item[]).map((item) => item.companyName));

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z' });
    data = await aFirmWithData(ctx, 'Cabinet Recherche');
    for (const name of ['Société Générale de Bâtiment', 'Œuvres Éclairées', 'Garage du Port', 'Cœur 100%']) {
      ids[name] = (await aProspect(data.collab, name)).id;
    }
  });
  afterAll(() => ctx.close());

  it('finds « Société Générale » by « societe gen », and by any case or accent', async () => {
    expect(await names('societe gen')).toEqual(['Société Générale de Bâtiment']);
    expect(await names('SOCIÉTÉ GÉNÉ')).toEqual(['Société Générale de Bâtiment']);
    expect(await names('batiment')).toEqual(['Société Générale de Bâtiment']);
  });

  it('folds ligatures both ways: « oeuvres » finds « Œuvres », « œuvr » too', async () => {
    expect(await names('oeuvres ecl')).toEqual(['Œuvres Éclairées']);
    expect(await names('œuvr')).toEqual(['Œuvres Éclairées']);
    expect(await names('coeur')).toEqual(['Cœur 100%']);
  });

  it('takes % and _ as letters, not as patterns', async () => {
    expect(await names('100%')).toEqual(['Cœur 100%']);
    expect(await names('%')).toEqual(['Cœur 100%']);
    expect(await names('_')).toEqual([]);
  });

  it('finds and sorts by the new name after a rename (the title keeps the old one)', async () => {
    const company = (await data.collab.get(`/engagements/${ids['Garage du Port']}`)).body.company;
    const renamed = await data.collab.patch(`/companies/${company.id}`, {
      version: company.version,
      name: 'Atelier Mécanique du Port',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(await names('garage')).toEqual(['Atelier Mécanique du Port']);
    expect(await names('mecanique')).toEqual(['Atelier Mécanique du Port']);
    const all = await names('', '&pageSize=200');
    expect(all.indexOf('Atelier Mécanique du Port')).toBeLessThan(all.indexOf('Cœur 100%'));
    expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('finds a client by its client code once converted, and counts every match on every page', async () => {
    const converted = await data.collab.post(`/engagements/${ids['Œuvres Éclairées']}/convert`, {
      reason: 'Client historique',
    });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const code = converted.body.clientCode as string;
    expect(await names(code.toLowerCase())).toEqual(['Œuvres Éclairées']);
    const first = (await data.collab.get('/engagements?search=e&pageSize=1&page=1')).body;
    const second = (await data.collab.get('/engagements?search=e&pageSize=1&page=2')).body;
    const beyond = (await data.collab.get('/engagements?search=e&pageSize=1&page=99')).body;
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect([second.total, beyond.total]).toEqual([first.total, first.total]);
    expect(beyond.items).toEqual([]);
  });

  it('counts a search up to 1 000 matches: beyond, the total says « more than » and every match is still served', async () => {
    // 1 010 engagements titled « Copie de masse NNNN », copies of one prospect, by SQL for speed.
    await ctx.database.db.execute(sql`
      insert into engagements (firm_id, id, company_id, title, state, responsible_user_id, created_at, updated_at)
      select firm_id, gen_random_uuid(), company_id, 'Copie de masse ' || lpad(n::text, 4, '0'), state,
             responsible_user_id, created_at, updated_at
        from engagements, generate_series(1, 1010) as n
       where firm_id = ${data.firm.firmId} and id = ${ids['Cœur 100%']}`);
    const page = async (n: number) =>
      (await data.collab.get(`/engagements?search=copie+de+masse&sort=companyName&pageSize=50&page=${n}`))
        .body;
    const first = await page(1);
    expect(first).toMatchObject({ total: 1000, totalIsExact: false, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    // Past the cap, the page asked is counted to its end: the last page tells the exact total.
    const last = await page(21);
    expect(last.items).toHaveLength(10);
    expect(last.total).toBe(1010);
    expect(last.totalIsExact).toBeUndefined();
    expect((await page(30)).total).toBe(1010);
    const seen = new Set<string>();
    for (let n = 1; n <= 21; n++) for (const item of (await page(n)).items as Item[]) seen.add(item.id);
    expect(seen.size).toBe(1010);
    // A search under the cap is counted exactly, as before.
    const few = (await data.collab.get('/engagements?search=copie+de+masse+000&pageSize=50')).body;
    expect(few.total).toBe(9);
    expect(few.totalIsExact).toBeUndefined();
  });
});
