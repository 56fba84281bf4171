import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRegisterScreening } from '../../src/application/vigilance/register-import.ts';
import { sendReviewReminders } from '../../src/application/vigilance/review-reminders.ts';
import { DEFAULT_REVIEW_PERIODS } from '../../src/domain/vigilance/reviews.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aProspect, aSentLetter, expectProblem, sign } from '../builders/through-api.ts';
import {
  A_FREEZE_REGISTER,
  assess,
  completeVigilanceFile,
  enableVigilanceControls,
  identifyClient,
} from '../builders/vigilance-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  loginHeaders,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const codesOf = (missing: { code: string }[]) => missing.map((m) => m.code);
const ELHADDAD = { firstNames: 'Mohamed', lastName: 'Elhaddad', birthDate: '1970-03-12' };

describe(`LCB-FT over time: screening job, reminders, campaigns, retention (${databaseKind})`, () => {
  let ctx: TestContext;
  let smtp: SmtpReceiver;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  let serviceId: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    ctx = await createTestContext({ smtpUrl: smtp.url, jobs: { pollingIntervalSeconds: 0.5 } });
    firm = await aFirmWithUsers(ctx, 'Cabinet Vigilant');
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { recurrence: 'yearly' })).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    await enableVigilanceControls(associe);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('R-F5 the import queues the screening of every file; the register state follows it to the end', async () => {
    const listed = await aProspect(collab, 'Import Levant');
    await identifyClient(collab, listed.id, ELHADDAD);
    const clean = await aProspect(collab, 'Fromagerie Alpine');
    await completeVigilanceFile(collab, clean.id);
    expect((await associe.get('/vigilance/register')).body).toEqual({ lastImport: null, screening: null });

    const imported = await associe.post('/vigilance/register', A_FREEZE_REGISTER);
    expect(imported.status, JSON.stringify(imported.body)).toBe(202);
    expect(imported.body).toMatchObject({
      lastImport: { entryCount: 6, publishedAt: '2026-11-27T08:00:00', importedBy: firm.users.associe.id },
      screening: { status: 'running', filesTotal: 2, filesScreened: 0, newMatches: 0, finishedAt: null },
    });
    await ctx.drainJobs(90_000);
    const state = (await associe.get('/vigilance/register')).body;
    expect(state.screening).toMatchObject({ status: 'done', filesTotal: 2, filesScreened: 2, newMatches: 1 });
    expect(state.lastImport.id).toBe(imported.body.lastImport.id);
    const file = (await collab.get(`/engagements/${listed.id}/vigilance`)).body;
    expect(file.matches).toMatchObject([{ entryId: '4101', status: 'open' }]);
    // The associés' list carries the client's name and the person's birth date (no file read per row).
    expect((await associe.get('/vigilance/matches')).body.items).toMatchObject([
      {
        entryId: '4101',
        companyName: 'Import Levant',
        personBirthDate: '1970-03-12',
        entryBirthDates: [{ year: 1970, month: 3, day: 12 }],
      },
    ]);
    expect(codesOf(file.blockers)).toContain('screening');
    expect(file.history.map((e: { type: string }) => e.type)).toContain('screening.matched');
    expect((await collab.get(`/engagements/${clean.id}/vigilance`)).body.blockers).toEqual([]);
    expectProblem(await collab.get('/vigilance/register'), 403, 'AUTH.FORBIDDEN');
  }, 120_000);

  it('R-F4 mails the responsible user once per due date, in French, through the mail queue', async () => {
    await enableVigilanceControls(associe, { ...DEFAULT_REVIEW_PERIODS, simplified: 1 });
    try {
      const engagement = await aProspect(collab, 'Pharmacie des Remparts');
      await completeVigilanceFile(collab, engagement.id); // next review 2026-12-29: within 30 days
      expect(await sendReviewReminders(ctx.deps)).toBe(1);
      await ctx.drainJobs(90_000);
      expect(ctx.jobErrors).toEqual([]);
      const mail = await smtp.waitForMail((m) => (m.subject ?? '').includes('revue LCB-FT'));
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(firm.users.collaborateur.email);
      expect(mail.text).toContain('Pharmacie des Remparts\u00a0: revue périodique, due le 29/12/2026');
      expect(mail.text).toContain(`/engagements/${engagement.id}`);
      // The next run, here or on another server: the due date was reminded already.
      expect(await sendReviewReminders(ctx.deps)).toBe(0);
      await ctx.drainJobs(90_000);
      expect(smtp.mails.filter((m) => (m.subject ?? '').includes('revue LCB-FT'))).toHaveLength(1);
    } finally {
      await enableVigilanceControls(associe);
    }
  }, 120_000);

  it('R-F1 R-F4 a campaign skips a client whose file stops the letter, and its letters ask for a review', async () => {
    // Two clients whose letters were signed while the gate was off.
    await associe.put('/vigilance/settings', { controlsEnabled: false, periods: DEFAULT_REVIEW_PERIODS });
    const ready = await aProspect(collab, 'Menuiserie Prête');
    const unknown = await aProspect(collab, 'Menuiserie Inconnue');
    for (const engagement of [ready, unknown]) {
      const { letterId } = await aSentLetter(collab, engagement.id, serviceId);
      await sign(collab, letterId, 'client');
      await sign(associe, letterId, 'firm');
    }
    await completeVigilanceFile(collab, ready.id);
    await enableVigilanceControls(associe);

    const selection = {
      responsibleUserIds: [],
      fiscalYearEndMonths: [],
      termsVersionBelow: null,
      signedBefore: null,
      serviceIds: [],
    };
    const created = await collab.post('/campaigns', {
      name: 'Renouvellement LCB-FT',
      settings: {
        revaluation: { method: 'coefficient', coefficient: '1,03' },
        effectiveDate: '2027-01-01',
        validUntil: '2026-12-31',
        selection,
        exceptions: [],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const preview = (await collab.get(`/campaigns/${id}/preview?pageSize=200`)).body;
    const planOf = (name: string) =>
      preview.clients.items.find((p: { companyName: string }) => p.companyName === name);
    expect(planOf('Menuiserie Inconnue')).toMatchObject({
      outcome: 'skipped',
      reason: 'vigilance_incomplete',
      missing: ['Dossier d’identification LCB-FT non commencé', 'Évaluation du risque LCB-FT non faite'],
    });
    expect(planOf('Menuiserie Prête')).toMatchObject({ outcome: 'planned' });
    expect(preview.summary.skippedByReason.vigilance_incomplete).toBeGreaterThanOrEqual(1);
    const csv = await collab.download(`/campaigns/${id}/preview.csv`);
    expect(Buffer.from(csv.bytes).toString('utf8')).toContain('Dossier LCB-FT bloquant l’envoi');

    expect((await collab.post(`/campaigns/${id}/generate`)).status).toBe(202);
    await ctx.drainJobs(90_000);
    const items = (await collab.get(`/campaigns/${id}/items?pageSize=50`)).body.items;
    const itemOf = (name: string) => items.find((i: { companyName: string }) => i.companyName === name);
    expect(itemOf('Menuiserie Inconnue')).toMatchObject({
      status: 'skipped',
      skipReason: 'vigilance_incomplete',
      sendProblem: {
        code: 'VIGILANCE.FILE_INCOMPLETE',
        missing: expect.arrayContaining(['Évaluation du risque LCB-FT non faite']),
      },
    });
    const generated = itemOf('Menuiserie Prête');
    expect(generated).toMatchObject({ status: 'generated', sendProblem: null });
    // R-F4: the campaign's replacement letter asks for a review, due within thirty days.
    const file = (await collab.get(`/engagements/${ready.id}/vigilance`)).body;
    expect(file.reviews).toMatchObject([
      { reason: 'replacement_letter', dueOn: '2026-12-29', documentId: generated.documentId },
    ]);
  }, 180_000);

  it('R-F7 the termination sets the end of the relationship; purged five years on, never before', async () => {
    await associe.put('/vigilance/settings', { controlsEnabled: false, periods: DEFAULT_REVIEW_PERIODS });
    const engagement = await aProspect(collab, 'Atelier Sortant');
    const { letterId } = await aSentLetter(collab, engagement.id, serviceId);
    await sign(collab, letterId, 'client');
    await sign(associe, letterId, 'firm');
    await enableVigilanceControls(associe);
    await identifyClient(collab, engagement.id);
    await assess(collab, engagement.id);
    const terminated = await collab.post(`/documents/${letterId}/terminate`, {
      requestedBy: 'client',
      reason: 'Cession du fonds',
      endDate: '2027-12-31',
      agreedOtherwise: true,
    });
    expect(terminated.status, JSON.stringify(terminated.body)).toBe(201);
    const file = (await collab.get(`/engagements/${engagement.id}/vigilance`)).body;
    expect(file.file).toMatchObject({
      relationshipEndedOn: '2027-12-31',
      retentionEndsOn: '2032-12-31',
      isPurgeable: false,
      purgedAt: null,
    });
    expect(file.history.map((e: { type: string }) => e.type)).toContain('relationship.ended');

    const reason = { reason: 'Fin de la conservation de cinq ans' };
    expectProblem(
      await associe.post(`/vigilance/files/${engagement.id}/purge`, reason),
      422,
      'VIGILANCE.RETENTION_NOT_OVER',
    );
    expect((await associe.get('/vigilance/purge')).body.items).toEqual([]);

    ctx.clock.set('2033-01-03T09:00:00Z');
    try {
      // Six years later: new sessions.
      const later = apiAs(ctx, await loginHeaders(ctx, firm.users.associe.email));
      expect((await later.get('/vigilance/purge')).body.items).toEqual([
        {
          engagementId: engagement.id,
          companyName: 'Atelier Sortant',
          clientCode: expect.any(String),
          relationshipEndedOn: '2027-12-31',
          retentionEndsOn: '2032-12-31',
        },
      ]);
      expectProblem(
        await apiAs(ctx, await loginHeaders(ctx, firm.users.collaborateur.email)).post(
          `/vigilance/files/${engagement.id}/purge`,
          reason,
        ),
        403,
        'AUTH.FORBIDDEN',
      );
      const purged = await later.post(`/vigilance/files/${engagement.id}/purge`, reason);
      expect(purged.status, JSON.stringify(purged.body)).toBe(200);
      expect(purged.body).toMatchObject({ purgedBy: firm.users.associe.id, purgeReason: reason.reason });
      const tomb = (await later.get(`/engagements/${engagement.id}/vigilance`)).body;
      expect(tomb.file).toMatchObject({ identification: null, assessment: null, purgeReason: reason.reason });
      expect(tomb.evidence).toEqual([]);
      expect(tomb.history.map((e: { type: string }) => e.type)).toEqual(['file.purged']);
      expect(JSON.stringify(tomb)).not.toContain('1975-04-12');
      expectProblem(
        await later.post(`/vigilance/files/${engagement.id}/purge`, reason),
        409,
        'VIGILANCE.FILE_ALREADY_PURGED',
      );
      expect((await later.get('/vigilance/purge')).body.items).toEqual([]);
    } finally {
      ctx.clock.set('2026-11-29T09:00:00Z');
    }
  }, 120_000);

  it('R-F7 purged, the client returns, ends again, purgeable again', async () => {
    await associe.put('/vigilance/settings', { controlsEnabled: false, periods: DEFAULT_REVIEW_PERIODS });
    const engagement = await aProspect(collab, 'Atelier Revenant');
    const { letterId } = await aSentLetter(collab, engagement.id, serviceId);
    await sign(collab, letterId, 'client');
    await sign(associe, letterId, 'firm');
    await enableVigilanceControls(associe);
    await identifyClient(collab, engagement.id);
    const identification = (await collab.get(`/engagements/${engagement.id}/vigilance`)).body.file
      .identification;
    const terminated = await collab.post(`/documents/${letterId}/terminate`, {
      requestedBy: 'client',
      reason: 'Départ',
      endDate: '2027-06-30',
      agreedOtherwise: true,
    });
    expect(terminated.status, JSON.stringify(terminated.body)).toBe(201);
    const reason = { reason: 'Fin de la conservation de cinq ans' };
    ctx.clock.set('2033-01-03T09:00:00Z');
    try {
      const later = apiAs(ctx, await loginHeaders(ctx, firm.users.associe.email));
      expect((await later.post(`/vigilance/files/${engagement.id}/purge`, reason)).status).toBe(200);
      // The former client comes back a minute later: a new identification writes the file again.
      ctx.clock.set('2033-01-03T09:01:00Z');
      const written = await later.put(
        `/engagements/${engagement.id}/vigilance/identification`,
        identification,
      );
      expect(written.status, JSON.stringify(written.body)).toBe(200);
      const back = (await later.get(`/engagements/${engagement.id}/vigilance`)).body;
      expect(back.file).toMatchObject({ purgedAt: null, purgedBy: null, purgeReason: null });
      expect(back.history.map((e: { type: string }) => e.type)).toEqual([
        'file.purged',
        'identification.updated',
      ]);
      // Its relationship is over (ended 2027-06-30, five years passed): purgeable once more.
      expect((await later.get('/vigilance/purge')).body.items).toMatchObject([
        { engagementId: engagement.id },
      ]);
      const again = await later.post(`/vigilance/files/${engagement.id}/purge`, reason);
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect((await later.get(`/engagements/${engagement.id}/vigilance`)).body.file).toMatchObject({
        identification: null,
        purgeReason: reason.reason,
      });
    } finally {
      ctx.clock.set('2026-11-29T09:00:00Z');
    }
  }, 120_000);
});

describe(`R-F5 the screening job resumes after a crash (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;

  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx, 'Cabinet Reprise');
  });
  afterAll(() => ctx.close());

  it('R-F5 holds the letters until screened; a crash loses one chunk, the next run ends it once', async () => {
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const associe = apiAs(ctx, firm.users.associe.headers);
    await enableVigilanceControls(associe);
    const names = ['Négoce Un', 'Négoce Deux', 'Négoce Trois'];
    const ids: string[] = [];
    for (const name of names) {
      const engagement = await aProspect(collab, name);
      await identifyClient(collab, engagement.id, ELHADDAD);
      await assess(collab, engagement.id);
      ids.push(engagement.id);
    }
    // No job queue here: the screening waits, and the gate holds the files.
    const imported = await associe.post('/vigilance/register', A_FREEZE_REGISTER);
    expect(imported.status).toBe(202);
    const blockers = (await collab.get(`/engagements/${ids[0]}/vigilance`)).body.blockers;
    expect(codesOf(blockers)).toEqual(['screening.pending']);

    const registerId = imported.body.lastImport.id as string;
    let transactions = 0;
    const crashing = {
      ...ctx.deps,
      store: Object.assign(Object.create(ctx.deps.store), {
        transaction: (firmId: string, fn: never) => {
          transactions += 1;
          if (transactions === 2) throw new Error('le serveur s’arrête');
          return ctx.deps.store.transaction(firmId, fn);
        },
      }),
    };
    await expect(
      runRegisterScreening(crashing, { firmId: firm.firmId, registerId, chunkSize: 1 }),
    ).rejects.toThrow('le serveur s’arrête');
    expect((await associe.get('/vigilance/register')).body.screening).toMatchObject({
      status: 'running',
      filesScreened: 1,
      newMatches: 1,
    });
    await runRegisterScreening(ctx.deps, { firmId: firm.firmId, registerId, chunkSize: 1 });
    // Run again (a retry, another server): nothing left, nothing twice.
    await runRegisterScreening(ctx.deps, { firmId: firm.firmId, registerId, chunkSize: 1 });
    expect((await associe.get('/vigilance/register')).body.screening).toMatchObject({
      status: 'done',
      filesTotal: 3,
      filesScreened: 3,
      newMatches: 3,
    });
    for (const id of ids) {
      const file = (await collab.get(`/engagements/${id}/vigilance`)).body;
      expect(file.matches).toHaveLength(1);
      expect(codesOf(file.blockers)).toEqual(['screening']);
    }
  }, 120_000);
});
