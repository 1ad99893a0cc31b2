import { codeownersDrift, type CodeownersDrift, type OwnerDirectory } from './matchGroups';
import { dialectOf, ownersOf, parseCodeowners, type CodeownersProblem } from './parse';

/** The CODEOWNERS verdict for one entity. */
export interface CodeownersCheck extends CodeownersDrift {
  /** The CODEOWNERS file that was read. */
  url: string;
  /** The entity's directory in the repository (`''` for the root). */
  path: string;
  /** Lines GitHub or GitLab would skip (invalid syntax or owners), so the file's author can fix them. */
  problems: CodeownersProblem[];
}

export interface CheckCodeownersInput {
  file: { url: string; text: string };
  /** `RepoLocation.path`. */
  path: string;
  entityOwnerRef: string;
  namespace?: string;
  directory: OwnerDirectory;
}

/** Parses the file, resolves the owners of the entity's directory and compares them with the catalog. Pure. */
export function checkCodeowners(input: CheckCodeownersInput): CodeownersCheck {
  const { rules, problems } = parseCodeowners(input.file.text, dialectOf(input.file.url));
  const drift = codeownersDrift({
    entityOwnerRef: input.entityOwnerRef,
    namespace: input.namespace,
    match: ownersOf(rules, input.path),
    directory: input.directory,
  });
  return { ...drift, url: input.file.url, path: input.path, problems };
}
