/**
 * Every colour Opsfolio draws with: statuses, levels and chart series, for Backstage's light and dark themes.
 *
 * Statuses use the Okabe-Ito hues (bluish green, vermillion, orange, blue, grey), which stay apart with the
 * common colour-vision deficiencies; each is darkened for the light theme and lightened for the dark one so
 * that it reads as text on the card (at least 4.5:1) and carries its label text on a chip. Levels use viridis,
 * light (lowest) to dark (highest), which is ordered in lightness for every reader.
 */
export type ThemeMode = 'light' | 'dark';

/** What a colour says: good, bad, a warning, information, or nothing to judge. */
export type Tone = 'good' | 'bad' | 'warn' | 'info' | 'neutral';

export interface Palette {
  mode: ThemeMode;
  /** A tone as text or a mark on the card's background. */
  tone: Record<Tone, string>;
  /** Text on a chip filled with a tone. */
  onTone: string;
  /** The faded fill of an estimated or secondary series next to a tone, e.g. estimated spend. */
  faded: Record<'info', string>;
  /** Marks that annotate a chart (deploys on the cost chart): apart from every tone. */
  marker: string;
  /** Chart text (ticks, legends) and grid lines: recharts' defaults are grey on grey in the dark theme. */
  chartText: string;
  chartGrid: string;
  /** Secondary text: BUI's dark-theme grey reads at 4.2:1 on a dark card, below WCAG AA. */
  secondaryText: string;
}

const PALETTES: Record<ThemeMode, Palette> = {
  light: {
    mode: 'light',
    tone: { good: '#00795a', bad: '#b83d00', warn: '#8a5a00', info: '#0068a8', neutral: '#616161' },
    onTone: '#ffffff',
    faded: { info: '#9fcdeb' },
    marker: '#a1407f',
    chartText: '#616161',
    chartGrid: '#e0e0e0',
    secondaryText: '#616161',
  },
  dark: {
    mode: 'dark',
    tone: { good: '#4fd1a5', bad: '#ff9966', warn: '#f0c24a', info: '#7cc4f2', neutral: '#c4c4c4' },
    onTone: '#000000',
    faded: { info: '#3d6f91' },
    marker: '#e59acb',
    chartText: '#c4c4c4',
    chartGrid: '#5c5c5c',
    secondaryText: '#c4c4c4',
  },
};

export function paletteOf(mode: ThemeMode): Palette {
  return PALETTES[mode];
}

// viridis at six stops, lowest level first.
const LEVELS = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];
/** Entities below the first level. */
export const NO_LEVEL_COLOR = '#bdbdbd';

/** The colour of the level at `rank` (0 = lowest) of `count`, shared by the chips and the trend chart. */
export function levelColor(rank: number, count: number): string {
  if (rank < 0) return NO_LEVEL_COLOR;
  const last = LEVELS.length - 2; // the darkest stop is kept for contrast with white text only
  const step = count <= 1 ? last : Math.round((rank / (count - 1)) * last);
  return LEVELS[Math.min(step, last)];
}

/** Black or white, whichever reads better on `color` (a `#rrggbb`). */
export function textOn(color: string): string {
  const channel = (i: number) => {
    const v = parseInt(color.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
