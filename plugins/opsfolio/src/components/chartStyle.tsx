import type { Palette } from './palette';

/** Axis, grid and legend props that read in both themes; spread onto recharts' components. */
export function chartStyle(palette: Palette) {
  const tick = { fill: palette.chartText, fontSize: 12 };
  return {
    axis: { tick, stroke: palette.chartGrid },
    grid: { stroke: palette.chartGrid },
    // Legend entries in the text colour: a light level colour as text would not read on a light card.
    legend: { formatter: (value: unknown) => <span style={{ color: palette.chartText }}>{String(value)}</span> },
  };
}
