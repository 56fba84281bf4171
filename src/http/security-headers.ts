import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Directives = Record<string, readonly string[]>;

/**
 * The web app, the signing page included (the same bundle, web/dist): Vite writes no inline script
 * (web/dist/index.html loads /assets only), so scripts come from the server alone. Styles allow
 * 'unsafe-inline': Mantine writes its theme's variables and responsive style props into <style>
 * elements at run time, with contents that vary by theme, so neither a hash nor a nonce of a static
 * index.html covers them; a style can change how a page looks, never run code. The signing page
 * frames the document's PDF from the server (frame-src 'self'); the mail reader shows a mail in a
 * sandboxed srcdoc frame, which inherits this policy.
 */
export const APP_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/**
 * The one <style> element swagger-ui writes: the inline SVG of its top bar's logo carries it
 * (swagger-ui-standalone-preset.js). Allowed by its hash, exactly; a test checks the installed
 * swagger-ui still has it.
 */
export const SWAGGER_LOGO_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}';

const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * /docs (swagger-ui): its page loads its scripts and style sheets from /docs/static, with no inline
 * script; its one <style> element is allowed by its hash, and React sets its inline styles through
 * the DOM, which CSP allows; its icons are data: images and "Try it out" calls this server.
 */
export const DOCS_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", hashSource(SWAGGER_LOGO_STYLE)],
};

/** JSON, CSV, images: nothing in them may load or run anything, nor be framed. */
export const DATA_CSP: Directives = { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] };

/**
 * A PDF: Chrome shows it in a page of its own that takes the PDF's policy, so a default-src would
 * blank its viewer (crbug 271452); only who may frame it is said: the signing page, ours.
 */
export const PDF_CSP: Directives = { 'frame-ancestors': ["'self'"] };

export const serializeCsp = (directives: Directives, production: boolean): string =>
  [
    ...Object.entries(directives).map(([name, values]) => [name, ...values].join(' ')),
    // Over HTTPS only: on a plain-HTTP development server it would point the assets at https://.
    ...(production && directives['default-src']?.[0] === "'self'" ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

const contentTypeOf = (reply: FastifyReply): string => String(reply.getHeader('content-type') ?? '');

/** Read by an attacker's page through a shared cache or a back button: never kept anywhere. */
const isPrivateBody = (type: string) =>
  /^application\/(json|problem\+json|pdf)|^text\/(csv|plain)/.test(type);

/**
 * Security headers on every answer: helmet's (nosniff, no-referrer, frame refusal, cross-origin
 * isolation of windows and resources, HSTS in production only) and a Content-Security-Policy chosen
 * by what the answer is: the app, /docs, a PDF or data. JSON, PDFs and CSV are never stored by a
 * browser or a proxy (Cache-Control: no-store): they are a firm's or a signer's documents.
 */
export const securityHeaders = async (app: FastifyInstance, options: { production: boolean }) => {
  const { production } = options;
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...APP_CSP } },
    // A signing link's token is in the page's address: no request from it carries the address.
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  const csp = {
    app: serializeCsp(APP_CSP, production),
    docs: serializeCsp(DOCS_CSP, production),
    data: serializeCsp(DATA_CSP, production),
    pdf: serializeCsp(PDF_CSP, production),
  };
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const type = contentTypeOf(reply);
    if (type.startsWith('text/html')) {
      const isDocs = request.url === '/docs' || request.url.startsWith('/docs/');
      reply.header('content-security-policy', isDocs ? csp.docs : csp.app);
    } else if (type.startsWith('application/pdf')) {
      reply.header('content-security-policy', csp.pdf).header('x-frame-options', 'SAMEORIGIN');
    } else if (!type.startsWith('text/css') && !type.includes('javascript')) {
      reply.header('content-security-policy', csp.data);
    }
    if (isPrivateBody(type)) reply.header('cache-control', 'no-store');
    return payload;
  });
};
