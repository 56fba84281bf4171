import type { Block } from './blocks.ts';
import { deliverableOf, namedStandard } from './deliverables.ts';
import type { ClientFacts, LineFacts } from './facts.ts';
import { RECURRENCE_LABELS } from './wording.ts';

/**
 * One chapter per service (DOMAIN.md "The mission"): its nature and scope, the professional
 * standard it follows when there is one (by its number: « NP 2300 »), what the client receives and
 * when, what the mission is not, and who does what, how often.
 */
const chapter = (line: LineFacts, index: number, detailed: boolean, client?: ClientFacts): Block[] => {
  const standard = namedStandard(line);
  const deliverable = deliverableOf(line, client);
  return [
    { type: 'heading', level: 3, text: `${index + 1}. ${line.label}` },
    {
      type: 'fields',
      rows: [
        ['Nature et étendue', line.description ?? '—'],
        ['Périodicité', RECURRENCE_LABELS[line.recurrence]],
        ...(standard ? [['Norme professionnelle', standard] as const] : []),
        ...(deliverable ? [['Livrables et délais', deliverable] as const] : []),
      ],
    },
    ...(detailed && line.exclusions
      ? [
          {
            type: 'paragraph' as const,
            // A run-in heading, then the firm's own sentence as it wrote it (issue 14, item 13).
            lead: 'Ce que la mission n’est pas.',
            text: line.exclusions,
            tone: 'small' as const,
          },
        ]
      : []),
    ...(detailed && line.taskSplit.length > 0
      ? [
          {
            type: 'table' as const,
            columns: [
              { header: 'Tâche', width: 0.58, align: 'left' as const },
              { header: 'Réalisée par', width: 0.17, align: 'left' as const },
              { header: 'Fréquence', width: 0.25, align: 'left' as const },
            ],
            rows: line.taskSplit.map((split) => ({
              cells: [split.task, split.who === 'firm' ? 'Le cabinet' : 'Le client', split.frequency],
            })),
          },
        ]
      : []),
  ];
};

/** Letters carry the full chapters; a proposal says what each service is. */
export const missionChapters = (
  lines: readonly LineFacts[],
  detailed: boolean,
  client?: ClientFacts,
): Block[] => lines.flatMap((line, index) => chapter(line, index, detailed, client));
