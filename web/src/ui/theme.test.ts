import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, cssVariablesResolver, theme } from './theme.ts';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const light = cssVariablesResolver(resolved).light as Record<string, string>;
const WHITE = '#ffffff';
const STRIPE = DEFAULT_THEME.colors.gray[0] ?? WHITE;

describe('the theme reads at WCAG AA (issue 18, item 9)', () => {
  it('the dimmed grey, the links, errors and the primary colour: 4.5:1 on white and on striped rows', () => {
    for (const name of ['dimmed', 'anchor', 'error', 'success', 'grape-filled', 'grape-text']) {
      const color = light[`--mantine-color-${name}`] ?? '';
      expect(contrast(color, WHITE), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, STRIPE), name).toBeGreaterThanOrEqual(4.5);
    }
    // Mantine's own were below: #868e96 3.3:1, #be4bdb 4.0:1.
    expect(light['--mantine-color-dimmed']).toBe(DEFAULT_THEME.colors.gray[7]);
    expect(light['--mantine-color-grape-filled']).toBe(DEFAULT_THEME.colors.grape[7]);
  });

  it('the two darkest shades of every palette, which pages name for text (c="orange.9")', () => {
    for (const [name, shades] of Object.entries(resolved.colors))
      for (const shade of [8, 9]) {
        expect(contrast(shades[shade] ?? '', WHITE), `${name}.${shade}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(shades[shade] ?? '', STRIPE), `${name}.${shade}`).toBeGreaterThanOrEqual(4.5);
      }
    // The lighter shades are Mantine's own.
    expect(resolved.colors.orange?.[6]).toBe(DEFAULT_THEME.colors.orange[6]);
  });

  it('every colour as text, under white text, and as a light badge on its pale background', () => {
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      for (const variant of ['filled', 'text', 'outline'])
        expect(
          contrast(light[`--mantine-color-${name}-${variant}`] ?? '', WHITE),
          `${name}-${variant}`,
        ).toBeGreaterThanOrEqual(4.5);
      expect(
        contrast(light[`--mantine-color-${name}-light-color`] ?? '', shades[1] ?? WHITE),
        name,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });
});
