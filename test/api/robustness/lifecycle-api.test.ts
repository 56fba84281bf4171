import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aClient,
  aDraft,
  aFirmWithData,
  aProspect,
  aSentLetter,
  expectProblem,
  type FirmData,
  nextSiren,
  send,
  sign,
} from '../../builders/through-api.ts';
import type { Api } from '../../support/api-client.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { databaseKind } from '../../support/test-database.ts';

type Line = { label: string; quantity: string; unitPriceCents: number; serviceId: string | null };
const contentOf = (lines: Line[]) =>
  lines.map(({ label, quantity, unitPriceCents, serviceId }) => ({
    label,
    quantity,
    unitPriceCents,
    serviceId,
  }));

const typesOf = async (api: Api, url: string) =>
  ((await api.get(url)).body.items as { type: string }[]).map((event) => event.type);

/** The lifecycle of documents and engagements as a user drives it through the API. */
describe(`document and engagement lifecycle through the API (${databaseKind})`, () => {
  let ctx: TestContext;
  let data: FirmData;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z' });
    data = await aFirmWithData(ctx, 'Cabinet Caron');
  });
  afterAll(() => ctx.close());

  const collab = () => data.collab;
  const associe = () => data.associe;
  const service = () => data.services.bookkeeping.id;

  describe('refusal (R-B6)', () => {
    it('R-B6 a refused proposal records its reason and creates nothing', async () => {
      const engagement = await aProspect(collab(), 'Boucherie Lemaire');
      const proposal = await aDraft(collab(), engagement.id, service());
      await send(collab(), proposal.id);
      const refused = await collab().post(`/documents/${proposal.id}/refuse`, {
        reason: 'Honoraires trop élevés',
      });
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ status: 'refused', refusalReason: 'Honoraires trop élevés' });
      const view = (await collab().get(`/documents/${proposal.id}`)).body;
      expect(view.createdLetterId).toBeNull();
      expect(view.availableActions).toEqual([]);
      const documents = (await collab().get(`/documents?engagementId=${engagement.id}`)).body;
      expect(documents.total).toBe(1);
      expect((await collab().get(`/engagements/${engagement.id}`)).body.engagement.state).toBe('prospect');
      const history = (await collab().get(`/documents/${proposal.id}/history`)).body.items;
      expect(history.at(-1)).toMatchObject({
        type: 'document.refused',
        data: { reason: 'Honoraires trop élevés' },
      });
      expectProblem(
        await collab().post(`/documents/${proposal.id}/signatures`, { side: 'client' }),
        409,
        'DOCUMENT.TRANSITION_NOT_ALLOWED',
      );
    });

    it('R-B6 a refused letter leaves a prospect a prospect, without a client code', async () => {
      const engagement = await aProspect(collab(), 'Brasserie Picard');
      const { letterId } = await aSentLetter(collab(), engagement.id, service());
      await sign(associe(), letterId, 'firm');
      const refused = await collab().post(`/documents/${letterId}/refuse`, {
        reason: 'Le client change de cabinet',
      });
      expect(refused.body.status).toBe('refused');
      const after = (await collab().get(`/engagements/${engagement.id}`)).body.engagement;
      expect(after).toMatchObject({ state: 'prospect', clientCode: null, convertedAt: null });
      expect(await typesOf(collab(), `/engagements/${engagement.id}/history`)).not.toContain(
        'engagement.converted',
      );
      expectProblem(
        await collab().post(`/documents/${letterId}/signatures`, { side: 'client' }),
        409,
        'DOCUMENT.TRANSITION_NOT_ALLOWED',
      );
    });

    it('a refusal needs a reason, and only a sent document can be refused', async () => {
      const draft = await aDraft(collab(), data.prospect.id, service());
      expectProblem(
        await collab().post(`/documents/${draft.id}/refuse`, {}),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expectProblem(
        await collab().post(`/documents/${draft.id}/refuse`, { reason: '   ' }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expectProblem(
        await collab().post(`/documents/${draft.id}/refuse`, { reason: 'Trop tôt' }),
        409,
        'DOCUMENT.TRANSITION_NOT_ALLOWED',
      );
    });
  });

  describe('cancellation and duplication (R-B4)', () => {
    it('cancels a draft with a reason; a cancelled document takes no further action', async () => {
      const withReason = await aDraft(collab(), data.prospect.id, service());
      const cancelled = await collab().post(`/documents/${withReason.id}/cancel`, { reason: 'Doublon' });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Doublon', number: null });
      for (const action of ['send', 'cancel']) {
        expectProblem(
          await collab().post(`/documents/${withReason.id}/${action}`),
          409,
          'DOCUMENT.TRANSITION_NOT_ALLOWED',
        );
      }
      expectProblem(
        await collab().patch(`/documents/${withReason.id}`, { version: cancelled.body.version, title: 'X' }),
        409,
        'DOCUMENT.NOT_EDITABLE',
      );
    });

    it('cancels a document sent without any body, the reason being optional (a missing body was a 400)', async () => {
      const draft = await aDraft(collab(), data.prospect.id, service());
      const bare = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/documents/${draft.id}/cancel`,
        headers: data.firm.users.collaborateur.headers,
      });
      expect(bare.statusCode, bare.body).toBe(200);
      expect(bare.json()).toMatchObject({ status: 'cancelled', cancelReason: null });
    });

    it('R-B4 cancels a sent document: it keeps its number, which is never given again', async () => {
      const draft = await aDraft(collab(), data.prospect.id, service());
      const { number } = await send(collab(), draft.id);
      const cancelled = await collab().post(`/documents/${draft.id}/cancel`, { reason: 'Erreur de tarif' });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', number, cancelReason: 'Erreur de tarif' });
      const next = await aDraft(collab(), data.prospect.id, service());
      expect((await send(collab(), next.id)).number).not.toBe(number);
    });

    it('a signed document cannot be cancelled', async () => {
      expectProblem(
        await collab().post(`/documents/${data.client.letterId}/cancel`, { reason: 'Trop tard' }),
        409,
        'DOCUMENT.TRANSITION_NOT_ALLOWED',
      );
    });

    it('R-B4 duplicates a cancelled sent document into a new draft with the same lines', async () => {
      const created = await collab().post('/documents', {
        engagementId: data.prospect.id,
        kind: 'proposal',
        title: 'Offre 2026',
        validUntil: '2026-04-30',
        paymentTerms: 'À 30 jours',
        lines: [
          { serviceId: service(), quantity: 1 },
          { serviceId: data.services.payslip.id, quantity: '7.5', unitPriceCents: 2_750 },
          {
            label: 'Frais de reprise de dossier',
            description: 'Reprise des dossiers comptables et fiscaux transmis par le cabinet précédent.',
            quantity: 1,
            unitPriceCents: 30_000,
            recurrence: 'one_off',
          },
        ],
      });
      const source = created.body;
      const sent = await send(collab(), source.id);
      await collab().post(`/documents/${source.id}/cancel`, { reason: 'Tarif de paie à revoir' });
      const duplicate = await collab().post(`/documents/${source.id}/duplicate`);
      expect(duplicate.status).toBe(201);
      expect(duplicate.body).toMatchObject({
        kind: 'proposal',
        status: 'draft',
        number: null,
        engagementId: data.prospect.id,
        duplicatedFromId: source.id,
        title: 'Offre 2026',
        paymentTerms: 'À 30 jours',
        totals: source.totals,
        isFrozen: false,
      });
      expect(contentOf(duplicate.body.lines)).toEqual(contentOf(source.lines));
      const sourceIds = new Set(source.lines.map((l: { id: string }) => l.id));
      expect(duplicate.body.lines.some((l: { id: string }) => sourceIds.has(l.id))).toBe(false);
      // The source is untouched; the copy is a draft like any other: edited, then sent with a new number.
      expect((await collab().get(`/documents/${source.id}`)).body.document).toMatchObject({
        status: 'cancelled',
        number: sent.number,
      });
      const edited = await collab().patch(`/documents/${duplicate.body.id}`, {
        version: duplicate.body.version,
        lines: [{ serviceId: data.services.payslip.id, quantity: 8, unitPriceCents: 2_900 }],
      });
      expect(edited.status).toBe(200);
      const resent = await send(collab(), duplicate.body.id);
      expect(resent.number).not.toBe(sent.number);
      expect(await typesOf(collab(), `/documents/${duplicate.body.id}/history`)).toEqual([
        'document.duplicated',
        'document.updated',
        'document.sent',
      ]);
    });

    it('R-A3 duplicates a draft work order of a client engagement', async () => {
      const duplicate = await collab().post(`/documents/${data.workOrder.id}/duplicate`);
      expect(duplicate.status).toBe(201);
      expect(duplicate.body).toMatchObject({ kind: 'work_order', engagementId: data.client.engagement.id });
    });
  });

  describe('conversion (R-A4, R-A6, R-A7)', () => {
    it('R-A7 converts a prospect by hand with a reason recorded in its history; a second time is ENGAGEMENT.ALREADY_CLIENT', async () => {
      const engagement = await aProspect(collab(), 'Plomberie Marchand');
      expectProblem(
        await collab().post(`/engagements/${engagement.id}/convert`, {}),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      const converted = await collab().post(`/engagements/${engagement.id}/convert`, {
        reason: 'Client repris d’un confrère, lettre signée sur papier',
      });
      expect(converted.status).toBe(200);
      expect(converted.body).toMatchObject({
        state: 'client',
        clientCode: expect.stringMatching(/^CLI\d{5}$/),
      });
      const history = (await collab().get(`/engagements/${engagement.id}/history`)).body.items;
      expect(history.at(-1)).toMatchObject({
        type: 'engagement.converted',
        before: { state: 'prospect' },
        after: { state: 'client', clientCode: converted.body.clientCode },
        data: { reason: 'Client repris d’un confrère, lettre signée sur papier', manual: true },
        actorUserId: data.firm.users.collaborateur.id,
      });
      const again = await collab().post(`/engagements/${engagement.id}/convert`, { reason: 'Encore' });
      expectProblem(again, 409, 'ENGAGEMENT.ALREADY_CLIENT');
      const after = (await collab().get(`/engagements/${engagement.id}`)).body.engagement;
      expect(after).toMatchObject({ state: 'client', clientCode: converted.body.clientCode });
      expect(
        (await typesOf(collab(), `/engagements/${engagement.id}/history`)).filter(
          (t) => t === 'engagement.converted',
        ),
      ).toHaveLength(1);
    });

    it('R-A3 a client converted by hand may then hold every kind of document', async () => {
      const engagement = await aProspect(collab(), 'Coiffure Barbier');
      await collab().post(`/engagements/${engagement.id}/convert`, { reason: 'Client historique' });
      const workOrder = await aDraft(collab(), engagement.id, data.services.creation.id, 'work_order');
      expect(workOrder.id).toBeDefined();
    });

    it('R-A6 a second signed letter changes nothing of the state, the client code or the conversion date', async () => {
      const engagementId = data.client.engagement.id;
      const before = (await collab().get(`/engagements/${engagementId}`)).body.engagement;
      expect(before.state).toBe('client');
      const payroll = await collab().post('/documents', {
        engagementId,
        kind: 'engagement_letter',
        title: 'Lettre de mission sociale',
        lines: [{ serviceId: data.services.payslip.id, quantity: 3 }],
      });
      expect(payroll.status).toBe(201);
      await send(collab(), payroll.body.id);
      await sign(collab(), payroll.body.id, 'client');
      const signed = await sign(associe(), payroll.body.id, 'firm');
      expect(signed.document.status).toBe('signed');
      const after = (await collab().get(`/engagements/${engagementId}`)).body.engagement;
      expect(after).toMatchObject({
        state: 'client',
        clientCode: before.clientCode,
        convertedAt: before.convertedAt,
      });
      expect(
        (await typesOf(collab(), `/engagements/${engagementId}/history`)).filter(
          (t) => t === 'engagement.converted',
        ),
      ).toHaveLength(1);
      // R-C5: both letters are in force.
      const scope = (await collab().get(`/engagements/${engagementId}/scope`)).body;
      expect(scope.letters.map((l: { letterId: string }) => l.letterId).sort()).toEqual(
        [data.client.letterId, payroll.body.id].sort(),
      );
    });

    it('R-A5 signing a proposal alone leaves the prospect a prospect', async () => {
      const engagement = await aProspect(collab(), 'Papeterie Colin');
      const proposal = await aDraft(collab(), engagement.id, service());
      await send(collab(), proposal.id);
      await sign(collab(), proposal.id, 'client');
      expect((await collab().get(`/engagements/${engagement.id}`)).body.engagement.state).toBe('prospect');
    });
  });

  describe('replacement and amendments of a letter replaced meanwhile (R-D1, R-C2)', () => {
    const replacementOf = async (engagementId: string) => {
      const res = await collab().post('/documents', {
        engagementId,
        kind: 'replacement_letter',
        effectiveDate: '2026-06-01',
        replacement: { coefficient: '1,03' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await send(collab(), res.body.id);
      await sign(collab(), res.body.id, 'client');
      return res.body as { id: string; replacesIds: string[] };
    };

    it('R-D1 a second replacement of a letter already replaced cannot be signed: its fees would count twice', async () => {
      const client = await aClient(collab(), associe(), service(), 'Menuiserie Gilles');
      const first = await replacementOf(client.engagement.id);
      const second = await replacementOf(client.engagement.id);
      expect(second.replacesIds).toEqual([client.letterId]);
      expect((await associe().post(`/documents/${first.id}/signatures`, { side: 'firm' })).status).toBe(201);
      const refused = await associe().post(`/documents/${second.id}/signatures`, { side: 'firm' });
      expectProblem(refused, 422, 'DOCUMENT.LETTER_NOT_IN_FORCE');
      expect(refused.body.details).toEqual({ letterIds: [client.letterId] });
      const view = (await collab().get(`/documents/${second.id}`)).body;
      expect(view.document.status).toBe('sent');
      expect(view.signatures.map((s: { side: string }) => s.side)).toEqual(['client']);
      const scope = (await collab().get(`/engagements/${client.engagement.id}/scope?date=2026-07-01`)).body;
      expect(scope.letters.map((l: { letterId: string }) => l.letterId)).toEqual([first.id]);
      expect(scope.annualRecurringCents).toBe(123_600);
      // The way out: cancel it.
      expect(
        (await collab().post(`/documents/${second.id}/cancel`, { reason: 'Déjà remplacée' })).status,
      ).toBe(200);
    });

    it('R-C2 an amendment of a letter replaced since it was sent cannot be signed', async () => {
      const client = await aClient(collab(), associe(), service(), 'Tapisserie Noël');
      const amendment = await collab().post('/documents', {
        engagementId: client.engagement.id,
        kind: 'amendment',
        amendsLetterId: client.letterId,
        changes: [{ op: 'add', line: { serviceId: data.services.payslip.id, quantity: 2 } }],
      });
      expect(amendment.status).toBe(201);
      await send(collab(), amendment.body.id);
      await sign(collab(), amendment.body.id, 'client');
      const replacement = await replacementOf(client.engagement.id);
      await sign(associe(), replacement.id, 'firm');
      expectProblem(
        await associe().post(`/documents/${amendment.body.id}/signatures`, { side: 'firm' }),
        422,
        'DOCUMENT.LETTER_NOT_IN_FORCE',
      );
      expect((await collab().get(`/documents/${amendment.body.id}`)).body.document.status).toBe('sent');
    });
  });

  it('R-C2 R-D1 an amendment or a replacement cannot aim at a letter of another engagement of the firm', async () => {
    const other = await aClient(collab(), associe(), service(), 'Horlogerie Brun');
    const amendment = await collab().post('/documents', {
      engagementId: data.client.engagement.id,
      kind: 'amendment',
      amendsLetterId: other.letterId,
      changes: [{ op: 'remove', targetLineId: other.letterLineId }],
    });
    expectProblem(amendment, 422, 'DOCUMENT.LETTER_NOT_IN_FORCE');
    const replacement = await collab().post('/documents', {
      engagementId: data.client.engagement.id,
      kind: 'replacement_letter',
      replacement: { replacesIds: [other.letterId] },
    });
    expectProblem(replacement, 422, 'DOCUMENT.LETTER_NOT_IN_FORCE');
    expect((await collab().get(`/documents/${other.letterId}`)).body.document.status).toBe('signed');
  });

  describe('lists: paginated, filtered, sorted', () => {
    const names = ['Zeta Delta', 'Zeta Alpha', 'Zeta Echo', 'Zeta Charlie', 'Zeta Bravo'];
    const sirens: Record<string, string> = {};
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      for (const [index, name] of names.entries()) {
        sirens[name] = nextSiren();
        const res = await collab().post('/engagements', {
          company: {
            name,
            legalForm: 'SAS',
            siren: sirens[name],
            activity: 'Conseil en systèmes informatiques',
            addressLine1: '40 cours Gambetta',
            postalCode: '69007',
            city: 'Lyon',
          },
          signatory: { firstName: 'Claire', lastName: 'Fabre', capacity: 'Présidente' },
          ...(index % 2 === 0 ? { responsibleUserId: data.firm.users.associe.id } : {}),
        });
        expect(res.status).toBe(201);
        ids[name] = res.body.id;
        ctx.clock.advanceDays(0.01);
      }
      await collab().post(`/engagements/${ids['Zeta Charlie']}/convert`, { reason: 'Client historique' });
    });

    it('searches engagements by company name, case and accents aside', async () => {
      const res = await collab().get('/engagements?search=zeta&pageSize=200');
      expect(res.body.total).toBe(5);
      expect(res.body.items.map((e: { companyName: string }) => e.companyName).sort()).toEqual(
        [...names].sort(),
      );
    });

    it('searches engagements by SIREN, typed whole, with spaces, or by its first digits', async () => {
      const siren = sirens['Zeta Echo'] as string;
      for (const search of [siren, `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`]) {
        const res = await collab().get(`/engagements?search=${encodeURIComponent(search)}`);
        expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([ids['Zeta Echo']]);
        expect(res.body.items[0].siren).toBe(siren);
      }
      const byPrefix = await collab().get(`/engagements?search=${siren.slice(0, 6)}`);
      expect(byPrefix.body.items.map((e: { id: string }) => e.id)).toContain(ids['Zeta Echo']);
    });

    it('searches companies by name and by SIREN', async () => {
      const siren = sirens['Zeta Bravo'] as string;
      expect(
        (await collab().get(`/companies?search=${siren}`)).body.items.map((c: { name: string }) => c.name),
      ).toEqual(['Zeta Bravo']);
      expect((await collab().get('/companies?search=Zeta%20B')).body.total).toBe(1);
    });

    it('filters engagements by state and by responsible user', async () => {
      const clients = (await collab().get('/engagements?search=Zeta&state=client')).body;
      expect(clients.items.map((e: { id: string }) => e.id)).toEqual([ids['Zeta Charlie']]);
      const prospects = (await collab().get('/engagements?search=Zeta&state=prospect')).body;
      expect(prospects.total).toBe(4);
      const byAssocie = (
        await collab().get(`/engagements?search=Zeta&responsibleUserId=${data.firm.users.associe.id}`)
      ).body;
      expect(byAssocie.items.map((e: { companyName: string }) => e.companyName).sort()).toEqual(
        ['Zeta Delta', 'Zeta Echo', 'Zeta Bravo'].sort(),
      );
      expect(
        byAssocie.items.every((e: { responsibleName: string }) => e.responsibleName.startsWith('associe')),
      ).toBe(true);
    });

    it('sorts engagements by company name both ways, and by creation date', async () => {
      const asc = (await collab().get('/engagements?search=Zeta&sort=companyName&direction=asc')).body.items;
      expect(asc.map((e: { companyName: string }) => e.companyName)).toEqual([...names].sort());
      const desc = (await collab().get('/engagements?search=Zeta&sort=companyName&direction=desc')).body
        .items;
      expect(desc.map((e: { companyName: string }) => e.companyName)).toEqual([...names].sort().reverse());
      const created = (await collab().get('/engagements?search=Zeta&sort=createdAt&direction=asc')).body
        .items;
      expect(created.map((e: { companyName: string }) => e.companyName)).toEqual(names);
    });

    it('paginates engagements: pages do not overlap and add up to the total', async () => {
      const seen: string[] = [];
      for (const page of [1, 2, 3]) {
        const res = (
          await collab().get(
            `/engagements?search=Zeta&sort=companyName&direction=asc&pageSize=2&page=${page}`,
          )
        ).body;
        expect(res).toMatchObject({ total: 5, page, pageSize: 2 });
        expect(res.items).toHaveLength(page < 3 ? 2 : 1);
        seen.push(...res.items.map((e: { companyName: string }) => e.companyName));
      }
      expect(seen).toEqual([...names].sort());
      const beyond = (await collab().get('/engagements?search=Zeta&pageSize=2&page=4')).body;
      expect(beyond).toMatchObject({ total: 5, items: [] });
    });

    it('filters documents by engagement, kind and status, searches them by number, sorts them by number', async () => {
      const engagementId = ids['Zeta Alpha'] as string;
      const sent = [];
      for (let i = 0; i < 3; i++) {
        const draft = await aDraft(collab(), engagementId, service());
        sent.push((await send(collab(), draft.id)).number);
      }
      await aDraft(collab(), engagementId, service());
      const all = (await collab().get(`/documents?engagementId=${engagementId}`)).body;
      expect(all.total).toBe(4);
      expect(all.items.every((d: { companyName: string }) => d.companyName === 'Zeta Alpha')).toBe(true);
      const sentOnly = (await collab().get(`/documents?engagementId=${engagementId}&status=sent`)).body;
      expect(sentOnly.total).toBe(3);
      const drafts = (
        await collab().get(`/documents?engagementId=${engagementId}&status=draft&kind=proposal`)
      ).body;
      expect(drafts.total).toBe(1);
      const letters = (await collab().get(`/documents?engagementId=${engagementId}&kind=engagement_letter`))
        .body;
      expect(letters.total).toBe(0);
      const byNumber = (await collab().get(`/documents?search=${sent[1]}`)).body;
      expect(byNumber.items.map((d: { number: string }) => d.number)).toEqual([sent[1]]);
      const byName = (await collab().get('/documents?search=zeta%20alpha')).body;
      expect(byName.total).toBe(4);
      const sorted = (await collab().get(`/documents?engagementId=${engagementId}&sort=number&direction=asc`))
        .body.items as { number: string | null }[];
      // Drafts have no number yet: they come last whichever the direction.
      expect(sorted.map((d) => d.number)).toEqual([...[...sent].sort(), null]);
      const sortedDesc = (
        await collab().get(`/documents?engagementId=${engagementId}&sort=number&direction=desc`)
      ).body.items as { number: string | null }[];
      expect(sortedDesc.map((d) => d.number)).toEqual([...[...sent].sort().reverse(), null]);
    });

    it('a search with LIKE wildcards finds them literally, not everything', async () => {
      for (const search of ['%', '_', '%25', '\\']) {
        const res = await collab().get(`/engagements?search=${encodeURIComponent(search)}`);
        expect(res.status).toBe(200);
        expect(res.body.total, search).toBe(0);
      }
    });
  });
});
