import type { OwnershipProblem } from '@opsfolio/backstage-plugin-common';
import type { CodeownersCheck } from './check';

/** `services/x/` → `/services/x/`; the root reads as "the repository root". */
const where = (path: string) => (path ? `/${path}` : 'the repository root');

/**
 * A CODEOWNERS verdict as an ownership problem (kind `codeowners-drift`), or none when it agrees. Pure.
 * A repository without a CODEOWNERS file is not a problem: many organisations do not use one.
 */
export function codeownersProblems(check: CodeownersCheck): OwnershipProblem[] {
  const file = check.url;
  switch (check.status) {
    case 'agrees':
      return [];
    case 'drift': {
      const owners = check.owners.map(o => o.owner).join(', ');
      return [
        {
          kind: 'codeowners-drift',
          message: `CODEOWNERS gives ${where(check.path)} to ${owners}, not to its owner ${check.ownerRef} (line ${check.rule!.line}, ${check.rule!.pattern}).`,
          fix: `Name ${check.ownerRef}'s GitHub team on line ${check.rule!.line} of ${file}, or make spec.owner the team that really owns it.`,
        },
      ];
    }
    case 'unowned':
      return [
        {
          kind: 'codeowners-drift',
          message: `CODEOWNERS leaves ${where(check.path)} without owners (line ${check.rule!.line}, ${check.rule!.pattern}).`,
          fix: `Add ${check.ownerRef}'s GitHub team to line ${check.rule!.line} of ${file}.`,
        },
      ];
    case 'no-rule':
      return [
        {
          kind: 'codeowners-drift',
          message: `No CODEOWNERS rule covers ${where(check.path)}.`,
          fix: `Add a rule for ${check.path ? `/${check.path}` : '*'} naming ${check.ownerRef}'s GitHub team to ${file}.`,
        },
      ];
  }
}
