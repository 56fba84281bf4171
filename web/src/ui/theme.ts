import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';

/**
 * The app's theme, readable (issue 18, item 9: WCAG 2.1 AA, a contrast of 4.5:1 for text). Mantine's
 * default shades are light: grape's filled shade (#be4bdb) is 4.0:1 on white, the dimmed grey
 * (#868e96) 3.3:1, and teal, green and orange text or badges fall to 2.5:1. The palettes stay as they
 * are; the colours the components draw text with, or put white text on, are the first shade from the
 * sixth on (darkened past the ninth when needed) that reaches 4.5:1 on every background it meets.
 */

/** Mantine's shade for filled colours: the search for a readable one starts there. */
const FIRST_SHADE = 6;
const MIN_CONTRAST = 4.5;
/** The backgrounds text sits on: the page, and the light grey of striped and hovered rows. */
const PAGE_BACKGROUNDS = ['#ffffff', DEFAULT_THEME.colors.gray[0]];

const channels = (hex: string) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
const toHex = (values: number[]) =>
  `#${values.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;
const luminance = (hex: string) => {
  const [r = 0, g = 0, b = 0] = channels(hex).map((value) => {
    const v = value / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
export const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

const darker = (hex: string, factor: number) => toHex(channels(hex).map((value) => value * factor));

const readsOn = (hex: string, backgrounds: string[]) =>
  backgrounds.every((background) => contrast(hex, background) >= MIN_CONTRAST);

/** The colour darkened step by step (each step keeping `factor` of it) until it reads on all these backgrounds. */
const darkenUntilReadable = (hex: string, backgrounds: string[], factor: number) => {
  let color = hex;
  while (!readsOn(color, backgrounds)) color = darker(color, factor);
  return color;
};

/** The first shade from the sixth that reads on all these backgrounds, or the ninth darkened until it does. */
const readableShade = (shades: MantineColorsTuple, backgrounds: string[]) => {
  const at = (shade: number) => shades[shade] ?? '#000000';
  for (let shade = FIRST_SHADE; shade <= 9; shade += 1) if (readsOn(at(shade), backgrounds)) return at(shade);
  return darkenUntilReadable(at(9), backgrounds, 0.95);
};

/**
 * Mantine's palettes, their two darkest shades (which the pages name for text: `c="orange.9"`)
 * darkened where needed to read on the page: orange's ninth is 4.3:1 on white, teal's eighth 4.0:1.
 */
const readableColors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => {
    const readable = [...shades] as string[];
    for (const shade of [8, 9])
      readable[shade] = darkenUntilReadable(readable[shade] ?? '#000000', PAGE_BACKGROUNDS, 0.97);
    return [name, readable as unknown as MantineColorsTuple];
  }),
);

export const theme = createTheme({
  primaryColor: 'grape',
  defaultRadius: 'sm',
  colors: readableColors,
  components: {
    // A table wider than a phone scrolls sideways: its scrolling area takes the keyboard's focus.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
});

/** The clearable fields whose clear button is an icon: it gets a name (« Effacer »). */
const CLEARABLE = [
  'Select',
  'MultiSelect',
  'Autocomplete',
  'TagsInput',
  'FileInput',
  'DateInput',
  'DatePickerInput',
  'MonthPickerInput',
  'YearPickerInput',
  'DateTimePicker',
  'TimePicker',
];
const themes = new Map<string, MantineThemeOverride>();

/** The theme with the language's name for the icon-only buttons Mantine draws itself. */
export const themeFor = (clearLabel: string) => {
  let themed = themes.get(clearLabel);
  if (!themed) {
    const defaultProps = { clearButtonProps: { 'aria-label': clearLabel } };
    themed = {
      ...theme,
      components: {
        ...theme.components,
        ...Object.fromEntries(CLEARABLE.map((name) => [name, { defaultProps }])),
      },
    };
    themes.set(clearLabel, themed);
  }
  return themed;
};

/** Every colour's text, filled and outline shades, and its light variant's text, made readable. */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries(resolved.colors)) {
    // White text on it (buttons, badges), and it as text on the page.
    const strong = readableShade(shades, PAGE_BACKGROUNDS);
    light[`--mantine-color-${name}-filled`] = strong;
    light[`--mantine-color-${name}-filled-hover`] = darker(strong, 0.9);
    light[`--mantine-color-${name}-text`] = strong;
    light[`--mantine-color-${name}-outline`] = strong;
    // The light variant: its text on its pale background (the first shade).
    light[`--mantine-color-${name}-light-color`] = readableShade(shades, [
      shades[1] ?? '#ffffff',
      ...PAGE_BACKGROUNDS,
    ]);
  }
  const {
    gray = DEFAULT_THEME.colors.gray,
    red = DEFAULT_THEME.colors.red,
    teal = DEFAULT_THEME.colors.teal,
  } = resolved.colors;
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': readableShade(gray, PAGE_BACKGROUNDS),
      '--mantine-color-anchor': readableShade(
        resolved.colors[resolved.primaryColor] ?? gray,
        PAGE_BACKGROUNDS,
      ),
      '--mantine-color-error': readableShade(red, PAGE_BACKGROUNDS),
      '--mantine-color-success': readableShade(teal, PAGE_BACKGROUNDS),
    },
    dark: {},
  };
};
