import { A_LOGO, A_PNG_BASE64 } from '../../builders/images.ts';
import { anAssessment } from '../../builders/vigilance.ts';
import { A_FREEZE_REGISTER, A_PDF_BASE64 } from '../../builders/vigilance-api.ts';
import type { ApiResponse } from '../../support/api-client.ts';
import type { TestContext } from '../../support/test-app.ts';
import type { AllFirmData } from './firm-data.ts';

export const API_PREFIX = '/api/v1';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

/** A route of the API as OpenAPI spells it, without the prefix: `PATCH /documents/{id}`. */
export type Route = { method: Method; path: string };
export const routeKey = (route: Route): string => `${route.method} ${route.path}`;
/** The names of a route's path parameters: `['id', 'signatureId']`. */
export const paramsOf = (route: Route): string[] =>
  [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
export const hasId = (route: Route): boolean => paramsOf(route).length > 0;
export const isWrite = (route: Route): boolean => route.method !== 'GET';
/**
 * The public side of e-signature and verification (signing.routes.ts, under /api/v1/public): no
 * session, outside the auth hooks; a {token} is the signer's personal link, not an id of a firm.
 */
export const isPublic = (route: Route): boolean => route.path.startsWith('/public/');

/** Every route of the OpenAPI document under /api/v1. */
export const documentedRoutes = async (ctx: TestContext): Promise<Route[]> => {
  const document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith(`${API_PREFIX}/`))
    .flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter((method): method is Method => (METHODS as readonly string[]).includes(method))
        .map((method) => ({ method, path: path.slice(API_PREFIX.length) })),
    );
};

/**
 * Every route Fastify serves under /api/v1, read from printRoutes' tree (each level indents by
 * four characters and holds the next piece of the path), so that a route hidden from the OpenAPI
 * document does not escape the suites.
 */
