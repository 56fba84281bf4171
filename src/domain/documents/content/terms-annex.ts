import type { Block } from './blocks.ts';

/**
 * The general terms as the firm wrote them (paragraphs separated by a blank line), laid out so that
 * each article's heading reads as one, in bold: a paragraph whose first line is a numbered title
 * (« 4. Honoraires et conditions de paiement ») becomes a heading and its text; a paragraph that
 * opens with « Article 4 — Honoraires. » keeps it as a bold run-in heading.
 */

const TITLE_LINE = /^(?:Article\s+)?\d+(?:\.\d+)*[.)]?\s+\S[^\n]{0,100}$/;
const RUN_IN = /^(Article\s+\d+(?:\.\d+)*\s*[—–-]\s*[^.\n]{1,80}\.)\s+([\s\S]+)$/;

const articleBlocks = (paragraph: string): Block[] => {
  const [first = '', ...rest] = paragraph.split('\n');
  if (rest.length > 0 && TITLE_LINE.test(first.trim()) && !/[.;:]$/.test(first.trim())) {
    return [
      { type: 'heading', level: 3, text: first.trim() },
      { type: 'paragraph', text: rest.join('\n').trim(), tone: 'small' },
    ];
  }
  const runIn = RUN_IN.exec(paragraph);
  if (runIn)
    return [{ type: 'paragraph', lead: runIn[1] as string, text: runIn[2] as string, tone: 'small' }];
  return [{ type: 'paragraph', text: paragraph, tone: 'small' }];
};

export const termsBodyBlocks = (body: string): Block[] =>
  body
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .flatMap(articleBlocks);
