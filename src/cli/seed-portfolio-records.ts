import type { SeedRecords } from '../adapters/db/bulk-seed.ts';
import { formatAmendmentNumber } from '../domain/documents/numbering.ts';
import { addDays, type IsoDate } from '../domain/shared/dates.ts';
import { companyRecords, instant, randomOf } from './seed-portfolio-company.ts';
import {
  addSignedDocument,
  type Client,
  event,
  lineOf,
  type PortfolioContext,
} from './seed-portfolio-documents.ts';

export type ClientNumbers = { clientCode: string; letterNumber: string; amendmentSequences: number[] };

const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const noLaterThan = (day: IsoDate, limit: IsoDate) => (day > limit ? limit : day);

/**
 * Adds one client to `records`: company, signatory, client engagement, a signed letter of six lines
 * and two signed amendments (payslips, then quarterly statements), with their history.
 */
export const addClient = (
  ctx: PortfolioContext,
  records: SeedRecords,
  index: { global: number; position: number },
  numbers: ClientNumbers,
) => {
  const random = randomOf(index.global + 1);
  const span = Math.max(0, daysBetween(ctx.firstDay, ctx.lastDay));
  const letterDay = noLaterThan(
    addDays(ctx.firstDay, Math.floor((index.position * span) / Math.max(1, ctx.total))),
    ctx.today,
  );
  const signedDay = noLaterThan(addDays(letterDay, 5), ctx.today);
  const responsible = ctx.responsibles[index.global % ctx.responsibles.length] ?? ctx.associe;
  const { company, contact, engagement } = companyRecords(ctx.ids, random, {
    index: index.global,
    createdAt: instant(letterDay, '08:00'),
    convertedAt: instant(signedDay, '10:10'),
    clientCode: numbers.clientCode,
    responsibleUserId: responsible.id,
  });
  records.companies.push(company);
  records.contacts.push(contact);
  records.engagements.push(engagement);
  const client: Client = { ctx, records, random, engagement, contact };
  event(client, 'engagement.created', engagement.createdAt, null, {
    after: { state: 'prospect', company: company.name },
  });
  const letter = addSignedDocument(client, {
    kind: 'engagement_letter',
    number: numbers.letterNumber,
    created: letterDay,
    signed: signedDay,
    lines: [
      'COMPTA-TENUE',
      'COMPTA-REVISION',
      'FISCAL-LIASSE',
      random() < 0.7 ? 'FISCAL-TVA-CA3' : 'FISCAL-TVA-CA12',
      'JURIDIQUE-ANNUEL',
      random() < 0.5 ? 'FISCAL-CFE-CVAE' : 'CONSEIL-TABLEAU-BORD',
    ].map((code) => lineOf(client, code, 'line')),
  });
  event(client, 'engagement.converted', engagement.updatedAt, letter.id, {
    before: { state: 'prospect' },
    after: { state: 'client', clientCode: numbers.clientCode },
    data: { automation: 'R-A4', letterNumber: letter.number },
  });
  const additions = [
    lineOf(client, 'SOCIAL-PAIE', 'add', String(1 + Math.floor(random() * 8))),
    lineOf(client, 'COMPTA-SITUATION', 'add'),
  ];
  let day = signedDay;
  additions.forEach((addition, n) => {
    const created = noLaterThan(addDays(day, 20 + Math.floor(random() * 40)), ctx.today);
    day = noLaterThan(addDays(created, 3), ctx.today);
    addSignedDocument(client, {
      kind: 'amendment',
      number: formatAmendmentNumber(numbers.letterNumber, numbers.amendmentSequences[n] ?? n + 1),
      amendsLetterId: letter.id,
      created,
      signed: day,
      lines: [addition],
    });
  });
};