export const registeredRoutes = (ctx: TestContext): Route[] => {
  const stack: string[] = [];
  const routes: Route[] = [];
  for (const line of ctx.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([\s│├└─]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4 - 1;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const path = stack.join('').replace(/\/:(\w+)/g, '/{$1}');
    if (!path.startsWith(`${API_PREFIX}/`)) continue;
    for (const method of (match[3] ?? '').split(', ')) {
      if ((METHODS as readonly string[]).includes(method)) {
        routes.push({ method: method as Method, path: path.slice(API_PREFIX.length) });
      }
    }
  }
  return routes;
};

/** `id` fills {id}; `params` fills the others ({signatureId}…). */
export type RouteRequest = { id?: string; params?: Record<string, string>; body?: unknown; query?: string };
export type Params = Record<string, string>;

export const paramsOfRequest = (request: RouteRequest): Params => ({
  ...(request.id === undefined ? {} : { id: request.id }),
  ...request.params,
});

/**
 * A valid request for every route, aimed at the given firm's own data: the suites send these as
 * another firm, another role, or nobody. A route missing here fails the suites that list routes.
 */
export const validRequests = (data: AllFirmData): Record<string, RouteRequest> => {
  const { prospect, draft, sentProposal, services, token, signing } = data;
  const link = { params: { token: signing.token } };
  return {
    'POST /auth/login': { body: { email: data.firm.users.lecture.email, password: 'secret-pass' } },
    'POST /auth/logout': {},
    'POST /auth/password-reset': { body: { email: 'personne@nulle.part' } },
    'POST /auth/password-reset/confirm': {
      body: { token: 'x'.repeat(43), newPassword: 'une-phrase-assez-longue' },
    },
    'POST /auth/password': { body: { currentPassword: 'secret-pass', newPassword: 'secret-pass' } },
    'GET /auth/me': {},
    'GET /auth/session': {},
    'GET /api-tokens': {},
    'POST /api-tokens': { body: { name: 'Autre intégration' } },
    'DELETE /api-tokens/{id}': { id: token.id },
    'GET /engagements': { query: 'state=prospect&sort=companyName&direction=asc' },
    'POST /engagements': { body: { company: { name: 'Madame Durand', isIndividual: true } } },
    'GET /engagements/{id}': { id: prospect.id },
    'PATCH /engagements/{id}': { id: prospect.id, body: { version: 1, title: 'Nouveau titre' } },
    'POST /engagements/{id}/convert': { id: prospect.id, body: { reason: 'Client historique du cabinet' } },
    'GET /engagements/{id}/history': { id: prospect.id },
    'GET /engagements/{id}/scope': { id: data.client.engagement.id, query: 'date=2026-12-31' },
    'GET /companies': { query: 'search=a' },
    'POST /companies': { body: { name: 'Monsieur Petit', isIndividual: true } },
    'GET /companies/{id}': { id: prospect.companyId },
    'PATCH /companies/{id}': { id: prospect.companyId, body: { version: 1, activity: 'Boulangerie' } },
    'POST /companies/{id}/contacts': {
      id: prospect.companyId,
      body: { firstName: 'Anne', lastName: 'Martin', capacity: 'Associée' },
    },
    'PATCH /contacts/{id}': {
      id: prospect.signatoryContactId,
      body: { version: 1, phone: '01 02 03 04 05' },
    },
    'GET /documents': { query: 'kind=proposal&status=draft' },
    'POST /documents': {
      body: {
        engagementId: prospect.id,
        kind: 'proposal',
        lines: [{ serviceId: services.bookkeeping.id, quantity: 1 }],
      },
    },
    'GET /documents/{id}': { id: draft.id },
    'PATCH /documents/{id}': { id: draft.id, body: { version: draft.version, title: 'Offre révisée' } },
    'GET /documents/{id}/history': { id: draft.id },
    'POST /documents/{id}/send': { id: draft.id },
    'POST /documents/{id}/signatures': { id: sentProposal.id, body: { side: 'client' } },
    'GET /documents/{id}/signatures/{signatureId}/scan': {
      id: data.client.letterId,
      params: { signatureId: data.client.scannedSignatureId },
    },
    'POST /documents/{id}/refuse': { id: sentProposal.id, body: { reason: 'Honoraires trop élevés' } },
    'POST /documents/{id}/cancel': { id: draft.id, body: { reason: 'Erreur de saisie' } },
    'POST /documents/{id}/duplicate': { id: draft.id },
    'GET /documents/{id}/completeness': { id: draft.id },
    'POST /documents/{id}/send-preview': { id: draft.id, body: { message: 'Bonjour' } },
    // A sent document answers the PDF frozen at its sending: the same bytes before and after.
    'GET /documents/{id}/pdf': { id: sentProposal.id },
    'GET /firm': {},
    'PATCH /firm': { body: { version: 1, city: 'Lyon' } },
    'GET /firm/logo': {},
    'PUT /firm/logo': { body: A_LOGO },
    'DELETE /firm/logo': {},
    'GET /firm/seal-identity': {},
    // Not a PKCS#12: refused (422) after the role and the body passed, the key left as it was.
    'PUT /firm/seal-identity': { body: { base64: A_PNG_BASE64, password: 'mot-de-passe' } },
    'DELETE /firm/seal-identity': {},
    'GET /users': {},
    'POST /users': {
      body: {
        email: `nouveau-${data.firm.firmId.slice(0, 8)}@cabinet.test`,
        name: 'Nouveau collaborateur',
        role: 'collaborateur',
        password: 'un-mot-de-passe-long',
      },
    },
    'PATCH /users/{id}': { id: data.firm.users.lecture.id, body: { version: 1, name: 'Lecteur renommé' } },
    'POST /users/{id}/password': { id: data.firm.users.lecture.id, body: { newPassword: 'secret-pass' } },
    'GET /services': { query: 'includeArchived=true' },
    'POST /services': {
      body: {
        code: 'CONSEIL-X',
        label: 'Conseil ponctuel',
        domain: 'conseil',
        recurrence: 'one_off',
        pricingMode: 'hourly',
        priceCents: 15_000,
      },
    },
    'GET /services/{id}': { id: services.spare.id },
    'PATCH /services/{id}': { id: services.spare.id, body: { version: 1, label: 'Attestation' } },
    'POST /services/{id}/archive': { id: services.spare.id, body: {} },
    'POST /services/{id}/unarchive': { id: services.spare.id, body: {} },
    'POST /services/revalue': { body: { coefficient: '1,02', dryRun: true } },
    'GET /terms': {},
    'POST /terms': {
      body: { title: 'Conditions générales 2027', body: 'Article 1 — Objet.', effectiveFrom: '2027-01-01' },
    },
    'GET /terms/current': {},
    'GET /terms/{id}': { id: data.terms.id },
    'GET /webhook-event-types': {},
    'GET /webhooks': {},
    'POST /webhooks': {
      body: {
        url: 'https://hooks.example.test/autre',
        description: 'Logiciel de paie',
        events: ['document.signed', 'document.refused'],
      },
    },
    'PATCH /webhooks/{id}': {
      id: data.webhook.id,
      body: {
        version: 1,
        url: `https://hooks.example.test/${data.firm.firmId.slice(0, 8)}/nouvelle`,
        description: 'Logiciel de facturation (nouvelle adresse)',
        events: ['document.sent', 'document.signed'],
        isActive: true,
      },
    },
    // A webhook of its own: deleting it takes its deliveries along, which the routes below read.
    'DELETE /webhooks/{id}': { id: data.spareWebhook.id },
    'GET /webhooks/{id}/deliveries': { id: data.webhook.id, query: 'page=1&pageSize=20' },
    'GET /webhook-deliveries': { query: 'page=1&pageSize=20' },
    'POST /webhook-deliveries/{id}/replay': { id: data.deliveryId },
    'GET /documents/{id}/signing': { id: signing.documentId },
    'GET /documents/{id}/signing/trail': { id: signing.documentId },
    // `side` is a choice, not an id: the same in every firm (isolation.test.ts swaps ids only).
    'POST /documents/{id}/signing/{side}/resend': { id: signing.documentId, params: { side: 'client' } },
    // A document without a sealed copy answers 404 RESOURCE.NOT_FOUND here, which would pass for a
    // refusal in isolation.test.ts: the builder seals the client letter, so the firm's own id gets
    // its 200 and another firm's the 404, as on every other route.
    'GET /documents/{id}/signed-pdf': { id: data.sealed.documentId },
    // Sealed already: asking again queues nothing, and answers 202 all the same.
    'POST /documents/{id}/signing/seal': { id: data.sealed.documentId },
    'GET /mails': { query: `documentId=${signing.documentId}` },
    'GET /mails/{id}': { id: signing.mailId },
    'GET /public/signing/{token}': link,
    'GET /public/signing/{token}/pdf': link,
    // The link is still open (not signed): SIGNING.COPY_NOT_READY, the copy comes after the signatures.
    'GET /public/signing/{token}/signed-copy': link,
    'POST /public/signing/{token}/code': link,
    // No code was asked for: a wrong one counts a try, far from the lock.
    'POST /public/signing/{token}/code/verify': { ...link, body: { code: '123456' } },
    // Refused (SIGNING.CODE_REQUIRED) until a code is verified: the link stays open for the suites.
    'POST /public/signing/{token}/sign': {
      ...link,
      body: { consent: true, typedName: signing.signerName, drawingPngBase64: A_PNG_BASE64 },
    },
    'POST /public/signing/{token}/refuse': { ...link, body: { reason: 'Les honoraires ne conviennent pas' } },
    'POST /public/verification': { body: { sha256: data.sealed.sha256 } },
    // No setup link was ever printed on this database: refused, and nothing is created.
    'POST /public/installation': {
      body: {
        token: 'x'.repeat(43),
        firm: { name: 'Cabinet Fictif', siren: '732829320' },
        associe: { name: 'Jean Fictif', email: 'jean@fictif.fr', password: 'une-phrase-assez-longue' },
        catalogue: 'vide',
      },
    },
    // Issue 17. Already terminated by the firm's data: 409 TERMINATION.ALREADY_TERMINATED.
    'POST /documents/{id}/terminate': {
      id: data.client.letterId,
      body: {
        requestedBy: 'client',
        reason: 'Départ à la retraite du gérant',
        endDate: '2027-12-31',
        agreedOtherwise: true,
      },
    },
    'GET /engagements/{id}/terminations': { id: data.client.engagement.id },
    // R-G1: the termination already has its letter, which is answered again.
    'POST /terminations/{id}/letter': { id: data.termination.id },
    // A signed letter, not a draft letter of termination: 409 DOCUMENT.TRANSITION_NOT_ALLOWED.
    'POST /documents/{id}/registered-mail': {
      id: data.client.letterId,
      body: { number: '1A 123 456 7890 1', sentOn: '2026-11-30' },
    },
    // A draft work order: refused (422 BILLING.LINE_NOT_ONE_OFF) once the role and the body passed.
    'POST /documents/{id}/lines/{lineId}/done': {
      id: data.workOrder.id,
      params: { lineId: data.workOrder.lines[0]?.id ?? '' },
      body: { doneOn: '2027-05-15' },
    },
    'GET /engagements/{id}/schedule': { id: data.client.engagement.id, query: 'from=2027-01&to=2027-12' },
    'GET /billing/schedule': { query: 'from=2027-01&to=2027-12' },
    'GET /billing/schedule.csv': { query: 'from=2027-01&to=2027-12' },
    'GET /billing/schedule.json': { query: 'from=2027-01&to=2027-12' },
    'POST /billing/exports': { body: { month: '2027-01' } },
    'GET /billing/recurring-revenue': { query: 'date=2027-06-30' },
    'GET /billing/recurring-revenue.csv': { query: 'date=2027-06-30' },
    'GET /billing/revenue-bridge': { query: 'from=2026-12-31&to=2027-12-31' },
    'GET /billing/revenue-bridge.csv': { query: 'from=2026-12-31&to=2027-12-31' },
    'GET /campaigns': {},
    'POST /campaigns': {
      body: {
        name: 'Renouvellement 2028',
        settings: {
          revaluation: { method: 'index', referenceIndex: '318,4', newIndex: '327,3' },
          effectiveDate: '2028-01-01',
          validUntil: '2027-12-31',
        },
      },
    },
    'GET /campaigns/{id}': { id: data.campaign.id },
    'PATCH /campaigns/{id}': {
      id: data.campaign.id,
      body: { version: data.campaign.version, name: 'Renouvellement 2027' },
    },
    'GET /campaigns/{id}/preview': { id: data.campaign.id, query: 'page=1&pageSize=20' },
    'GET /campaigns/{id}/preview.csv': { id: data.campaign.id },
    // Generated already: asking again changes nothing and answers 202 all the same.
    'POST /campaigns/{id}/generate': { id: data.generatedCampaign.id },
    'POST /campaigns/{id}/send': { id: data.generatedCampaign.id },
    'GET /campaigns/{id}/firm-signature': { id: data.generatedCampaign.id },
    'GET /notifications': {},
    'POST /notifications/read': { body: {} },
    'POST /campaigns/{id}/firm-signature': { id: data.generatedCampaign.id },
    'GET /campaigns/{id}/items': { id: data.generatedCampaign.id, query: 'status=generated' },
    // A draft, not running: the stream sends the progress once and ends (the generated campaign may
    // be sending here, with no queue to finish it, and its stream would stay open).
    'GET /campaigns/{id}/events': { id: data.campaign.id },
    'GET /renewals/outdated-terms': { query: 'below=2' },
    'GET /renewals/notice-deadlines': { query: 'days=400' },
    'GET /portfolio/recurring-fees': {},
    'GET /engagements/{id}/vigilance': { id: prospect.id },
    'PUT /engagements/{id}/vigilance/identification': {
      id: prospect.id,
      body: {
        clientType: 'company',
        company: { name: 'Prospect', legalForm: 'SARL', siren: null, registeredOffice: null },
        person: null,
        representatives: [],
        beneficialOwners: [],
        noBeneficialOwnerOver25: true,
      },
    },
    'POST /engagements/{id}/vigilance/evidence': {
      id: prospect.id,
      body: { kind: 'kbis', fileName: 'kbis.pdf', contentType: 'application/pdf', base64: A_PDF_BASE64 },
    },
    'POST /vigilance/evidence/{id}/check': { id: data.vigilance.evidenceId },
    'GET /vigilance/evidence/{id}/file': { id: data.vigilance.evidenceId },
    'PUT /engagements/{id}/vigilance/assessment': { id: prospect.id, body: anAssessment() },
    // A simplified file: an approval is refused (409 VIGILANCE.APPROVAL_NOT_NEEDED) once role and body passed.
    'POST /engagements/{id}/vigilance/approval': { id: prospect.id, body: { originOfFunds: 'Épargne' } },
    'POST /engagements/{id}/vigilance/reviews': { id: prospect.id, body: { note: 'Revue annuelle' } },
    'POST /vigilance/matches/{id}/decision': {
      id: data.vigilance.matchId,
      body: { decision: 'cleared', reason: 'Homonyme' },
    },
    'POST /vigilance/register': { body: A_FREEZE_REGISTER },
    'GET /vigilance/register': {},
    'GET /vigilance/purge': {},
    'POST /vigilance/files/{id}/purge': { id: prospect.id, body: { reason: 'Fin de conservation' } },
    'GET /vigilance/settings': {},
    'GET /vigilance/reviews': {},
    'GET /vigilance/matches': {},
    'PUT /vigilance/settings': {
      body: { controlsEnabled: false, periods: { enhanced: 12, standard: 24, simplified: 36 } },
    },
    'GET /documents/{id}/vigilance': { id: draft.id },
  };
};

export const urlOf = (route: Route, request: RouteRequest, params = paramsOfRequest(request)): string => {
  const path = route.path.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : encodeURIComponent(params[name]),
  );
  return `${API_PREFIX}${path}${request.query ? `?${request.query}` : ''}`;
};

