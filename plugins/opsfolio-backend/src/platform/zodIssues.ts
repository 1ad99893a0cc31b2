import type { z } from 'zod';

/**
 * Zod issues as one line each, `<path>: <message>`, for 400s and start-up errors. Config paths read as
 * Backstage writes them (`definitions[0].checks[2].level`, the default); request bodies as clients have
 * always seen them (`deployments.1.startedAt`, `dotted`). `whole` names the value itself when an issue has
 * no path; `under` is the path the value sits at.
 */
export function describeIssues(error: z.ZodError, options: { under?: string; whole?: string; dotted?: boolean } = {}): string[] {
  return error.issues.map(issue => {
    const path = issue.path.reduce<string>(
      (p, part) => (typeof part === 'number' && !options.dotted ? `${p}[${part}]` : p ? `${p}.${String(part)}` : String(part)),
      options.under ?? '',
    );
    return `${path || options.whole || 'value'}: ${issue.message}`;
  });
}
