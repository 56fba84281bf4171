import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { A_JPEG_BASE64, aPng } from '../builders/images.ts';
import { aDraft, aProspect, expectProblem, send } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { contentStreams } from '../support/pdf.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

describe(`the completeness check and the firm's branding (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  let serviceId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    // A firm that has only given its name: nothing it sends could be complete.
    firm = await aFirmWithUsers(ctx, 'Cabinet Neuf', {});
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { exclusions: null, taskSplit: [] }))
      .id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
  });
  afterAll(() => ctx.close());

  const identity = {
    legalForm: 'SARL d’expertise comptable',
    addressLine1: '3 place Bellecour',
    postalCode: '69002',
    city: 'Lyon',
    phone: '04 72 00 00 00',
    email: 'contact@neuf.test',
    rcs: 'Lyon 812 345 676',
    vatNumber: 'FR19812345676',
    ordreCouncil: 'Conseil régional Auvergne-Rhône-Alpes',
    insurer: 'Covéa Risks',
    insuranceCoverage: '500 000 € par sinistre',
  };

  it('names each missing item, refuses to send while one is missing, and lets a complete letter go', async () => {
    const engagement = await aProspect(collab, 'Garage Dubois');
    const letter = await aDraft(collab, engagement.id, serviceId, 'engagement_letter');
    const check = await collab.get(`/documents/${letter.id}/completeness`);
    expect(check.status).toBe(200);
    expect(check.body.complete).toBe(false);
    expect(check.body.missing.map((item: { message: string }) => item.message)).toEqual([
      'Forme juridique du cabinet manquante',
      'Adresse du cabinet incomplète',
      'Téléphone du cabinet manquant',
      'Adresse e-mail du cabinet manquante',
      'Numéro RCS du cabinet manquant',
      'Numéro de TVA intracommunautaire du cabinet manquant',
      'Conseil régional de l’Ordre du cabinet non renseigné',
      'Assureur de responsabilité civile professionnelle du cabinet non renseigné',
      'Garantie de l’assurance professionnelle du cabinet non renseignée',
      'Mission « Tenue de la comptabilité » : limites de la mission (ce qu’elle ne comprend pas) non précisées',
      'Mission « Tenue de la comptabilité » : répartition des tâches entre le cabinet et le client non renseignée',
    ]);
    const refused = await collab.post(`/documents/${letter.id}/send`);
    expectProblem(refused, 422, 'DOCUMENT.INCOMPLETE');
    expect(refused.body.details.missing).toEqual(check.body.missing);
    // Nothing was numbered nor frozen: the draft is as it was.
    const view = (await collab.get(`/documents/${letter.id}`)).body.document;
    expect(view).toMatchObject({ status: 'draft', number: null, pdfSha256: null });

    const current = (await associe.get('/firm')).body;
    expect((await associe.patch('/firm', { version: current.version, ...identity })).status).toBe(200);
    const { service } = (await associe.get(`/services/${serviceId}`)).body;
    const described = await associe.patch(`/services/${serviceId}`, {
      version: service.version,
      exclusions: 'Cette mission n’est ni un audit ni un examen limité.',
      taskSplit: [{ task: 'Saisie', who: 'firm', frequency: 'mensuelle' }],
    });
    expect(described.status, JSON.stringify(described.body)).toBe(200);
    // The draft's line still reads the catalogue: the check is now clean, and the letter goes.
    expect((await collab.get(`/documents/${letter.id}/completeness`)).body).toEqual({
      complete: true,
      missing: [],
    });
    expect((await send(collab, letter.id)).number).toBe('LM-2026-0001');
  });

  it('the client’s missing signatory is named', async () => {
    const res = await collab.post('/engagements', {
      company: {
        name: 'Sans Signataire',
        legalForm: 'SAS',
        siren: '552100554',
        fiscalYearEnd: '12-31',
        addressLine1: '1 rue A',
        postalCode: '69001',
        city: 'Lyon',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const proposal = await aDraft(collab, res.body.id, serviceId);
    const check = (await collab.get(`/documents/${proposal.id}/completeness`)).body;
    expect(check.missing).toEqual([
      { code: 'client.signatory', message: 'Signataire du client non renseigné' },
    ]);
  });

  it('an associé uploads a PNG logo and chooses a colour: both appear in the next PDF', async () => {
    const png = aPng(240, 90, [200, 30, 30]);
    const uploaded = await associe.put('/firm/logo', {
      contentType: 'image/png',
      base64: png.toString('base64'),
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    expect(uploaded.body).toMatchObject({ contentType: 'image/png', width: 240, height: 90 });
    const back = await collab.download('/firm/logo');
    expect(back.headers['content-type']).toBe('image/png');
    // Issue 20: the logo kept is the image decoded and written anew (the same pixels), not the upload.
    expect(PNG.sync.read(Buffer.from(back.bytes)).data.equals(PNG.sync.read(png).data)).toBe(true);
    const firmView = (await associe.get('/firm')).body;
    expect(firmView.hasLogo).toBe(true);
    const coloured = await associe.patch('/firm', { version: firmView.version, accentColor: '#ff0000' });
    expect(coloured.body.accentColor).toBe('#FF0000');

    const engagement = await aProspect(collab, 'Atelier Lumière');
    const draft = await aDraft(collab, engagement.id, serviceId);
    const preview = await collab.download(`/documents/${draft.id}/pdf`);
    const streams = contentStreams(preview.bytes);
    expect(streams).toMatch(/\/I\d+ Do/); // an image drawn on the page…
    expect(Buffer.from(preview.bytes).toString('latin1')).toMatch(/\/Width 240\s+\/Height 90/); // …the logo
    expect(streams).toContain('1 0 0 scn'); // the headings and table headers in the firm's red
  });

  it('a JPEG is accepted too; a renamed text file, a too heavy or too large image are refused in French', async () => {
    expect(
      (await associe.put('/firm/logo', { contentType: 'image/jpeg', base64: A_JPEG_BASE64 })).status,
    ).toBe(200);
    const fake = await associe.put('/firm/logo', {
      contentType: 'image/png',
      base64: Buffer.from('pas une image').toString('base64'),
    });
    expectProblem(fake, 422, 'FIRM.LOGO_INVALID');
    const heavy = Buffer.concat([aPng(1, 1), Buffer.alloc(1024 * 1024)]);
    expectProblem(
      await associe.put('/firm/logo', { contentType: 'image/png', base64: heavy.toString('base64') }),
      413,
      'FIRM.LOGO_TOO_LARGE',
    );
    expectProblem(
      await associe.put('/firm/logo', { contentType: 'image/png', base64: aPng(4200, 2).toString('base64') }),
      413,
      'FIRM.LOGO_TOO_LARGE',
    );
    expectProblem(
      await associe.put('/firm/logo', { contentType: 'image/gif', base64: 'R0lGOD' }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    // The refused uploads left the JPEG in place.
    expect((await collab.download('/firm/logo')).headers['content-type']).toBe('image/jpeg');
  });

  it('only an associé changes the logo; removing it twice says there is none', async () => {
    expectProblem(
      await collab.put('/firm/logo', { contentType: 'image/jpeg', base64: A_JPEG_BASE64 }),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(await collab.delete('/firm/logo'), 403, 'AUTH.FORBIDDEN');
    expect((await associe.delete('/firm/logo')).status).toBe(204);
    expectProblem(await associe.delete('/firm/logo'), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await collab.get('/firm/logo'), 404, 'RESOURCE.NOT_FOUND');
  });

  it('concurrent uploads never fail: the last one wins, and one logo remains', async () => {
    const uploads = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        associe.put('/firm/logo', { contentType: 'image/png', base64: aPng(10 + i, 10).toString('base64') }),
      ),
    );
    expect(uploads.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await associe.get('/firm')).body.hasLogo).toBe(true);
  });
});