/** Sends a route's request with raw inject (any method, any headers). */
export const sendRoute = async (
  ctx: TestContext,
  route: Route,
  request: RouteRequest,
  headers: Record<string, string>,
  params?: Params,
): Promise<ApiResponse> => {
  const response = await ctx.app.inject({
    method: route.method,
    url: urlOf(route, request, params ?? paramsOfRequest(request)),
    headers,
    ...(request.body === undefined ? {} : { payload: request.body as object }),
  });
  const isJson = String(response.headers['content-type'] ?? '').includes('json');
  return {
    status: response.statusCode,
    body: (isJson && response.body ? response.json() : response.body) as ApiResponse['body'],
    headers: response.headers as Record<string, unknown>,
  };
};

/** What a firm's data looks like through every GET route: compared before and after an attack. */
export const snapshotOf = async (
  ctx: TestContext,
  routes: Route[],
  requests: Record<string, RouteRequest>,
  headers: Record<string, string>,
) => {
  const snapshot: Record<string, unknown> = {};
  for (const route of routes.filter((r) => r.method === 'GET')) {
    const request = requests[routeKey(route)];
    // A signer's link is not read without a trace: each opening is a line of the signature trail
    // (issue 15), which GET /documents/{id}/signing/trail shows. Only the firm's reads are compared.
    if (!request || route.path.startsWith('/public/')) continue;
    const response = await sendRoute(ctx, route, request, headers);
    snapshot[routeKey(route)] = { status: response.status, body: response.body };
  }
  return snapshot;
};
