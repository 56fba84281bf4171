import { DEMO_CLIENTS } from './seed-clients.ts';
import {
  cancel,
  draft,
  expire,
  type Kit,
  line,
  openEngagement,
  refuse,
  send,
  sendAndSign,
} from './seed-demo-kit.ts';

/** The demo's prospects: proposals in every status but the client files' ones. */

/** A proposal refused, with the client's reason (R-B6: the engagement stays a prospect). */
const bouchon = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.bouchon, 135);
  const proposal = await draft(kit, 132, {
    engagement,
    kind: 'proposal',
    lines: [
      line(kit, 'COMPTA-TENUE', '1', 25_000),
      line(kit, 'COMPTA-REVISION', '1', 220_000),
      line(kit, 'FISCAL-LIASSE'),
      line(kit, 'FISCAL-TVA-CA3'),
      line(kit, 'SOCIAL-PAIE', '6'),
      line(kit, 'JURIDIQUE-ANNUEL'),
    ],
  });
  await send(kit, 130, proposal);
  await refuse(
    kit,
    112,
    proposal,
    'Honoraires jugés trop élevés : le gérant reste chez son cabinet actuel pour l’exercice en cours.',
  );
};

/** A proposal whose validity passed without an answer: expired. */
const pharmacie = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.pharmacie, 115);
  const proposal = await draft(kit, 111, {
    engagement,
    kind: 'proposal',
    lines: [
      line(kit, 'COMPTA-TENUE', '1', 30_000),
      line(kit, 'COMPTA-REVISION', '1', 250_000),
      line(kit, 'FISCAL-LIASSE', '1', 80_000),
      line(kit, 'FISCAL-TVA-CA3'),
      line(kit, 'SOCIAL-PAIE', '5'),
      line(kit, 'JURIDIQUE-ANNUEL', '1', 80_000),
    ],
  });
  await send(kit, 110, proposal);
  await expire(kit, 80, proposal);
};

/** A signed proposal: its draft letter is there (R-B2), the engagement still a prospect (R-A5). */
const transports = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.transports, 45);
  const proposal = await draft(kit, 43, {
    engagement,
    kind: 'proposal',
    lines: [
      line(kit, 'COMPTA-TENUE', '1', 29_000),
      line(kit, 'COMPTA-REVISION', '1', 250_000),
      line(kit, 'COMPTA-SITUATION'),
      line(kit, 'FISCAL-LIASSE'),
      line(kit, 'FISCAL-TVA-CA3'),
      line(kit, 'SOCIAL-PAIE', '14', 3_000),
      line(kit, 'JURIDIQUE-ANNUEL'),
      line(kit, 'AUTRE-REPRISE'),
    ],
  });
  await sendAndSign(kit, { sent: 42, signed: 35 }, proposal);
};

/** A proposal cancelled (its scope changed), then the corrected one sent and awaiting an answer. */
const nuageo = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.nuageo, 16);
  const accounting = [
    line(kit, 'COMPTA-TENUE', '1', 28_000),
    line(kit, 'COMPTA-REVISION', '1', 250_000),
    line(kit, 'FISCAL-LIASSE', '1', 80_000),
    line(kit, 'FISCAL-TVA-CA3'),
    line(kit, 'COMPTA-SITUATION'),
    line(kit, 'CONSEIL-PREVISIONNEL'),
  ];
  const first = await draft(kit, 15, { engagement, kind: 'proposal', lines: accounting });
  await send(kit, 14, first);
  await cancel(
    kit,
    12,
    first,
    'La présidente confie aussi la paie au cabinet : offre remplacée par une nouvelle.',
  );
  const second = await draft(kit, 12, {
    engagement,
    kind: 'proposal',
    lines: [...accounting, line(kit, 'SOCIAL-PAIE', '4'), line(kit, 'SOCIAL-MOUVEMENT', '2')],
  });
  await send(kit, 11, second);
};

/** A proposal still being written. */
const menuiserie = async (kit: Kit) => {
  const engagement = await openEngagement(kit, DEMO_CLIENTS.menuiserie, 3);
  await draft(kit, 2, {
    engagement,
    kind: 'proposal',
    lines: [
      line(kit, 'COMPTA-TENUE', '1', 17_000),
      line(kit, 'COMPTA-REVISION', '1', 150_000),
      line(kit, 'FISCAL-LIASSE', '1', 50_000),
      line(kit, 'FISCAL-TVA-CA12'),
      line(kit, 'SOCIAL-PAIE', '1'),
      line(kit, 'JURIDIQUE-ANNUEL'),
    ],
  });
};

export const PROSPECT_STORIES = [bouchon, pharmacie, transports, nuageo, menuiserie];
