import type { ScorecardLevel } from '@opsfolio/backstage-plugin-common';

/** Entities below the first level. */
export const NO_LEVEL = 'none';
export const NO_LEVEL_COLOR = '#bdbdbd';

// Light to dark green: higher is darker whatever a scorecard names its levels.
const GREENS = ['#c5e1a5', '#8bc34a', '#43a047', '#2e7d32', '#1b5e20'];

/** The colour of the level at `rank` (0 = lowest) of `count`, shared by the chips and the trend chart. */
export function levelColor(rank: number, count: number): string {
  if (rank < 0) return NO_LEVEL_COLOR;
  const step = count <= 1 ? GREENS.length - 1 : Math.round((rank / (count - 1)) * (GREENS.length - 1));
  return GREENS[Math.min(step, GREENS.length - 1)];
}

/** Dark text on the light greens, white on the dark ones. */
export const textOn = (color: string) => (GREENS.indexOf(color) >= 2 ? 'white' : 'rgba(0, 0, 0, 0.87)');

/** A level's title from its id; "No level" for `none` and unknown ids shown as they are. */
export function levelTitle(levels: ScorecardLevel[], id: string | null): string {
  if (id === null || id === NO_LEVEL) return 'No level';
  return levels.find(l => l.id === id)?.title ?? id;
}
