/** The page geometry and type scale every document shares (A4, in points). */
export const PAGE = {
  size: 'A4',
  width: 595.28,
  height: 841.89,
  margins: { top: 62, bottom: 62, left: 50, right: 50 },
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.margins.left - PAGE.margins.right;

export const TEXT = {
  body: 9.5,
  small: 8,
  tiny: 7.5,
  table: 8.5,
  h1: 15,
  h2: 12,
  h3: 10.5,
  title: 20,
} as const;

/** The box a drawn signature fits in, its proportions kept. */
export const DRAWING = { width: 160, height: 50 } as const;

export const COLOURS = {
  ink: '#1f2328',
  muted: '#5b6470',
  rule: '#c9ced6',
  zebra: '#f3f5f8',
  watermark: '#b4b9c2',
} as const;

/** The firm's colour when it has not chosen one. */
export const DEFAULT_ACCENT = '#1f4e79';
