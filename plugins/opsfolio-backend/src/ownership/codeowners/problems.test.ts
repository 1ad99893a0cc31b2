import { checkCodeowners } from './check';
import { ownerDirectory } from './matchGroups';
import { codeownersProblems } from './problems';

const directory = ownerDirectory([]);
const url = 'https://github.com/acme/mono/blob/main/.github/CODEOWNERS';
const problemsFor = (text: string, path: string) =>
  codeownersProblems(checkCodeowners({ file: { url, text }, path, entityOwnerRef: 'team-a', directory }));

describe('codeownersProblems', () => {
  it('has nothing to say when CODEOWNERS agrees', () => {
    expect(problemsFor('* @acme/team-a', '')).toEqual([]);
  });

  it('names the owners, the line and the file for drift', () => {
    expect(problemsFor('* @acme/team-a\n/svc/x/ @acme/team-b @octocat', 'svc/x/')).toEqual([
      {
        kind: 'codeowners-drift',
        message: 'CODEOWNERS gives /svc/x/ to @acme/team-b, @octocat, not to its owner group:default/team-a (line 2, /svc/x/).',
        fix: `Name group:default/team-a's GitHub team on line 2 of ${url}, or make spec.owner the team that really owns it.`,
      },
    ]);
  });

  it('reports an unowned directory and one no rule covers', () => {
    expect(problemsFor('* @acme/team-a\n/svc/', 'svc/x/')[0]!.message).toBe('CODEOWNERS leaves /svc/x/ without owners (line 2, /svc/).');
    expect(problemsFor('/docs/ @acme/team-a', '')[0]).toMatchObject({
      message: 'No CODEOWNERS rule covers the repository root.',
      fix: `Add a rule for * naming group:default/team-a's GitHub team to ${url}.`,
    });
  });
});
