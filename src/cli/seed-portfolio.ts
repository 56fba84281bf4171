import {
  analyzeSeededTables,
  bulkSeedTransaction,
  hasFirm,
  type SeedRecords,
  type SeedSink,
} from '../adapters/db/bulk-seed.ts';
import type { Database } from '../adapters/db/database.ts';
import { createFirm } from '../application/firms/create-firm.ts';
import type { Deps, FirmScope } from '../application/ports/index.ts';
import type { Firm } from '../application/records.ts';
import { amendmentSeries, formatDocumentNumber, numberingSeries } from '../domain/documents/numbering.ts';
import { formatClientCode } from '../domain/engagements/engagement.ts';
import { addDays, parisDate, yearOf } from '../domain/shared/dates.ts';
import { seedCatalogue } from './seed-catalogue.ts';
import { DEMO_FIRM_IDENTITY } from './seed-data.ts';
import { sirenFrom, spacedSiren, vatNumberFrom } from './seed-identifiers.ts';
import type { PortfolioContext } from './seed-portfolio-documents.ts';
import { addClient } from './seed-portfolio-records.ts';
import { seedWithoutVigilanceGate } from './seed-vigilance.ts';

export const PORTFOLIO_SLUG = 'cabinet-benchmark';

export const PORTFOLIO_USERS = [
  {
    email: 'louise.garnier@cabinet-benchmark.fr',
    name: 'Louise Garnier',
    role: 'associe',
    password: 'bench-associe',
  },
  ...['Karim Haddad', 'Julie Lambert', 'Nicolas Faure', 'Inès Morel'].map((name, n) => ({
    email: `collaborateur${n + 1}@cabinet-benchmark.fr`,
    name,
    role: 'collaborateur' as const,
    password: 'bench-collaborateur',
  })),
] as const;

export type PortfolioOptions = {
  clients: number;
  log: (line: string) => void;
  /** The firm to fill; "Cabinet Benchmark" (created when missing) by default. */
  firmSlug?: string;
  /**
   * The database behind deps.store. Given, rows go in by multi-row INSERTs (the fast path); without
   * it they go through the store port, row by row, several times slower but on any store.
   */
  database?: Database;
  /** Clients per transaction. */
  batchSize?: number;
};

const BENCH_SIREN = sirenFrom('81765432');

const findOrCreateFirm = async (deps: Deps, slug: string): Promise<Firm> => {
  const existing = (await deps.store.listFirms()).find((firm) => firm.slug === slug);
  if (existing) return existing;
  const { firm } = await createFirm(deps, {
    slug,
    clientCodePrefix: 'BEN',
    identity: {
      ...DEMO_FIRM_IDENTITY,
      name: 'Cabinet Benchmark',
      email: 'contact@cabinet-benchmark.fr',
      siren: BENCH_SIREN,
      rcs: `RCS Lyon ${spacedSiren(BENCH_SIREN)}`,
      vatNumber: vatNumberFrom(BENCH_SIREN),
    },
    users: PORTFOLIO_USERS.map((user) => ({ ...user })),
  });
  await seedWithoutVigilanceGate(deps, firm.id);
  return firm;
};

/** The same sink over the store port: counters drawn one by one, rows inserted one by one. */
const portSink = (scope: FirmScope): SeedSink => ({
  async reserve(counts) {
    const first = new Map<string, number>();
    for (const [series, count] of counts) {
      let last = 0;
      for (let n = 0; n < count; n++) last = await scope.counters.next(series);
      first.set(series, last - count + 1);
    }
    return first;
  },
  async insert(records) {
    for (const company of records.companies) await scope.companies.insert(company);
    for (const contact of records.contacts) await scope.contacts.insert(contact);
    for (const engagement of records.engagements) await scope.engagements.insert(engagement);
    for (const document of records.documents) await scope.documents.insert(document);
    for (const signature of records.signatures)
      await scope.signatures.insert({ ...signature, scanBase64: null, scanContentType: null });
    for (const event of records.events) await scope.events.append(event);
  },
});

type Transaction = (fn: (sink: SeedSink) => Promise<void>) => Promise<void>;

