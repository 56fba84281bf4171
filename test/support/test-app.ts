import { randomUUID } from 'node:crypto';
import { createStore } from '../../src/adapters/db/store.ts';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { createSecrets } from '../../src/adapters/security/secrets.ts';
import { createFirm } from '../../src/application/firms/create-firm.ts';
import type { Deps } from '../../src/application/ports.ts';
import type { Role } from '../../src/application/records.ts';
import { type App, createApp } from '../../src/http/create-app.ts';
import { openTestDatabase } from './test-database.ts';

/** A clock the test moves by hand. */
export const fixedClock = (start = '2026-11-29T09:00:00Z') => {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso);
    },
    advanceDays: (days: number) => {
      now = new Date(now.getTime() + days * 86_400_000);
    },
  };
};

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/** A real app on a real database (PGlite or PostgreSQL), a fixed clock, fast password hashing. */
export const createTestContext = async (options: { clock?: string } = {}) => {
  const database = await openTestDatabase();
  const clock = fixedClock(options.clock);
  const deps: Deps = {
    store: createStore(database),
    clock,
    ids: { uuid: () => randomUUID() },
    secrets: createSecrets({ cost: 1024 }),
    pdf: createPdfRenderer(),
  };
  const app: App = await createApp(deps);
  return {
    deps,
    app,
    clock,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};

export type FirmSession = {
  firmId: string;
  users: Record<Role, { id: string; email: string; headers: Record<string, string> }>;
};

let firmCounter = 0;

/** Everything the Ordre requires a firm to print on its documents (DOMAIN.md), so sending works. */
export const A_COMPLETE_FIRM_IDENTITY = {
  legalForm: 'SAS d’expertise comptable',
  addressLine1: '24 rue de la République',
  addressLine2: null,
  postalCode: '69002',
  city: 'Lyon',
  phone: '04 78 42 17 30',
  email: 'contact@cabinet.test',
  siren: '812345676',
  rcs: 'RCS Lyon 812 345 676',
  vatNumber: 'FR19812345676',
  ordreCouncil: 'Conseil régional Auvergne-Rhône-Alpes',
  insurer: 'MMA IARD',
  insuranceCoverage: '1 500 000 € par sinistre',
  consumerMediator: 'CNPM Médiation Consommation, 27 avenue de la Libération, 42400 Saint-Chamond',
};

/** A firm with one user per role, each logged in: pass `users.associe.headers` to inject. */
export const aFirmWithUsers = async (
  ctx: TestContext,
  name = 'Cabinet Dupré & Associés',
  identity: Partial<typeof A_COMPLETE_FIRM_IDENTITY> = A_COMPLETE_FIRM_IDENTITY,
): Promise<FirmSession> => {
  firmCounter += 1;
  const slug = `cabinet-${firmCounter}-${randomUUID().slice(0, 8)}`;
  const roles: Role[] = ['associe', 'collaborateur', 'lecture'];
  const { firm, users } = await createFirm(ctx.deps, {
    slug,
    clientCodePrefix: 'CLI',
    identity: { ...identity, name },
    users: roles.map((role) => ({
      role,
      email: `${role}@${slug}.test`,
      name: `${role} ${name}`,
      password: 'secret-pass',
    })),
  });
  const sessions = {} as FirmSession['users'];
  for (const user of users) {
    sessions[user.role] = { id: user.id, email: user.email, headers: await loginHeaders(ctx, user.email) };
  }
  return { firmId: firm.id, users: sessions };
};

/** Logs in again (after the test clock moved past the session's expiry, say). */
export const loginHeaders = async (ctx: TestContext, email: string): Promise<Record<string, string>> => {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: 'secret-pass' },
  });
  const cookie = response.cookies.find((c) => c.name === 'lettrine_session');
  if (!cookie) throw new Error(`login failed for ${email}: ${response.body}`);
  return { cookie: `lettrine_session=${cookie.value}` };
};

export const refreshSessions = async (ctx: TestContext, firm: FirmSession): Promise<void> => {
  for (const user of Object.values(firm.users)) user.headers = await loginHeaders(ctx, user.email);
};
