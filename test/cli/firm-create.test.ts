import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runFirmCommand } from '../../src/cli/firm-command.ts';
import { aSiren } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** Runs `lettrine firm create …` in this process and returns its exit code and what it printed. */
const firmCommand = async (ctx: TestContext, args: string[]) => {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
  const usage = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((text) => printed.push(String(text)) > 0);
  try {
    const code = await runFirmCommand(ctx.deps, ['create', ...args]);
    return { code, output: printed.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    usage.mockRestore();
  }
};

const tokenOf = (output: string) => {
  const match = output.match(/\/mot-de-passe\/nouveau#([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error(`no link in: ${output}`);
  return match[1];
};

describe(`lettrine firm create (${databaseKind})`, () => {
  let ctx: TestContext;
  const siren = aSiren(910_001);

  beforeAll(async () => {
    ctx = await createTestContext({ database: 'fresh' });
  });
  afterAll(() => ctx.close());

  const create = (overrides: Record<string, string> = {}) => {
    const options = {
      name: 'Cabinet Lemaire & Associés',
      siren,
      'associe-name': 'Anne Lemaire',
      email: 'anne.lemaire@cabinet-lemaire.fr',
      ...overrides,
    };
    return firmCommand(
      ctx,
      Object.entries(options).flatMap(([key, value]) => [`--${key}`, value]),
    );
  };

  it('creates the firm, its terms v1 and its associé, who chooses a password through the printed link and logs in', async () => {
    const { code, output } = await create({ catalogue: 'standard', city: 'Annecy' });
    expect(code, output).toBe(0);
    expect(output).toContain('Cabinet créé : Cabinet Lemaire & Associés');
    expect(output).toMatch(/jusqu’au \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
    const email = 'anne.lemaire@cabinet-lemaire.fr';
    const anonymous = apiAs(ctx);
    // No password works before the link is used: nobody knows the one made at creation.
    expect((await anonymous.post('/auth/login', { email, password: 'Lettrine-2026!' })).status).toBe(401);
    const chosen = await anonymous.post('/auth/password-reset/confirm', {
      token: tokenOf(output),
      newPassword: 'Tilleul-Annecy-74!',
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBeLessThan(300);
    const login = await anonymous.post('/auth/login', { email, password: 'Tilleul-Annecy-74!' });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const associe = apiAs(ctx, { cookie });
    const firm = (await associe.get('/firm')).body;
    expect(firm).toMatchObject({ name: 'Cabinet Lemaire & Associés', siren, city: 'Annecy' });
    const terms = (await associe.get('/terms')).body.items;
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ version: 1 });
    expect((await associe.get('/services?pageSize=200')).body.total).toBeGreaterThan(10);
    // The link serves once.
    const again = await anonymous.post('/auth/password-reset/confirm', {
      token: tokenOf(output),
      newPassword: 'Tilleul-Annecy-75!',
    });
    expect(again.status).toBe(404);
  });

  it('refuses a SIREN already used by a firm of the installation, and an invalid one', async () => {
    const taken = await create({ email: 'autre@cabinet-lemaire.fr' });
    expect(taken.code).toBe(1);
    expect(taken.output).toContain('Un cabinet avec ce SIREN existe déjà');
    const invalid = await create({ siren: '123456788', email: 'autre@exemple.fr' });
    expect(invalid.code).toBe(1);
    expect(invalid.output).toContain('SIREN n’est pas valide');
    expect(
      (await ctx.deps.store.listFirms()).filter((f) => f.name.startsWith('Cabinet Lemaire')),
    ).toHaveLength(1);
  });

  it('lists every missing or malformed option at once, with the usage', async () => {
    const { code, output } = await firmCommand(ctx, [
      '--name',
      'Cabinet Sans Rien',
      '--email',
      'pas-un-email',
    ]);
    expect(code).toBe(1);
    expect(output).toContain('--siren est obligatoire');
    expect(output).toContain('--associe-name est obligatoire');
    expect(output).toContain('--email : une adresse e-mail est attendue');
    expect(output).toContain('Usage : lettrine firm create');
  });

  it('an empty catalogue by default: the firm enters its own services', async () => {
    const { code, output } = await create({
      name: 'Cabinet Roche',
      siren: aSiren(910_002),
      email: 'paul.roche@cabinet-roche.fr',
    });
    expect(code, output).toBe(0);
    const firm = (await ctx.deps.store.listFirms()).find((f) => f.name === 'Cabinet Roche');
    const services = await ctx.deps.store.read(firm?.id as string).services.list({ includeArchived: true });
    expect(services).toEqual([]);
  });
});
