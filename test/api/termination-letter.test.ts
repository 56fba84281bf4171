import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aSignedLetter, expectProblem, send, sign } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { flowingText, pdfText, plainText } from '../support/pdf.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

type TerminationView = {
  id: string;
  terminationDocumentId: string | null;
  terminationDocument: { id: string; number: string | null; status: string } | null;
  registeredMailNumber: string | null;
  registeredMailSentOn: string | null;
  reasonConfidential: boolean;
};

/** R-G1: the letter of termination, a sixth document (« lettre de fin de mission », FM-YYYY-NNNN). */
describe(`the letter of termination (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  const ids: Record<string, string> = {};
  const id = (key: string): string => ids[key] ?? '';

  const pdfOf = async (documentId: string) => {
    const res = await collab.download(`/documents/${documentId}/pdf`);
    expect(res.status, Buffer.from(res.bytes).toString()).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const layout = plainText(await pdfText(res.bytes))
      .split('\n')
      .map((line) => line.trim())
      .join('\n');
    const flowing = await flowingText(res.bytes);
    return {
      text: `${layout}\n${flowing}`,
      expectToFind(items: readonly string[]) {
        const missing = items.filter((item) => !layout.includes(item) && !flowing.includes(item));
        expect(missing, layout).toEqual([]);
      },
    };
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2027-02-01T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    ids.compta = (
      await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 10_000, recurrence: 'monthly' })
    ).id;
    const aSignedLetterOf = (name: string) =>
      aSignedLetter(collab, associe, { name, serviceId: id('compta'), effectiveDate: '2027-01-01' });
    const first = await aSignedLetterOf('Boulangerie Fin de Mission');
    ids.engagement = first.engagementId;
    ids.letter = first.letterId;
    const second = await aSignedLetterOf('Garage du Recommandé');
    ids.engagement2 = second.engagementId;
    ids.letter2 = second.letterId;
    ctx.clock.set('2027-02-10T09:00:00Z');
  });
  afterAll(() => ctx.close());

  it('R-G1 recording a termination creates its letter of termination, a draft of the sixth kind', async () => {
    const res = await collab.post(`/documents/${id('letter')}/terminate`, {
      requestedBy: 'client',
      reason: 'Cession du fonds de commerce',
      endDate: '2027-12-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const termination = res.body as TerminationView;
    expect(termination.terminationDocument).toMatchObject({ number: null, status: 'draft' });
    ids.termination = termination.id;
    ids.fm = termination.terminationDocumentId ?? '';
    const doc = (await collab.get(`/documents/${ids.fm}`)).body;
    expect(doc.document).toMatchObject({ kind: 'termination_letter', title: 'Lettre de fin de mission' });
    expect(doc.availableActions).not.toContain('edit');
    expect(doc.requiredSignatures).toEqual(['client', 'firm']);
    const listed = await collab.get(`/engagements/${id('engagement')}/terminations`);
    expect(listed.body.items[0].terminationDocument.id).toBe(ids.fm);
  });

  it('R-G1 the letter of termination is never edited, and never created by hand', async () => {
    const doc = (await collab.get(`/documents/${id('fm')}`)).body.document;
    expectProblem(
      await collab.patch(`/documents/${id('fm')}`, { version: doc.version, notes: 'Autre chose' }),
      409,
      'DOCUMENT.NOT_EDITABLE',
    );
    expectProblem(
      await collab.post('/documents', { engagementId: id('engagement'), kind: 'termination_letter' }),
      422,
      'ENGAGEMENT.DOCUMENT_KIND_NOT_ALLOWED',
    );
  });

  it('R-B5 R-G1 sending numbers it FM-2027-0001 and freezes a French PDF saying what ends and what is due', async () => {
    const preview = await pdfOf(id('fm'));
    preview.expectToFind(['Lettre de fin de mission', 'non numéroté']);
    const sent = await send(collab, id('fm'));
    expect(sent.number).toBe('FM-2027-0001');
    const pdf = await pdfOf(id('fm'));
    pdf.expectToFind([
      'Lettre de fin de mission',
      'N° FM-2027-0001 du 10/02/2027',
      'Entre les soussignés',
      'Boulangerie Fin de Mission',
      'Par la présente, le client, Boulangerie Fin de Mission, met fin à la lettre de mission n° LM-2027-0001 signée le 01/02/2027, ainsi qu’à ses avenants.',
      'La mission prend fin le 31/12/2027 : la lettre cesse de produire effet à compter du 01/01/2028.',
      'Motif Cession du fonds de commerce',
      'Date de notification 10/02/2027',
      'Date de fin de mission 31/12/2027',
      'Le préavis de 3 mois prévu par la lettre de mission est respecté',
      'Missions qui prennent fin',
      'Tenue de la comptabilité',
      '1 200,00 €',
      'Honoraires dus jusqu’à la fin de la mission',
      'restent dus jusqu’au 31/12/2027 inclus',
      '1 200,00 € HT par an pour les missions récurrentes.',
      'La lettre est facturée en 12 mensualités de 100,00 € HT.',
      'Pour le client',
      'Pour le cabinet',
    ]);
    const again = await pdfOf(id('fm'));
    expect(again.text).toBe(pdf.text);
  });

  it('R-G1 the letter of termination is signed as other documents are, and bills nothing (R-G2)', async () => {
    await sign(collab, id('fm'), 'client');
    await sign(associe, id('fm'), 'firm');
    const doc = (await collab.get(`/documents/${id('fm')}`)).body.document;
    expect(doc.status).toBe('signed');
    const schedule = await collab.get(`/engagements/${id('engagement')}/schedule?from=2027-11&to=2028-01`);
    expect(schedule.body.entries.map((e: { month: string; number: string }) => [e.month, e.number])).toEqual([
      ['2027-11', 'LM-2027-0001'],
      ['2027-12', 'LM-2027-0001'],
    ]);
  });

  it('R-G1 a confidential reason, an agreed end date, and the letter posted as a registered letter', async () => {
    const res = await associe.post(`/documents/${id('letter2')}/terminate`, {
      requestedBy: 'firm',
      reason: 'Impayés répétés',
      reasonConfidential: true,
      endDate: '2027-03-31',
      agreedOtherwise: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.termination2 = res.body.id;
    ids.fm2 = res.body.terminationDocumentId;
    expectProblem(
      await collab.post(`/documents/${id('fm2')}/registered-mail`, {
        number: '1A 123 456 7890 1',
        sentOn: '2027-02-11',
      }),
      422,
      'TERMINATION.REGISTERED_MAIL_IN_FUTURE',
    );
    expectProblem(
      await collab.post(`/documents/${id('letter2')}/registered-mail`, {
        number: '1A 123 456 7890 1',
        sentOn: '2027-02-10',
      }),
      409,
      'DOCUMENT.TRANSITION_NOT_ALLOWED',
    );
    const posted = await collab.post(`/documents/${id('fm2')}/registered-mail`, {
      number: '1A 123 456 7890 1',
      sentOn: '2027-02-10',
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body).toMatchObject({
      reasonConfidential: true,
      registeredMailNumber: '1A 123 456 7890 1',
      registeredMailSentOn: '2027-02-10',
      terminationDocument: { number: 'FM-2027-0002', status: 'sent' },
    });
    const view = (await collab.get(`/documents/${id('fm2')}`)).body;
    expect(view.document.status).toBe('sent');
    const pdf = await pdfOf(id('fm2'));
    pdf.expectToFind([
      'N° FM-2027-0002 du 10/02/2027',
      'le cabinet',
      'Les parties conviennent d’un commun accord de mettre fin à la mission le 31/03/2027',
      'Envoyée par lettre recommandée avec demande d’avis de réception n° 1A 123 456 7890 1 le 10/02/2027.',
    ]);
    expect(pdf.text).not.toContain('Impayés');
    expectProblem(
      await collab.post(`/documents/${id('fm2')}/registered-mail`, {
        number: '1A 123 456 7890 1',
        sentOn: '2027-02-10',
      }),
      409,
      'DOCUMENT.TRANSITION_NOT_ALLOWED',
    );
  });

  it('R-G1 a letter of termination posted by registered mail needs no signature: the associé is not asked to sign it', async () => {
    // Its engagement's responsible (the collaborateur here) would be its firm signatory.
    for (const api of [associe, collab]) {
      const awaiting = await api.get('/documents?awaitingMySignature=true&pageSize=200');
      expect(awaiting.status, JSON.stringify(awaiting.body)).toBe(200);
      expect((awaiting.body.items as { id: string }[]).map((d) => d.id)).not.toContain(id('fm2'));
    }
    const view = (await associe.get(`/documents/${id('fm2')}`)).body;
    expect(view.requiredSignatures).toEqual([]);
    expect(view.availableActions).not.toContain('sign');
    expectProblem(
      await associe.post(`/documents/${id('fm2')}/signatures`, { side: 'firm' }),
      422,
      'DOCUMENT.SIGNATURE_NOT_REQUIRED',
    );
    expect((await collab.get(`/documents/${id('fm2')}`)).body.document.status).toBe('sent');
  });

  it('R-G1 only a letter of termination is posted as a registered letter', async () => {
    const draft = await collab.post('/documents', {
      engagementId: id('engagement'),
      kind: 'work_order',
      lines: [],
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expectProblem(
      await collab.post(`/documents/${draft.body.id}/registered-mail`, {
        number: '1A 000',
        sentOn: '2027-02-10',
      }),
      422,
      'TERMINATION.REGISTERED_MAIL_NOT_ALLOWED',
    );
  });

  it('R-G1 a cancelled letter of termination is prepared again from its termination, once', async () => {
    const doc = (await collab.get(`/documents/${id('fm2')}`)).body.document;
    expect(doc.status).toBe('sent');
    const cancelled = await collab.post(`/documents/${id('fm2')}/cancel`, { reason: 'Erreur d’adresse' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const prepared = await collab.post(`/terminations/${id('termination2')}/letter`);
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    expect(prepared.body.terminationDocumentId).not.toBe(ids.fm2);
    expect(prepared.body).toMatchObject({
      registeredMailNumber: null,
      terminationDocument: { status: 'draft', number: null },
    });
    const again = await collab.post(`/terminations/${id('termination2')}/letter`);
    expect(again.body.terminationDocumentId).toBe(prepared.body.terminationDocumentId);
  });

  it('R-G2 the letter of termination of a quarterly letter states its fees in quarterly instalments', async () => {
    const quarterly = await aSignedLetter(collab, associe, {
      name: 'Cave du Trimestre',
      serviceId: id('compta'),
      effectiveDate: '2027-01-01',
      billingPeriod: 'quarterly',
    });
    const res = await collab.post(`/documents/${quarterly.letterId}/terminate`, {
      requestedBy: 'client',
      reason: 'Départ à la retraite',
      endDate: '2027-12-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const pdf = await pdfOf((res.body as TerminationView).terminationDocumentId ?? '');
    pdf.expectToFind([
      'Honoraires dus jusqu’à la fin de la mission',
      '1 200,00 € HT par an pour les missions récurrentes.',
      'La lettre est facturée en 4 échéances trimestrielles de 300,00 € HT.',
    ]);
    expect(pdf.text).not.toContain('mensualité');
  });

  it('the sixth kind is in the API’s enumerations', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    const spec = response.body;
    expect(spec).toContain('termination_letter');
    expect(spec).toContain('/documents/{id}/registered-mail');
    expect(spec).toContain('/terminations/{id}/letter');
  });
});
