import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpReceiver = {
  /** smtp://127.0.0.1:PORT, for `createMailTransport({ smtpUrl })`. */
  url: string;
  port: number;
  /** Every mail accepted so far, parsed, in arrival order. */
  mails: ParsedMail[];
  /** The first mail (already received or still to come) matching the predicate. */
  waitForMail(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Answers the next `count` mails with a 451 temporary error, as a busy server would. */
  failNext(count: number): void;
  close(): Promise<void>;
};

type Waiter = { predicate: (mail: ParsedMail) => boolean; resolve: (mail: ParsedMail) => void };

/** A real SMTP server on 127.0.0.1 (a free port), without TLS or authentication, that keeps what it gets. */
export const startSmtpReceiver = async (): Promise<SmtpReceiver> => {
  const mails: ParsedMail[] = [];
  let waiters: Waiter[] = [];
  let failures = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A client still connected (a pooled transport left open) must not hold the test up for 30 s.
    closeTimeout: 1_000,
    onData(stream, _session, callback) {
      if (failures > 0) {
        failures -= 1;
        // The message must still be read to the end before the server answers.
        stream.on('end', () =>
          callback(Object.assign(new Error('Service temporairement indisponible'), { responseCode: 451 })),
        );
        stream.resume();
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          const served = waiters.filter((waiter) => waiter.predicate(mail));
          waiters = waiters.filter((waiter) => !served.includes(waiter));
          for (const waiter of served) waiter.resolve(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    waitForMail(predicate, timeoutMs = 5_000) {
      const received = mails.find(predicate);
      if (received) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((other) => other !== waiter);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${mails.length} received)`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
