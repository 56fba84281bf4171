import type { Block } from './blocks.ts';
import type { LineFacts } from './facts.ts';
import { RECURRENCE_LABELS } from './wording.ts';

/**
 * One chapter per service (DOMAIN.md "The mission"): its nature and scope, the professional
 * standard it follows when there is one, what the mission is not, and who does what, how often.
 */
const chapter = (line: LineFacts, index: number, detailed: boolean): Block[] => [
  { type: 'heading', level: 3, text: `${index + 1}. ${line.label}` },
  {
    type: 'fields',
    rows: [
      ['Nature et étendue', line.description ?? '—'],
      ['Périodicité', RECURRENCE_LABELS[line.recurrence]],
      ...(line.professionalStandard ? [['Norme professionnelle', line.professionalStandard] as const] : []),
    ],
  },
  ...(detailed && line.exclusions
    ? [
        {
          type: 'paragraph' as const,
          text: `Ce que la mission n’est pas : ${line.exclusions}`,
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

/** Letters carry the full chapters; a proposal says what each service is. */
export const missionChapters = (lines: readonly LineFacts[], detailed: boolean): Block[] =>
  lines.flatMap((line, index) => chapter(line, index, detailed));
