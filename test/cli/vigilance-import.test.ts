import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVigilanceCommand } from '../../src/cli/vigilance-command.ts';
import { aProspect } from '../builders/through-api.ts';
import { identifyClient } from '../builders/vigilance-api.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/gels-avoirs-extrait.json', import.meta.url));

describe(`lettrine vigilance import-register (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;

  beforeAll(async () => {
    ctx = await createTestContext({ database: 'fresh' });
    firm = await aFirmWithUsers(ctx, 'Cabinet Registre');
  });
  afterAll(() => ctx.close());

  it('R-F5 imports the Treasury file into the firm and screens its files against it', async () => {
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const engagement = await aProspect(collab, 'Négoce Levant');
    // Reversed order and no accents: still the entry « Jean-Étienne DUPONT-MOREAU ».
    await identifyClient(collab, engagement.id, {
      firstNames: 'Moreau',
      lastName: 'Dupont Jean Etienne',
      birthDate: '1965-02-01',
    });
    expect((await collab.get(`/engagements/${engagement.id}/vigilance`)).body.matches).toEqual([]);

    const lines: string[] = [];
    const slug = (await ctx.deps.store.listFirms()).find((f) => f.id === firm.firmId)?.slug ?? '';
    expect(
      await runVigilanceCommand(ctx.deps, ['import-register', FIXTURE, '--firm', slug], (l) => lines.push(l)),
    ).toBe(0);
    expect(lines).toEqual([
      'Cabinet Registre : 6 entrées importées (publication 2026-11-27T08:00:00), 1 correspondance(s) nouvelle(s) à examiner.',
    ]);
    const file = (await collab.get(`/engagements/${engagement.id}/vigilance`)).body;
    expect(file.matches).toMatchObject([{ entryId: '4102', status: 'open', birthDateAgrees: true }]);
    expect(file.blockers.map((b: { code: string }) => b.code)).toContain('screening');
    // Imported again: the match already known is not asked twice.
    await runVigilanceCommand(ctx.deps, ['import-register', FIXTURE, '--firm', slug], (l) => lines.push(l));
    expect(lines[1]).toContain('0 correspondance(s) nouvelle(s)');
  });

  it('says how to use it, and refuses a file that is not the register', async () => {
    const lines: string[] = [];
    expect(await runVigilanceCommand(ctx.deps, ['import-register'], (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toContain('Usage : lettrine vigilance import-register');
    const notRegister = fileURLToPath(new URL('../../package.json', import.meta.url));
    expect(await runVigilanceCommand(ctx.deps, ['import-register', notRegister], (l) => lines.push(l))).toBe(
      1,
    );
    expect(lines.at(-1)).toContain('registre national des gels');
    expect(
      await runVigilanceCommand(ctx.deps, ['import-register', FIXTURE, '--firm', 'inconnu'], (l) =>
        lines.push(l),
      ),
    ).toBe(1);
  });
});
