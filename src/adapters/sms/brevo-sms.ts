import type { SmsSender } from '../../application/ports/index.ts';

export type BrevoSmsOptions = {
  apiKey: string;
  /** What the phone shows as sender: 11 letters or digits at most (Brevo's rule, and the operators'). */
  sender: string;
  /** https://api.brevo.com in production; a stand-in on 127.0.0.1 in tests. */
  baseUrl?: string;
  timeoutMs?: number;
};

/** Brevo's error codes worth saying to an operator reading the logs, in French. */
const REASONS: Record<number, string> = {
  400: 'requête refusée par Brevo (numéro ou expéditeur invalide)',
  401: 'clé d’API Brevo refusée (SMS_API_KEY)',
  402: 'crédits SMS Brevo épuisés',
  403: 'compte Brevo non autorisé à envoyer des SMS',
  429: 'trop d’envois vers Brevo',
};

/**
 * Brevo's transactional SMS (POST /v3/transactionalSMS/sms): a French provider, billed per SMS.
 * The recipient is the international number without its « + » (« 33612345678 »); type
 * « transactional » so no STOP mention is appended to a one-time code.
 */
export const createBrevoSmsSender = (options: BrevoSmsOptions): SmsSender => {
  const url = `${(options.baseUrl ?? 'https://api.brevo.com').replace(/\/+$/, '')}/v3/transactionalSMS/sms`;
  return {
    provider: 'brevo',
    async send(sms) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'api-key': options.apiKey,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify({
            sender: options.sender,
            recipient: sms.to.replace(/^\+/, ''),
            content: sms.content,
            type: 'transactional',
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          redirect: 'error',
        });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        return { ok: false, reason: timedOut ? 'Brevo n’a pas répondu à temps' : 'Brevo injoignable' };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, reason: REASONS[response.status] ?? `Brevo a répondu ${response.status}` };
      }
      const body = (await response.json().catch(() => ({}))) as { messageId?: unknown };
      return { ok: true, messageId: body.messageId === undefined ? null : String(body.messageId) };
    },
  };
};
