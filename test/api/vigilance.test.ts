import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, aProspect, expectProblem, send, sign } from '../builders/through-api.ts';
import { anAssessment } from '../builders/vigilance.ts';
import {
  A_FREEZE_REGISTER,
  assess,
  completeVigilanceFile,
  enableVigilanceControls,
  identifyClient,
} from '../builders/vigilance-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  loginHeaders,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const codesOf = (body: { details?: { missing?: { code: string }[] } }) =>
  (body.details?.missing ?? []).map((m) => m.code);

describe(`the LCB-FT gate before the engagement letter (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  let serviceId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { recurrence: 'yearly' })).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    await enableVigilanceControls(associe);
  });
  afterAll(() => ctx.close());

  /** A prospect whose proposal is signed: its engagement letter waits as a draft (R-B2). */
  const aLetterToSend = async (name: string) => {
    const engagement = await aProspect(collab, name);
    const proposal = await aDraft(collab, engagement.id, serviceId);
    await send(collab, proposal.id); // R-F1: a proposal is not gated.
    await sign(collab, proposal.id, 'client');
    const letterId = (await collab.get(`/documents/${proposal.id}`)).body.createdLetterId as string;
    return { engagementId: engagement.id, letterId };
  };

  it('R-F1 refuses a letter while the file is not started, listing what is missing, then sends it', async () => {
    const { engagementId, letterId } = await aLetterToSend('Boulangerie Martin');
    const refused = await collab.post(`/documents/${letterId}/send`);
    expectProblem(refused, 422, 'VIGILANCE.FILE_INCOMPLETE');
    expect(codesOf(refused.body)).toEqual(['identification', 'assessment']);
    expect(refused.body.detail).toContain('Vigilance LCB-FT');
    // The document page shows the same list before sending.
    const page = (await collab.get(`/documents/${letterId}/vigilance`)).body;
    expect(page).toMatchObject({ applies: true, ready: false });
    expect(page.missing.map((m: { code: string }) => m.code)).toEqual(['identification', 'assessment']);

    await identifyClient(collab, engagementId);
    expect(codesOf((await collab.post(`/documents/${letterId}/send`)).body)).toEqual(['assessment']);
    expect((await assess(collab, engagementId)).body).toMatchObject({
      file: { level: 'simplified' },
      blockers: [],
    });
    expect((await send(collab, letterId)).number).toMatch(/^LM-/);
  });

  it('R-F1 names each missing item of an incomplete identification', async () => {
    const { engagementId, letterId } = await aLetterToSend('Garage Dubois');
    const file = (await collab.get(`/engagements/${engagementId}/vigilance`)).body;
    // Prefilled from the company's record and its signatory.
    expect(file.file.identification).toMatchObject({
      clientType: 'company',
      company: { name: 'Garage Dubois', legalForm: 'SARL', registeredOffice: '12 rue Paul Bert, 69003 Lyon' },
      representatives: [{ firstNames: 'Paul', lastName: 'Martin', capacity: 'Gérant', birthDate: null }],
    });
    await collab.put(`/engagements/${engagementId}/vigilance/identification`, file.file.identification);
    await assess(collab, engagementId);
    const refused = await collab.post(`/documents/${letterId}/send`);
    expect(codesOf(refused.body)).toEqual([
      'identification.representatives.0.birthDate',
      'identification.representatives.0.birthPlace',
      'identification.beneficialOwners',
      'identification.evidence.kbis',
      'identification.evidence.beneficialOwnersRegister',
      `identification.evidence.identity.${file.file.identification.representatives[0].id}`,
    ]);
  });

  it('R-F3 refuses an enhanced file until an associé approves it with the origin of funds', async () => {
    const { engagementId, letterId } = await aLetterToSend('Holding Levant');
    await identifyClient(collab, engagementId);
    const assessed = await assess(collab, engagementId, { politicallyExposed: true });
    expect(assessed.body.file.level).toBe('enhanced');
    expect(codesOf((await collab.post(`/documents/${letterId}/send`)).body)).toEqual(['approval']);
    const approval = { originOfFunds: 'Revenus professionnels déclarés, avis d’imposition vus' };
    expectProblem(
      await collab.post(`/engagements/${engagementId}/vigilance/approval`, approval),
      403,
      'AUTH.FORBIDDEN',
    );
    const approved = await associe.post(`/engagements/${engagementId}/vigilance/approval`, approval);
    expect(approved.body.file.approval).toMatchObject({
      approvedBy: firm.users.associe.id,
      assessmentVersion: 1,
    });
    expect((await send(collab, letterId)).number).toMatch(/^LM-/);
  });

  it('R-F2 refuses an override downwards, and a criterion without its reason', async () => {
    const { engagementId } = await aLetterToSend('Transports Rhône');
    const { criteria } = anAssessment();
    const lowered = await assess(collab, engagementId, {
      criteria: { ...criteria, client: { level: 'high', reason: 'Structure opaque' } },
      override: { level: 'standard', reason: 'Client connu' },
    });
    expectProblem(lowered, 422, 'VIGILANCE.OVERRIDE_DOWNWARDS');
    expect(lowered.body.details).toEqual({ computed: 'enhanced', requested: 'standard' });
    const unexplained = await assess(collab, engagementId, {
      criteria: { ...criteria, missions: { level: 'low', reason: '' } },
    });
    expectProblem(unexplained, 422, 'VIGILANCE.ASSESSMENT_INVALID');
  });

  it('R-F4 refuses a letter while the review is overdue, and sends it once reviewed', async () => {
    const { engagementId, letterId } = await aLetterToSend('Pharmacie du Parc');
    await enableVigilanceControls(associe, { enhanced: 12, standard: 24, simplified: 1 });
    await completeVigilanceFile(collab, engagementId);
    const file = (await collab.get(`/engagements/${engagementId}/vigilance`)).body;
    expect(file.file).toMatchObject({ lastReviewedOn: '2026-11-29', nextReviewDue: '2026-12-29' });
    ctx.clock.set('2026-12-30T09:00:00Z');
    // A month later: a new session.
    const later = apiAs(ctx, await loginHeaders(ctx, firm.users.collaborateur.email));
    try {
      const refused = await later.post(`/documents/${letterId}/send`);
      expectProblem(refused, 422, 'VIGILANCE.FILE_INCOMPLETE');
      expect(refused.body.details.missing).toEqual([
        { code: 'review', message: 'Revue périodique du dossier en retard (due le 29/12/2026)' },
      ]);
      const reviewed = await later.post(`/engagements/${engagementId}/vigilance/reviews`, {
        note: 'Rien de nouveau',
      });
      expect(reviewed.body.file.nextReviewDue).toBe('2027-01-30');
      expect((await send(later, letterId)).number).toMatch(/^LM-/);
    } finally {
      ctx.clock.set('2026-11-29T09:00:00Z');
      await enableVigilanceControls(associe);
    }
  });

  it('R-F5 refuses a letter while a register match is open; an associé clears it with a reason', async () => {
    const imported = await associe.post('/vigilance/register', A_FREEZE_REGISTER);
    expect(imported.status, JSON.stringify(imported.body)).toBe(202);
    expect(imported.body.lastImport).toMatchObject({ entryCount: 6, publishedAt: '2026-11-27T08:00:00' });
    const { engagementId, letterId } = await aLetterToSend('Import Levant');
    await identifyClient(collab, engagementId, {
      firstNames: 'Mohamed',
      lastName: 'Elhaddad',
      birthDate: '1970-03-12',
    });
    await assess(collab, engagementId);
    const refused = await collab.post(`/documents/${letterId}/send`);
    expect(codesOf(refused.body)).toEqual(['screening']);
    const [match] = (await collab.get(`/engagements/${engagementId}/vigilance`)).body.matches;
    expect(match).toMatchObject({
      entryId: '4101',
      status: 'open',
      birthDateAgrees: true,
      personName: 'Mohamed Elhaddad',
      // The register entry's birth date beside the person's, as the register gives it.
      entryBirthDates: [{ year: 1970, month: 3, day: 12 }],
    });

    const decision = {
      decision: 'cleared',
      reason: 'Homonyme : passeport français, autre lieu de naissance',
    };
    expectProblem(
      await collab.post(`/vigilance/matches/${match.id}/decision`, decision),
      403,
      'AUTH.FORBIDDEN',
    );
    const cleared = await associe.post(`/vigilance/matches/${match.id}/decision`, decision);
    expect(cleared.body).toMatchObject({
      status: 'cleared',
      decidedBy: firm.users.associe.id,
      entryBirthDates: [{ year: 1970, month: 3, day: 12 }],
    });
    expectProblem(
      await associe.post(`/vigilance/matches/${match.id}/decision`, decision),
      409,
      'VIGILANCE.MATCH_ALREADY_DECIDED',
    );
    expect((await send(collab, letterId)).number).toMatch(/^LM-/);
  });

  /** A client's letter signed with its LCB-FT file complete, and a new amendment of it (R-F4). */
  const anAmendmentOfASignedLetter = async (name: string) => {
    const { engagementId, letterId } = await aLetterToSend(name);
    await completeVigilanceFile(collab, engagementId);
    await send(collab, letterId);
    await sign(collab, letterId, 'client');
    await sign(associe, letterId, 'firm');
    const amendment = await collab.post('/documents', {
      engagementId,
      kind: 'amendment',
      amendsLetterId: letterId,
      changes: [{ op: 'add', line: { serviceId, quantity: 1 } }],
    });
    expect(amendment.status, JSON.stringify(amendment.body)).toBe(201);
    return { engagementId, amendment };
  };

  it('R-F4 an amendment asks for a review, listed with the files due', async () => {
    const { engagementId, amendment } = await anAmendmentOfASignedLetter('Cave Saint-Jean');
    const file = (await collab.get(`/engagements/${engagementId}/vigilance`)).body;
    expect(file.reviews).toMatchObject([
      { reason: 'amendment', dueOn: '2026-12-29', documentId: amendment.body.id },
    ]);
    const due = (await collab.get('/vigilance/reviews')).body.items;
    expect(due).toContainEqual({ engagementId, dueOn: '2026-12-29', reason: 'amendment', isOverdue: false });
    // Reviewed: the asked review is done.
    await collab.post(`/engagements/${engagementId}/vigilance/reviews`, { note: null });
    expect((await collab.get(`/engagements/${engagementId}/vigilance`)).body.reviews).toEqual([]);
  });

  it('R-F4 a duplicated amendment asks for a review, as a created one does', async () => {
    const { engagementId, amendment } = await anAmendmentOfASignedLetter('Cave Saint-Paul');
    await collab.post(`/engagements/${engagementId}/vigilance/reviews`, { note: null });
    expect((await collab.get(`/engagements/${engagementId}/vigilance`)).body.reviews).toEqual([]);

    const copy = await collab.post(`/documents/${amendment.body.id}/duplicate`);
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    expect(copy.body).toMatchObject({ kind: 'amendment', duplicatedFromId: amendment.body.id });
    const file = (await collab.get(`/engagements/${engagementId}/vigilance`)).body;
    expect(file.reviews).toMatchObject([
      { reason: 'amendment', dueOn: '2026-12-29', documentId: copy.body.id },
    ]);
  });

  it('R-F5 a match shows the birth dates of its entry as the import it was found against gives them', async () => {
    const elhaddad = { firstNames: 'Mohamed', lastName: 'Elhaddad', birthDate: '1970-03-12' };
    expect((await associe.post('/vigilance/register', A_FREEZE_REGISTER)).status).toBe(202);
    const before = await aProspect(collab, 'Négoce Oriental');
    await identifyClient(collab, before.id, elhaddad);
    // The next day's register gives the entry's year of birth only.
    const details = (A_FREEZE_REGISTER.Publications as { PublicationDetail: Record<string, unknown>[] })
      .PublicationDetail;
    const yearOnly = details.map((entry) =>
      entry.IdRegistre !== 4101
        ? entry
        : {
            ...entry,
            RegistreDetail: (entry.RegistreDetail as { TypeChamp: string }[]).map((field) =>
              field.TypeChamp === 'DATE_DE_NAISSANCE' ? { ...field, Valeur: [{ Annee: '1970' }] } : field,
            ),
          },
    );
    ctx.clock.set('2026-11-30T09:00:00Z');
    const nextDay = {
      collab: apiAs(ctx, await loginHeaders(ctx, firm.users.collaborateur.email)),
      associe: apiAs(ctx, await loginHeaders(ctx, firm.users.associe.email)),
    };
    try {
      const updated = {
        ...A_FREEZE_REGISTER,
        Publications: { ...(A_FREEZE_REGISTER.Publications as object), PublicationDetail: yearOnly },
      };
      expect((await nextDay.associe.post('/vigilance/register', updated)).status).toBe(202);
      const after = await aProspect(nextDay.collab, 'Négoce du Levant');
      await identifyClient(nextDay.collab, after.id, elhaddad);

      const matchOf = async (engagementId: string) =>
        (await nextDay.collab.get(`/engagements/${engagementId}/vigilance`)).body.matches;
      expect(await matchOf(before.id)).toMatchObject([
        { entryId: '4101', entryBirthDates: [{ year: 1970, month: 3, day: 12 }] },
      ]);
      expect(await matchOf(after.id)).toMatchObject([
        { entryId: '4101', entryBirthDates: [{ year: 1970, month: null, day: null }] },
      ]);
      const listed = (await nextDay.associe.get('/vigilance/matches')).body.items;
      const byClient = (name: string) =>
        listed.find((m: { companyName: string }) => m.companyName === name)?.entryBirthDates;
      expect(byClient('Négoce Oriental')).toEqual([{ year: 1970, month: 3, day: 12 }]);
      expect(byClient('Négoce du Levant')).toEqual([{ year: 1970, month: null, day: null }]);
    } finally {
      ctx.clock.set('2026-11-29T09:00:00Z');
    }
  });

  it('R-F5 refuses a file that is not the register', async () => {
    expectProblem(
      await associe.post('/vigilance/register', { foo: 'bar' }),
      422,
      'VIGILANCE.REGISTER_INVALID',
    );
    expectProblem(await collab.post('/vigilance/register', A_FREEZE_REGISTER), 403, 'AUTH.FORBIDDEN');
  });

  it('R-F1 refuses a paper signature of a letter whose file is not ready', async () => {
    const { engagementId, letterId } = await aLetterToSend('Menuiserie Blanc');
    // Sent while the controls were off (a firm switching them on with letters in flight).
    await associe.put('/vigilance/settings', {
      controlsEnabled: false,
      periods: { enhanced: 12, standard: 24, simplified: 36 },
    });
    await send(collab, letterId);
    await enableVigilanceControls(associe);
    const paper = { side: 'client', method: 'paper', signatoryName: 'Paul Martin' };
    expectProblem(
      await collab.post(`/documents/${letterId}/signatures`, paper),
      422,
      'VIGILANCE.FILE_INCOMPLETE',
    );
    await completeVigilanceFile(collab, engagementId);
    expect((await collab.post(`/documents/${letterId}/signatures`, paper)).status).toBe(201);
  });
});

describe(`the LCB-FT file: evidence and confidentiality (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let engagementId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx, 'Cabinet Rive');
    engagementId = (await aProspect(apiAs(ctx, firm.users.collaborateur.headers), 'Atelier Nord')).id;
  });
  afterAll(() => ctx.close());

  it('R-F1 keeps an evidence document as uploaded, with its SHA-256; refuses a renamed file', async () => {
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const pdf = Buffer.from('%PDF-1.4\nune pièce\n%%EOF\n');
    const res = await collab.post(`/engagements/${engagementId}/vigilance/evidence`, {
      kind: 'kbis',
      fileName: 'kbis.pdf',
      contentType: 'application/pdf',
      base64: pdf.toString('base64'),
    });
    expect(res.status).toBe(201);
    const { createHash } = await import('node:crypto');
    expect(res.body).toMatchObject({
      sha256: createHash('sha256').update(pdf).digest('hex'),
      sizeBytes: pdf.byteLength,
      checkedBy: firm.users.collaborateur.id,
    });
    const file = await collab.download(`/vigilance/evidence/${res.body.id}/file`);
    expect(Buffer.from(file.bytes).equals(pdf)).toBe(true);
    const renamed = {
      kind: 'kbis',
      fileName: 'kbis.png',
      contentType: 'image/png',
      base64: pdf.toString('base64'),
    };
    expectProblem(
      await collab.post(`/engagements/${engagementId}/vigilance/evidence`, renamed),
      422,
      'VIGILANCE.EVIDENCE_INVALID',
    );
  });

  it('R-F6 risk notes are read by associés only; the file by associés and the responsible user', async () => {
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const associe = apiAs(ctx, firm.users.associe.headers);
    const notes = 'Soupçon : espèces importantes à l’ouverture';
    expect((await assess(associe, engagementId, { notes })).status).toBe(200);
    expect((await associe.get(`/engagements/${engagementId}/vigilance`)).body.file.assessment.notes).toBe(
      notes,
    );
    const seen = (await collab.get(`/engagements/${engagementId}/vigilance`)).body;
    expect(seen.file.assessment.notes).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('Soupçon');
    // A collaborator's new assessment keeps the notes it could not read.
    await assess(collab, engagementId, { notes: null });
    expect((await associe.get(`/engagements/${engagementId}/vigilance`)).body.file.assessment.notes).toBe(
      notes,
    );
    // The history and the webhooks follow the file's state, never its notes (R-F6).
    const events = await ctx.deps.store.read(firm.firmId).events.listByEngagement(engagementId);
    const changes = events.filter((e) => e.type === 'vigilance.file_changed');
    expect(changes.map((e) => (e.data as { change: string }).change)).toEqual([
      'evidence',
      'assessment',
      'assessment',
    ]);
    expect(changes.at(-1)?.data).toMatchObject({ ready: false, nextReviewDue: '2029-11-29' });
    expect(JSON.stringify(events)).not.toContain('Soupçon');
    const reader = apiAs(ctx, firm.users.lecture.headers);
    expectProblem(await reader.get(`/engagements/${engagementId}/vigilance`), 403, 'AUTH.FORBIDDEN');
  });
});
