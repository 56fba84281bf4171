import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFacts } from '../../src/application/documents/document-pdf.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aProspect, send, sign } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  contentStreams,
  drawnText,
  flowingText,
  pdfInfo,
  pdfText,
  plainText,
  renderPages,
} from '../support/pdf.ts';
import {
  A_COMPLETE_FIRM_IDENTITY,
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  refreshSessions,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 3: each of the five kinds, sent through the API, is a PDF in which a reader's tools
 * (pdftotext, pdftoppm) find every mandatory item and the right amounts in French format.
 */
describe(`documents as French PDFs (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  const ids = {} as Record<
    | 'revision'
    | 'payslip'
    | 'situation'
    | 'creation'
    | 'engagement'
    | 'proposal'
    | 'letter'
    | 'amendment'
    | 'replacement',
    string
  >;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-01-05T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    const by = firm.users.associe.id;
    const standard = 'Norme professionnelle de présentation des comptes annuels';
    ids.revision = (
      await aService(ctx, firm.firmId, by, {
        label: 'Révision des comptes annuels',
        priceCents: 120_000,
        recurrence: 'yearly',
        professionalStandard: standard,
        taskSplit: [
          { task: 'Inventaire des stocks', who: 'client', frequency: 'annuelle, à la clôture' },
          { task: 'Établissement du bilan', who: 'firm', frequency: 'annuelle' },
        ],
      })
    ).id;
    ids.payslip = (
      await aService(ctx, firm.firmId, by, {
        label: 'Bulletin de paie',
        description: 'Établissement des bulletins de paie et de la DSN.',
        domain: 'social',
        pricingMode: 'unit',
        unitLabel: 'bulletin',
        priceCents: 2_500,
        exclusions: 'La mission ne comprend pas la rédaction des contrats de travail.',
      })
    ).id;
    ids.situation = (
      await aService(ctx, firm.firmId, by, {
        label: 'Situation intermédiaire',
        priceCents: 40_000,
        recurrence: 'quarterly',
      })
    ).id;
    ids.creation = (
      await aService(ctx, firm.firmId, by, {
        label: 'Création de société',
        description: 'Rédaction des statuts et formalités.',
        domain: 'juridique',
        priceCents: 100_000,
        recurrence: 'one_off',
      })
    ).id;
    await aTermsVersion(ctx, firm.firmId, {
      version: 1,
      effectiveFrom: '2025-01-01',
      title: 'Conditions générales 2025',
    });
  });
  afterAll(() => ctx.close());

  const pdfOf = async (api: Api, documentId: string) => {
    const res = await api.download(`/documents/${documentId}/pdf`);
    expect(res.status, Buffer.from(res.bytes).toString()).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res;
  };

  /** Every page renders, and each one carries the footer with the number and « Page x / y ». */
  const expectReadablePages = async (bytes: Uint8Array, reference: string) => {
    const pages = Number((await pdfInfo(bytes)).Pages);
    const rendered = await renderPages(bytes);
    expect(rendered).toHaveLength(pages);
    for (const size of rendered) expect(size).toBeGreaterThan(1000);
    const text = plainText(await pdfText(bytes));
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} / ${pages}`);
    expect(text.split(reference).length - 1).toBeGreaterThanOrEqual(pages);
    return pages;
  };

  /**
   * The text as a reader finds it: rows of tables and fields read across (layout mode), paragraphs
   * read through their line ends (flowing mode). Each item must be found in one or the other.
   */
  const readableText = async (bytes: Uint8Array) => {
    const layout = plainText(await pdfText(bytes))
      .split('\n')
      .map((line) => line.trim())
      .join('\n');
    const flowing = await flowingText(bytes);
    return {
      flowing,
      expectToFind(items: readonly string[]) {
        const missing = items.filter((item) => !layout.includes(item) && !flowing.includes(item));
        expect(missing, layout).toEqual([]);
      },
      /**
       * A table row whose cells may wrap: a line starting with the first cell, and every other
       * fragment within the next three lines.
       */
      expectRows(rows: readonly (readonly string[])[]) {
        const lines = layout.split('\n');
        const missing = rows.filter(([first = '', ...rest]) =>
          lines.every((line, i) => {
            if (!line.startsWith(first)) return true;
            const window = lines.slice(i, i + 4).join(' ');
            return !rest.every((fragment) => window.includes(fragment));
          }),
        );
        expect(missing, layout).toEqual([]);
      },
    };
  };

  const FIRM_ITEMS = [
    'Cabinet Dupré & Associés, SAS d’expertise comptable',
    '24 rue de la République, 69002 Lyon',
    'Tél. 04 78 42 17 30',
    'contact@cabinet.test',
    'RCS Lyon 812 345 676',
    'TVA intracommunautaire FR19812345676',
    // Typed « Conseil régional Auvergne-Rhône-Alpes »: completed, never read as the region's council.
    'Inscription au tableau du conseil régional de l’Ordre des experts-comptables Auvergne-Rhône-Alpes',
    'MMA IARD',
    '1 500 000 € par sinistre',
  ];

  it('a proposal: the firm, the client, the fees in French format, its validity and the acceptance block', async () => {
    const engagement = await aProspect(collab, 'Boulangerie Martin', '442135877');
    ids.engagement = engagement.id;
    const created = await collab.post('/documents', {
      engagementId: engagement.id,
      kind: 'proposal',
      validUntil: '2026-02-15',
      lines: [
        { serviceId: ids.revision, quantity: 1 },
        { serviceId: ids.payslip, quantity: 7 },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.proposal = created.body.id;
    await send(collab, ids.proposal);
    const { bytes } = await pdfOf(collab, ids.proposal);
    const pdf = await readableText(bytes);
    pdf.expectToFind(FIRM_ITEMS);
    pdf.expectToFind([
      'Offre de service',
      'N° OS-2026-0001 du 05/01/2026',
      'Boulangerie Martin',
      'SIREN 442 135 877',
      '12 rue Paul Bert',
      'Représentée par Paul Martin, gérant',
      // 1 200,00 € a year and 7 payslips × 25,00 € a month: 3 300,00 € HT a year, VAT 660,00 €.
      'Révision des comptes annuels 1 forfait 1 200,00 € par an 1 200,00 €',
      'Bulletin de paie 7 bulletins 25,00 € par mois 175,00 € 2 100,00 €',
      'Honoraires annuels récurrents HT 3 300,00 €',
      'TVA 20 % sur 3 300,00 € 660,00 €',
      'Total TTC 3 960,00 €',
      '12 mensualités de 275,00 € HT',
      'Cette offre est valable jusqu’au 15/02/2026 inclus.',
      'Acceptation de l’offre',
      '« Bon pour accord »',
      'indemnité forfaitaire pour frais de recouvrement de 40 €',
    ]);
    expect(pdf.flowing).not.toContain('Médiation de la consommation');
    await expectReadablePages(bytes, 'OS-2026-0001');
  });

  it('French typography: the no-break spaces of amounts, of « : » and « % » are in the PDF, with €', async () => {
    // pdftotext prints every space as a plain one; the font's ToUnicode map says which characters
    // the text is made of: U+202F (narrow no-break space), U+00A0 (no-break space) and €.
    const streams = contentStreams((await pdfOf(collab, ids.proposal)).bytes);
    for (const character of ['<202f>', '<00a0>', '<20ac>']) expect(streams).toContain(character);
  });

  it('an engagement letter: one chapter per service, the duration and notice deadline, the fees, the clauses, the terms in full, two signature blocks', async () => {
    await sign(collab, ids.proposal, 'client');
    ids.letter = (await collab.get(`/documents/${ids.proposal}`)).body.createdLetterId;
    const letter = (await collab.get(`/documents/${ids.letter}`)).body.document;
    const dated = await collab.patch(`/documents/${ids.letter}`, {
      version: letter.version,
      effectiveDate: '2026-01-01',
    });
    expect(dated.status, JSON.stringify(dated.body)).toBe(200);
    await send(collab, ids.letter);
    const { bytes } = await pdfOf(collab, ids.letter);
    const pdf = await readableText(bytes);
    pdf.expectToFind(FIRM_ITEMS);
    pdf.expectToFind([
      'Lettre de mission',
      'N° LM-2026-0001 du 05/01/2026',
      'Activité : Boulangerie-pâtisserie',
      'Clôture de l’exercice : 31 décembre',
      '1. Révision des comptes annuels',
      // Issue 14, item 3: the standard by its number, whatever words the catalogue used.
      'NP 2300 — norme professionnelle relative aux missions de présentation des comptes',
      'Ce que la mission n’est pas. Cette mission n’est ni un audit ni un examen limité des comptes.',
      'Inventaire des stocks Le client annuelle, à la clôture',
      'Établissement du bilan Le cabinet annuelle',
      '2. Bulletin de paie',
      'La mission ne comprend pas la rédaction des contrats de travail.',
      'Date d’effet 01/01/2026',
      'Fin de la première période 31/12/2026',
      'Par tacite reconduction',
      '3 mois avant la clôture de l’exercice',
      'Date limite de dénonciation 30/09/2026',
      'Honoraires annuels récurrents HT 3 300,00 €',
      'TVA 20 % sur 3 300,00 € 660,00 €',
      'Total TTC 3 960,00 €',
      '12 mensualités de 275,00 € HT',
      'Modalités de paiement',
      'taux d’intérêt appliqué par la Banque centrale européenne',
      'indemnité forfaitaire pour frais de recouvrement de 40 €',
      'Obligations des parties',
      'Responsabilité',
      'limitée, pour l’ensemble des missions de l’exercice, au montant des honoraires annuels convenus',
      'toute action en responsabilité doit être introduite dans un délai d’un an',
      'Secret professionnel',
      'Lutte contre le blanchiment des capitaux et le financement du terrorisme',
      'Données personnelles',
      'Différends',
      'conciliation du président du conseil régional de l’Ordre des experts-comptables',
      'version 1 en vigueur depuis le 01/01/2025',
      'Annexe — Conditions générales 2025 (version 1)',
      'Article 1 — Objet. Les présentes conditions générales régissent les missions du cabinet.',
      'Pour le client',
      'Paul Martin Gérant',
      'Pour le cabinet',
      'Expert-comptable associé',
    ]);
    expect(pdf.flowing).not.toContain('Médiation de la consommation');
    expect(pdf.flowing).not.toContain('aucun plafond');
    expect(contentStreams(bytes)).toContain('<0153>'); // « met en œuvre »
    expect(await expectReadablePages(bytes, 'LM-2026-0001')).toBeGreaterThanOrEqual(3);
    await sign(collab, ids.letter, 'client');
    await sign(associe, ids.letter, 'firm');
  });

  it('an amendment: the letter it amends, the table of changes, the new recurring total and its effective date', async () => {
    const created = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'amendment',
      amendsLetterId: ids.letter,
      effectiveDate: '2026-03-01',
      changes: [{ op: 'add', line: { serviceId: ids.situation, quantity: 1 } }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.amendment = created.body.id;
    await send(collab, ids.amendment);
    const { bytes } = await pdfOf(collab, ids.amendment);
    await expectReadablePages(bytes, 'LM-2026-0001-A01');
    const pdf = await readableText(bytes);
    pdf.expectToFind([
      'Avenant à la lettre de mission',
      'N° LM-2026-0001-A01 du 05/01/2026',
      'modifie la lettre de mission n° LM-2026-0001 signée le 05/01/2026, à compter du 01/03/2026',
      'Nouveau total des honoraires annuels récurrents de la lettre : 4 900,00 € HT (3 300,00 € HT auparavant, +48,48 %), à compter du 01/03/2026.',
    ]);
    pdf.expectRows([
      ['Ajout', 'Situation', 'intermédiaire', '1 forfait ×', '400,00 € par trimestre', '1 600,00 €'],
      ['Total des honoraires annuels récurrents', '3 300,00 €', '4 900,00 €', '+48,48 %'],
    ]);
    await sign(collab, ids.amendment, 'client');
    await sign(associe, ids.amendment, 'firm');
  });

  it('a replacement letter: what it replaces, and each line before → after with the increase per line and in total', async () => {
    ctx.clock.set('2026-11-02T09:00:00Z');
    await refreshSessions(ctx, firm);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    const created = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'replacement_letter',
      effectiveDate: '2027-01-01',
      replacement: { coefficient: '1,03' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.replacement = created.body.id;
    await send(collab, ids.replacement);
    const { bytes } = await pdfOf(collab, ids.replacement);
    const pdf = await readableText(bytes);
    pdf.expectToFind([
      'Lettre de mission substitutive',
      'N° LMS-2026-0001 du 02/11/2026',
      'À compter du 01/01/2027, la présente lettre annule et remplace la lettre de mission et les avenants suivants',
      'Lettre de mission LM-2026-0001 05/01/2026',
      'Avenant LM-2026-0001-A01 05/01/2026',
      'Bulletin de paie 7 bulletins 25,75 € par mois 180,25 €',
      '11 mensualités de 420,58 € HT, puis une dernière de 420,62 € HT',
    ]);
    // DOMAIN.md E: 1 200,00 × 1,03 = 1 236,00; 25,00 × 1,03 = 25,75; 7 × 25,75 = 180,25 a month.
    pdf.expectRows([
      [
        'Modification',
        'Révision des',
        '1 200,00 € par an',
        '1 236,00 € par an',
        '1 200,00 €',
        '1 236,00 €',
        '+3,00 %',
      ],
      [
        'Modification',
        'Bulletin de paie',
        '25,00 € par mois',
        '25,75 € par mois',
        '2 100,00 €',
        '2 163,00 €',
        '+3,00 %',
      ],
      ['Modification', 'Situation', '400,00 € par', '412,00 € par', '1 600,00 €', '1 648,00 €', '+3,00 %'],
      ['Total des honoraires annuels récurrents', '4 900,00 €', '5 047,00 €', '+3,00 %'],
    ]);
    await expectReadablePages(bytes, 'LMS-2026-0001');
  });

  it('a work order: its one-off lines, each flagged « hors forfait » or not against the scope in force', async () => {
    const created = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'work_order',
      lines: [
        { serviceId: ids.creation, quantity: 1 },
        { serviceId: ids.payslip, quantity: 2, recurrence: 'one_off', label: 'Bulletins de régularisation' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await send(collab, created.body.id);
    const { bytes } = await pdfOf(collab, created.body.id);
    const pdf = await readableText(bytes);
    pdf.expectToFind([
      'Bon d’intervention',
      'N° BI-2026-0001 du 02/11/2026',
      'Hors forfait',
      'Création de société 1 forfait 1 000,00 € une fois Oui 1 000,00 €',
      'Bulletins de régularisation 2 bulletins 25,00 € une fois Non 50,00 €',
      'Total HT 1 050,00 €',
      'Total TTC 1 260,00 €',
      '« Bon pour accord »',
    ]);
    expect(pdf.flowing).not.toContain('Pour le cabinet');
    await expectReadablePages(bytes, 'BI-2026-0001');
  });

  it('a private person gets the consumer variant: the mediator, no liability cap, no 40 € indemnity', async () => {
    const res = await collab.post('/engagements', {
      company: {
        name: 'Camille Roux',
        isIndividual: true,
        fiscalYearEnd: '12-31',
        addressLine1: '8 quai Saint-Vincent',
        postalCode: '69001',
        city: 'Lyon',
        activity: 'Location meublée non professionnelle',
      },
      signatory: { firstName: 'Camille', lastName: 'Roux' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const letter = await collab.post('/documents', {
      engagementId: res.body.id,
      kind: 'engagement_letter',
      lines: [{ serviceId: ids.revision, quantity: 1 }],
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    await send(collab, letter.body.id);
    const { bytes } = await pdfOf(collab, letter.body.id);
    await expectReadablePages(bytes, 'LM-2026-0002');
    const pdf = await readableText(bytes);
    pdf.expectToFind(['Médiation de la consommation']);
    pdf.expectToFind([A_COMPLETE_FIRM_IDENTITY.consumerMediator]);
    pdf.expectToFind(['la responsabilité du cabinet n’est soumise à aucun plafond conventionnel']);
    expect(pdf.flowing).not.toContain('40 €');
    expect(pdf.flowing).not.toContain('SIREN');
    pdf.expectToFind(['Particulier']);
  });

  it('R-B4 a sent document answers exactly the bytes frozen at sending, whose SHA-256 the document shows', async () => {
    const first = await pdfOf(collab, ids.letter);
    ctx.clock.set('2026-11-20T09:00:00Z');
    await refreshSessions(ctx, firm);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    const current = (await associe.get('/firm')).body;
    expect((await associe.patch('/firm', { version: current.version, phone: '04 00 00 00 00' })).status).toBe(
      200,
    );
    const again = await pdfOf(collab, ids.letter);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const sha256 = createHash('sha256').update(first.bytes).digest('hex');
    expect(first.headers['x-content-sha256']).toBe(sha256);
    expect(first.headers.etag).toBe(`"${sha256}"`);
    expect((await collab.get(`/documents/${ids.letter}`)).body.document.pdfSha256).toBe(sha256);
    // The facts it was rendered from are frozen with it: rendered again, they give the same bytes
    // (the firm's phone has changed since, which the frozen facts ignore).
    const stored = await ctx.deps.store.read(firm.firmId).documents.find(ids.letter);
    const facts = stored?.frozen?.facts;
    expect(facts?.number).toBe('LM-2026-0001');
    const rerendered = await renderFacts(ctx.deps, ctx.deps.store.read(firm.firmId), facts!, {
      at: new Date(stored?.frozen?.frozenAt ?? ''),
      watermark: null,
    });
    expect(rerendered.sha256).toBe(sha256);
  });

  it('a draft is previewed with the « PROJET » watermark, without a number; the same clock gives the same bytes', async () => {
    const draft = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'work_order',
      lines: [{ serviceId: ids.creation, quantity: 1 }],
    });
    const one = await pdfOf(collab, draft.body.id);
    const two = await pdfOf(collab, draft.body.id);
    expect(Buffer.from(one.bytes).equals(Buffer.from(two.bytes))).toBe(true);
    expect(one.headers['cache-control']).toBe('no-store');
    const text = plainText(await pdfText(one.bytes));
    // The watermark runs diagonally: pdftotext reads its letters whole in drawing order only.
    expect((await drawnText(one.bytes)).replace(/\s/g, '')).toContain('PROJET');
    expect(text).toContain('Projet du 20/11/2026, non numéroté');
    expect(text).not.toContain('BI-2026-0002');
    ctx.clock.set('2026-11-21T09:00:00Z');
    await refreshSessions(ctx, firm);
    const later = await pdfOf(apiAs(ctx, firm.users.collaborateur.headers), draft.body.id);
    expect(Buffer.from(later.bytes).equals(Buffer.from(one.bytes))).toBe(false);
  });

  it('a draft cancelled before it was sent stays a watermarked preview, never frozen', async () => {
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    const draft = await collab.post('/documents', {
      engagementId: ids.engagement,
      kind: 'work_order',
      lines: [{ serviceId: ids.creation, quantity: 1 }],
    });
    expect((await collab.post(`/documents/${draft.body.id}/cancel`, { reason: 'Doublon' })).status).toBe(200);
    const pdf = await pdfOf(collab, draft.body.id);
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect((await drawnText(pdf.bytes)).replace(/\s/g, '')).toContain('PROJET');
    expect(
      await ctx.deps.store.read(firm.firmId).documentFiles.find(draft.body.id, 'frozen'),
    ).toBeUndefined();
  });
});
