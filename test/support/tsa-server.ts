import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessTsa } from './tsa-in-process.ts';

/**
 * A timestamping authority on 127.0.0.1, as the tests and the bench need one: a small HTTP server
 * that answers each RFC 3161 query with `openssl ts -reply`, signed by a TSA certificate
 * (extendedKeyUsage critical timeStamping) issued by a test root CA that also publishes a CRL at
 * /ca.crl (named in the TSA certificate, so the seal's validation data has revocation data to carry).
 */
export type TsaServer = {
  url: string;
  /** The test root, PEM and DER: what a reader (pdfsig, openssl ts -verify) must trust. */
  rootPem: string;
  rootDer: Uint8Array;
  /** The queries answered (or refused) so far. */
  requests: number;
  /** While true, every query gets an HTTP 503, as from an authority that is down. */
  failing: boolean;
  dir: string;
  close(): Promise<void>;
};

const run = (command: string, args: string[], cwd: string): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(command, args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    ),
  );

const TSA_CONFIG = `
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = .
serial = ./tsaserial
crypto_device = builtin
signer_cert = ./tsa.pem
certs = ./root.pem
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ ca ]
default_ca = test_ca
[ test_ca ]
database = ./index.txt
crlnumber = ./crlnumber
default_md = sha256
default_crl_days = 30
`;

/** The root CA, the TSA's key and certificate, and the root's CRL, made in `dir` with the openssl CLI. */
const makeAuthority = async (dir: string, crlUrl: string): Promise<void> => {
  const sh = (...args: string[]) => run('openssl', args, dir);
  await writeFile(join(dir, 'tsa.cnf'), TSA_CONFIG);
  await writeFile(
    join(dir, 'tsa-ext.cnf'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' +
      `extendedKeyUsage=critical,timeStamping\ncrlDistributionPoints=URI:${crlUrl}\n`,
  );
  await Promise.all([
    writeFile(join(dir, 'tsaserial'), '01\n'),
    writeFile(join(dir, 'index.txt'), ''),
    writeFile(join(dir, 'crlnumber'), '01\n'),
  ]);
  await sh(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/O=Horodatage de test/CN=Racine de test',
    '-days',
    '30',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  await sh(
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/O=Horodatage de test/CN=TSA 127.0.0.1',
    '-keyout',
    'tsa.key',
    '-out',
    'tsa.csr',
  );
  await sh(
    'x509',
    '-req',
    '-in',
    'tsa.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-days',
    '30',
    '-extfile',
    'tsa-ext.cnf',
    '-out',
    'tsa.pem',
  );
  await sh(
    'ca',
    '-gencrl',
    '-config',
    'tsa.cnf',
    '-keyfile',
    'root.key',
    '-cert',
    'root.pem',
    '-out',
    'root.crl.pem',
  );
  await sh('crl', '-in', 'root.crl.pem', '-outform', 'DER', '-out', 'root.crl');
  await sh('x509', '-in', 'root.pem', '-outform', 'DER', '-out', 'root.der');
  await sh('x509', '-in', 'tsa.pem', '-outform', 'DER', '-out', 'tsa.der');
  await sh('pkcs8', '-topk8', '-nocrypt', '-in', 'tsa.key', '-outform', 'DER', '-out', 'tsa.key.der');
};

const readBody = (request: NodeJS.ReadableStream): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/**
 * `engine: 'openssl'` (the tests): each reply from the openssl CLI, the reference implementation.
 * `'in-process'` (the bench): the same key and certificates, the reply made with pkijs (tsa-in-process.ts).
 */
export const startTsaServer = async (
  options: { engine?: 'openssl' | 'in-process' } = {},
): Promise<TsaServer> => {
  const dir = await mkdtemp(join(tmpdir(), 'lettrine-tsa-'));
  let inProcess: ((query: Buffer) => Promise<Uint8Array>) | undefined;
  // openssl ts keeps its serial in a file: one reply at a time, or two could share a serial.
  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;
  const reply = (query: Buffer): Promise<Buffer> => {
    const name = `q${++counter}`;
    const next = queue.then(async () => {
      await writeFile(join(dir, `${name}.tsq`), query);
      await run(
        'openssl',
        ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', `${name}.tsq`, '-out', `${name}.tsr`],
        dir,
      );
      const answer = await readFile(join(dir, `${name}.tsr`));
      await Promise.all([rm(join(dir, `${name}.tsq`)), rm(join(dir, `${name}.tsr`))]);
      return answer;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const server = createServer(async (request, response) => {
    try {
      if (request.method === 'GET' && request.url === '/ca.crl') {
        response.writeHead(200, { 'content-type': 'application/pkix-crl' });
        response.end(await readFile(join(dir, 'root.crl')));
        return;
      }
      const query = await readBody(request);
      tsa.requests += 1;
      if (tsa.failing || request.headers['content-type'] !== 'application/timestamp-query') {
        response.writeHead(tsa.failing ? 503 : 415).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
      response.end(await (inProcess ?? reply)(query));
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await makeAuthority(dir, `${base}/ca.crl`);
  if (options.engine === 'in-process') {
    const [keyPkcs8, certificateDer, rootDer] = await Promise.all(
      ['tsa.key.der', 'tsa.der', 'root.der'].map((name) => readFile(join(dir, name))),
    );
    const tsaInProcess = await createInProcessTsa({
      keyPkcs8: keyPkcs8!,
      certificateDer: certificateDer!,
      rootDer: rootDer!,
    });
    inProcess = (query) => tsaInProcess.reply(query);
  }
  const tsa: TsaServer = {
    url: `${base}/tsa`,
    rootPem: await readFile(join(dir, 'root.pem'), 'utf8'),
    rootDer: new Uint8Array(await readFile(join(dir, 'root.der'))),
    requests: 0,
    failing: false,
    dir,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
  return tsa;
};
