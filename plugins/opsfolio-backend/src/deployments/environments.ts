/** Environment names compare trimmed and case-insensitively: `Production ` and `production` are one environment. */
export const environmentKey = (environment: string): string => environment.trim().toLowerCase();

/** A test of whether a deployment went to one of these environments. */
export function inEnvironments(environments: readonly string[]): (d: { environment: string }) => boolean {
  const keys = new Set(environments.map(environmentKey));
  return d => keys.has(environmentKey(d.environment));
}
