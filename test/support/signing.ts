import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import { type Api, apiAs } from './api-client.ts';
import type { SmtpReceiver } from './smtp.ts';
import { TEST_PUBLIC_URL, type TestContext } from './test-app.ts';

/** What poppler's pdfsig says of a PDF's signatures (it exits non-zero when one does not verify). */
export const pdfsig = async (bytes: Uint8Array): Promise<string> => {
  const folder = await mkdtemp(join(tmpdir(), 'lettrine-pdfsig-'));
  const file = join(folder, 'signed.pdf');
  await writeFile(file, bytes);
  try {
    return await new Promise((resolve) =>
      execFile('pdfsig', [file], { env: { ...process.env, TZ: 'UTC' } }, (_error, stdout, stderr) =>
        resolve(`${stdout}${stderr}`),
      ),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

const LINK = new RegExp(`${TEST_PUBLIC_URL.replace(/[.]/g, '\\.')}/signer/([A-Za-z0-9_-]+)`);

/** The personal link's token in a mail. */
export const tokenIn = (mail: ParsedMail): string => {
  const match = LINK.exec(mail.text ?? '');
  if (!match?.[1]) throw new Error(`no signing link in « ${mail.subject} »`);
  return match[1];
};

export const codeIn = (mail: ParsedMail): string => {
  const match = /\b(\d{6})\b/.exec(mail.text ?? '');
  if (!match?.[1]) throw new Error(`no code in « ${mail.subject} »`);
  return match[1];
};

const to = (address: string) => (mail: ParsedMail) =>
  [mail.to].flat().some((field) => field?.value.some((entry) => entry.address === address));

/** A signer with their mailbox: they open their link, ask for a code, read it and decide. */
export const aSigner = (ctx: TestContext, smtp: SmtpReceiver, address: string) => {
  const publicApi: Api = apiAs(ctx, { 'user-agent': `Navigateur de ${address}` });
  const seen = new Set<ParsedMail>();
  /** The next mail to this address matching the subject, one not read before. */
  const nextMail = async (subject: RegExp) => {
    const mail = await smtp.waitForMail(
      (m) => to(address)(m) && subject.test(m.subject ?? '') && !seen.has(m),
      10_000,
    );
    seen.add(mail);
    return mail;
  };
  return {
    api: publicApi,
    nextMail,
    async linkToken(subject = /à signer/) {
      return tokenIn(await nextMail(subject));
    },
    async requestCode(token: string) {
      const sent = await publicApi.post(`/public/signing/${token}/code`);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      return codeIn(await nextMail(/code/i));
    },
    /** Opens the link, asks for the code, enters it: ready to sign or refuse. */
    async verified(token: string) {
      const view = await publicApi.get(`/public/signing/${token}`);
      expect(view.status, JSON.stringify(view.body)).toBe(200);
      const code = await this.requestCode(token);
      const verified = await publicApi.post(`/public/signing/${token}/code/verify`, { code });
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      return view.body;
    },
    sign(token: string, typedName: string, extra: object = {}) {
      return publicApi.post(`/public/signing/${token}/sign`, { consent: true, typedName, ...extra });
    },
  };
};
