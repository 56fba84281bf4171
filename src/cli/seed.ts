import { createFirm } from '../application/firms/create-firm.ts';
import type { Deps } from '../application/ports/index.ts';
import type { Config } from '../config.ts';
import { seedCatalogue } from './seed-catalogue.ts';
import { DEMO_FIRM_IDENTITY } from './seed-data.ts';
import { type Kit, seedClock } from './seed-demo-kit.ts';
import { CLIENT_STORIES } from './seed-stories-clients.ts';
import { PROSPECT_STORIES } from './seed-stories-prospects.ts';
import { seedWithoutVigilanceGate } from './seed-vigilance.ts';

export { seedPortfolio } from './seed-portfolio.ts';

export const DEMO_SLUG = 'cabinet-dupre';

export const DEMO_USERS = [
  { email: 'claire.dupre@cabinet-dupre.fr', name: 'Claire Dupré', role: 'associe', password: 'demo-associe' },
  {
    email: 'hugo.martin@cabinet-dupre.fr',
    name: 'Hugo Martin',
    role: 'collaborateur',
    password: 'demo-collaborateur',
  },
  { email: 'lea.bernard@cabinet-dupre.fr', name: 'Léa Bernard', role: 'lecture', password: 'demo-lecture' },
] as const;

export type DemoInfo = {
  firmName: string;
  users: readonly { email: string; role: string; password: string }[];
};

export type SeedDemoOptions = {
  log: (line: string) => void;
  /**
   * `start`: the server starting creates the demo only in a database without any firm (a fresh
   * install), never beside a firm's real data; `command` (`lettrine seed`): whenever it is missing.
   */
  trigger?: 'start' | 'command';
  /** Never in production: the demo's passwords are printed and published in the README. */
  nodeEnv?: Config['NODE_ENV'];
};

/**
 * The demo firm, created on the first start of an empty database outside production; later starts
 * only describe it. Its identity is complete, its catalogue and terms are those of a typical firm,
 * and its clients and prospects are told through the real use cases (so every rule holds and the
 * history exists), dated over the last fourteen months on a clock of the seed's own.
 */
export const seedDemo = async (deps: Deps, options: SeedDemoOptions): Promise<DemoInfo | undefined> => {
  if (options.nodeEnv === 'production') {
    // Its passwords are public: production neither creates the demo nor prints them.
    options.log('Pas de cabinet de démonstration en production (NODE_ENV=production).');
    return undefined;
  }
  const firms = await deps.store.listFirms();
  const existing = firms.find((firm) => firm.slug === DEMO_SLUG);
  if (existing) return { firmName: existing.name, users: DEMO_USERS };
  if (options.trigger === 'start' && firms.length > 0) return undefined;
  const clock = seedClock(deps.clock.now());
  const seedDeps: Deps = { ...deps, clock };
  clock.daysAgo(500);
  const { firm, users } = await createFirm(seedDeps, {
    slug: DEMO_SLUG,
    clientCodePrefix: 'DUP',
    identity: DEMO_FIRM_IDENTITY,
    users: DEMO_USERS.map((user) => ({ ...user })),
  });
  const [associe, collaborator] = users;
  if (associe?.role !== 'associe' || !collaborator) throw new Error('the demo users changed order');
  await seedWithoutVigilanceGate(seedDeps, firm.id);
  const catalogue = await seedCatalogue(seedDeps, { firmId: firm.id, userId: associe.id, at: clock.now() });
  const kit: Kit = {
    deps: seedDeps,
    clock,
    actor: { firmId: firm.id, userId: associe.id, role: 'associe', name: associe.name },
    collaborator,
    catalogue,
  };
  const stories = [...CLIENT_STORIES, ...PROSPECT_STORIES];
  for (const story of stories) await story(kit);
  options.log(
    `Cabinet de démonstration créé : ${firm.name} (${catalogue.services.size} missions, ${stories.length} affaires).`,
  );
  return { firmName: firm.name, users: DEMO_USERS };
};