const transactionFor = async (deps: Deps, firmId: string, database?: Database): Promise<Transaction> => {
  if (!database) return (fn) => deps.store.transaction(firmId, (scope) => fn(portSink(scope)));
  if (!(await hasFirm(database, firmId)))
    throw new Error('the database given is not the one behind deps.store');
  return (fn) => bulkSeedTransaction(database, firmId, fn);
};

/** One transaction: the numbers of the batch drawn from the counters (gapless), then its rows. */
const seedBatch = async (
  sink: SeedSink,
  ctx: PortfolioContext,
  batch: { from: number; count: number; offset: number; prefix: string },
) => {
  const year = yearOf(ctx.today);
  const letters = numberingSeries('engagement_letter', year);
  const starts = await sink.reserve(
    new Map([
      ['client-code', batch.count],
      [letters, batch.count],
    ]),
  );
  const letterNumbers = Array.from({ length: batch.count }, (_, i) =>
    formatDocumentNumber('engagement_letter', year, (starts.get(letters) ?? 1) + i),
  );
  const amendments = await sink.reserve(new Map(letterNumbers.map((number) => [amendmentSeries(number), 2])));
  const records: SeedRecords = {
    companies: [],
    contacts: [],
    engagements: [],
    documents: [],
    signatures: [],
    events: [],
  };
  letterNumbers.forEach((letterNumber, i) => {
    const firstAmendment = amendments.get(amendmentSeries(letterNumber)) ?? 1;
    addClient(
      ctx,
      records,
      { global: batch.offset + batch.from + i, position: batch.from + i },
      {
        clientCode: formatClientCode(batch.prefix, (starts.get('client-code') ?? 1) + i),
        letterNumber,
        amendmentSequences: [firstAmendment, firstAmendment + 1],
      },
    );
  });
  await sink.insert(records);
};

/**
 * A synthetic portfolio for benchmarks (`lettrine seed --clients N`): N client engagements, each
 * with its company, signatory, a signed six-line letter and two signed amendments, numbered from
 * the firm's counters so that later sends continue the series without a gap.
 */
export const seedPortfolio = async (deps: Deps, options: PortfolioOptions) => {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (!Number.isInteger(options.clients) || options.clients < 1)
    throw new Error(`--clients attend un nombre entier positif, reçu : ${options.clients}`);
  const firm = await findOrCreateFirm(deps, options.firmSlug ?? PORTFOLIO_SLUG);
  const scope = deps.store.read(firm.id);
  const users = (await scope.users.list()).filter((user) => user.isActive);
  const associe = users.find((user) => user.role === 'associe');
  if (!associe) throw new Error(`${firm.name} n’a pas d’associé actif pour signer les lettres.`);
  const catalogue = await seedCatalogue(deps, { firmId: firm.id, userId: associe.id, at: deps.clock.now() });
  const today = parisDate(deps.clock.now());
  const firstDay = `${yearOf(today)}-01-06`;
  const ctx: PortfolioContext = {
    ids: deps.ids,
    associe,
    responsibles: users.filter((user) => user.role !== 'lecture'),
    catalogue,
    firstDay,
    lastDay: addDays(today, -45) > firstDay ? addDays(today, -45) : firstDay,
    today,
    total: options.clients,
  };
  const offset = (await scope.companies.list({ page: 1, pageSize: 1 })).total;
  const transaction = await transactionFor(deps, firm.id, options.database);
  const batchSize = options.batchSize ?? 1_000;
  options.log(`Portefeuille synthétique : ${options.clients} clients dans « ${firm.name} »…`);
  for (let from = 0; from < options.clients; from += batchSize) {
    const count = Math.min(batchSize, options.clients - from);
    await transaction((sink) => seedBatch(sink, ctx, { from, count, offset, prefix: firm.clientCodePrefix }));
    options.log(`  ${from + count} / ${options.clients} clients (${seconds()} s)`);
  }
  if (options.database) await analyzeSeededTables(options.database);
  options.log(`Portefeuille créé en ${seconds()} s.`);
  return { firmId: firm.id, firmSlug: firm.slug, seconds: Number(seconds()) };
};
