/**
 * Number formatting and statistics shared by the scorecards benchmark (scorecards.bench.ts) and its Tech Insights
 * run (techInsightsRun.ts): thousands separators, milliseconds, percentiles of sorted times, medians and bests.
 */
export const n = (x: number) => x.toLocaleString('en-US');
export const ms = (x: number) => `${x.toFixed(0)} ms`;
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
export const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
export const best = (xs: number[]) => Math.min(...xs);
