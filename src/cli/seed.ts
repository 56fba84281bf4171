import { createFirm } from '../application/firms/create-firm.ts';
import type { Deps } from '../application/ports.ts';

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

/** The demo firm, created on the first start of an empty database; later starts only describe it. */
export const seedDemo = async (
  deps: Deps,
  options: { log: (line: string) => void },
): Promise<DemoInfo | undefined> => {
  const existing = (await deps.store.listFirms()).find((firm) => firm.slug === DEMO_SLUG);
  if (existing) return { firmName: existing.name, users: DEMO_USERS };
  const { firm } = await createFirm(deps, {
    slug: DEMO_SLUG,
    clientCodePrefix: 'DUP',
    identity: { name: 'Cabinet Dupré & Associés' },
    users: DEMO_USERS.map((user) => ({ ...user })),
  });
  options.log(`Cabinet de démonstration créé : ${firm.name}`);
  return { firmName: firm.name, users: DEMO_USERS };
};

export const seedPortfolio = async (
  _deps: Deps,
  options: { clients: number; log: (line: string) => void },
): Promise<void> => {
  options.log(`Portefeuille synthétique de ${options.clients} clients : à venir.`);
};
