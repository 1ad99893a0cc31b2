/**
 * CODEOWNERS, GitHub's and GitLab's: parsing and "who owns this path". Pure.
 *
 * Semantics: docs.github.com "About code owners"; pattern edge cases as in hmarr/codeowners' test table.
 * - `#` at the start of a line, or at the start of a word after the pattern, begins a comment.
 * - A line is a pattern followed by zero or more owners: `@user`, `@org/team` or an email. A matching line
 *   with no owners makes the path explicitly unowned.
 * - Patterns follow gitignore, except that GitHub does not support `!` negation, `[ ]` ranges or escaping
 *   a leading `#` with `\`; such lines are invalid, skipped and reported, as is a line with an invalid owner
 *   (GitHub skips invalid lines too). `\` escapes other characters (`\ ` for a space in a path).
 * - A pattern with a `/` at the start or in the middle is anchored to the repository root; a single name
 *   (optionally with a trailing `/`) matches at any depth. A trailing `/` means "everything inside".
 * - `*` and `?` never cross `/`; a lone `*` as the last segment (`docs/*`) matches files directly in that
 *   directory only; `**` matches any number of directories; a pattern naming a file or directory without
 *   a trailing slash also matches everything inside it (`/build/logs` owns `build/logs/x`).
 * - Paths are case-sensitive; the LAST matching rule wins.
 *
 * GitLab (docs.gitlab.com "Code Owners syntax") adds sections and reads some lines differently:
 * - `[Section]`, `^[Optional section]`, `[Section][2]` (approvals) start a section, optionally with default
 *   owners (`[Section] @group`) that entries without owners of their own take. Names are case-insensitive and
 *   sections of the same name are one. Lines before the first section are the default section.
 * - A path's owners are those of EVERY section: in each, the last matching entry decides; an exclusion
 *   (`!pattern`) that matches last leaves the path out of that section.
 * - Owners: `@user`, `@group` and nested `@group/subgroup/team`, `@@role` (developer, maintainer, owner) and
 *   emails. `\#` escapes a leading `#`; `[ ]` ranges are allowed.
 */

export type CodeownersDialect = 'github' | 'gitlab';

export interface CodeownersRule {
  /** 1-based line number in the file. */
  line: number;
  pattern: string;
  /** As written; empty when the line deliberately leaves the path unowned. */
  owners: string[];
  /** GitLab: the section (lower-cased name, `''` before the first), and whether the line is an exclusion. */
  section?: string;
  exclude?: boolean;
}

export interface CodeownersProblem {
  line: number;
  message: string;
}

export interface ParsedCodeowners {
  rules: CodeownersRule[];
  /** Lines that were skipped, with why. */
  problems: CodeownersProblem[];
}

/** The rule that decides a path's owners. */
export interface OwnersMatch {
  line: number;
  pattern: string;
  owners: string[];
}

const USER = /^@[A-Za-z0-9][A-Za-z0-9_-]*$/;
const TEAM = /^@[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const GITLAB_PATH = /^@[A-Za-z0-9_][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;
const GITLAB_ROLE = /^@@(?:developer|maintainer|owner)s?$/i;

function isValidOwner(owner: string, dialect: CodeownersDialect): boolean {
  if (dialect === 'gitlab') return GITLAB_PATH.test(owner) || GITLAB_ROLE.test(owner) || EMAIL.test(owner);
  return USER.test(owner) || TEAM.test(owner) || EMAIL.test(owner);
}

const OWNER_ADVICE: Record<CodeownersDialect, string> = {
  github: 'use @user, @org/team or an email',
  gitlab: 'use @user, @group, @group/subgroup, @@role or an email',
};

/** `[Name]`, `^[Name]`, `[Name][2]`, with default owners after it. */
const SECTION = /^\^?\[([^\]]+)\](?:\[\d+\])?(.*)$/;

/** Splits on unescaped whitespace (a `\` keeps the next character, backslash included); stops at a `#` word. */
function words(line: string): string[] {
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      word += ch + line[++i];
    } else if (ch === ' ' || ch === '\t') {
      if (word) out.push(word);
      word = '';
    } else if (ch === '#' && word === '') {
      break;
    } else {
      word += ch;
    }
  }
  if (word) out.push(word);
  return out;
}

function patternProblem(pattern: string, dialect: CodeownersDialect): string | undefined {
  if (dialect === 'gitlab') return pattern === '/' ? 'the pattern / matches nothing (did you mean *?)' : undefined;
  if (pattern.startsWith('\\#')) return 'escaping a leading # is not supported by GitHub';
  if (pattern.startsWith('!')) return 'negation (!) is not supported by GitHub';
  if (/[[\]]/.test(pattern)) return 'character ranges ([ ]) are not supported by GitHub';
  if (pattern.includes('***')) return 'a pattern cannot contain three consecutive asterisks';
  if (pattern === '/') return 'the pattern / matches nothing (did you mean *?)';
  return undefined;
}

export function parseCodeowners(text: string, dialect: CodeownersDialect = 'github'): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const problems: CodeownersProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let section = '';
  let sectionOwners: string[] = [];
  const defaults = new Map<string, string[]>();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const header = dialect === 'gitlab' ? SECTION.exec(trimmed) : null;
    if (header) {
      section = header[1]!.trim().toLowerCase();
      const owners = words(header[2]!);
      const invalid = owners.filter(o => !isValidOwner(o, dialect));
      if (invalid.length) problems.push({ line, message: `invalid default owner ${invalid.map(o => `"${o}"`).join(', ')}: ${OWNER_ADVICE[dialect]}` });
      // A section named again keeps the default owners it was first given, unless this header names some.
      const valid = owners.filter(o => isValidOwner(o, dialect));
      if (valid.length || !defaults.has(section)) defaults.set(section, valid);
      sectionOwners = defaults.get(section)!;
      return;
    }
    const [first, ...owners] = words(trimmed);
    const exclude = dialect === 'gitlab' && first!.startsWith('!');
    const pattern = exclude ? first!.slice(1) : first!;
    const problem = patternProblem(pattern, dialect);
    if (problem) return void problems.push({ line, message: problem });
    const invalid = owners.filter(o => !isValidOwner(o, dialect));
    if (invalid.length > 0) {
      const list = invalid.map(o => `"${o}"`).join(', ');
      return void problems.push({ line, message: `invalid owner ${list}: ${OWNER_ADVICE[dialect]}` });
    }
    if (dialect === 'github') return void rules.push({ line, pattern, owners });
    rules.push({ line, pattern, owners: exclude || owners.length ? owners : [...sectionOwners], section, ...(exclude && { exclude }) });
  });
  return { rules, problems };
}

/** The dialect of a CODEOWNERS file, from the URL it was read from (GitLab's file URLs have `/-/`). */
export function dialectOf(url: string): CodeownersDialect {
  return url.includes('/-/blob/') || url.includes('/repository/files/') ? 'gitlab' : 'github';
}

/** A file-name segment of `*`/`?` translated to a regex that never crosses `/`. */
function segmentSource(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '\\' && i + 1 < segment.length) source += escapeRegex(segment[++i]!);
    else if (ch === '[' && segment.indexOf(']', i + 2) > i) {
      // A range (GitLab): `[abc]`, `[a-z]`, `[!x]`; never matches `/`.
      const end = segment.indexOf(']', i + 2);
      const body = segment.slice(i + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      source += `[${negated ? '^/' : ''}${(negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += escapeRegex(ch);
  }
  return source;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function compilePattern(pattern: string): RegExp {
  let segments = pattern.split('/');
  if (segments[0] === '') segments = segments.slice(1);
  else if (segments.length === 1 || (segments.length === 2 && segments[1] === '')) {
    // A single name, with or without a trailing slash, matches at any depth.
    if (segments[0] !== '**') segments = ['**', ...segments];
  }
  if (segments.length > 1 && segments[segments.length - 1] === '') segments[segments.length - 1] = '**';
  segments = segments.filter((s, i) => !(s === '**' && segments[i - 1] === '**'));

  const last = segments.length - 1;
  let source = '';
  let slash = false;
  segments.forEach((segment, i) => {
    if (segment === '**') {
      if (i === 0 && i === last) source += '.+';
      else if (i === 0) source += '(?:.+/)?';
      else if (i === last) source += '/.*';
      else source += '(?:/.+)?';
      slash = i !== 0;
      return;
    }
    if (slash) source += '/';
    slash = true;
    if (segment === '*') {
      // GitHub: a lone trailing `*` matches files at that level, not what is in its subdirectories.
      source += '[^/]+';
      return;
    }
    source += segmentSource(segment);
    if (i === last) source += '(?:/.*)?';
  });
  return new RegExp(`^${source}$`);
}

const compiled = new WeakMap<CodeownersRule, RegExp>();

function regexOf(rule: CodeownersRule): RegExp {
  let regex = compiled.get(rule);
  if (!regex) compiled.set(rule, (regex = compilePattern(rule.pattern)));
  return regex;
}

/**
 * A stand-in for "any file" in a directory: only name segments made of wildcards match it (`*`, `**`),
 * never a name with a literal part (`*.js`, `README*`).
 */
const ANY_FILE = '\u0000'.repeat(64);

/**
 * The last rule matching `path` in the repository. A file path (`src/a.ts`), or a directory: one ending in
 * `/` (`services/payments/`), or `''` / `/` for the root. A directory's owners are those of a typical file
 * directly in it, as GitHub would assign them: rules that only name some of its files (`*.sql`) or a
 * subdirectory (`services/payments/db/`) do not decide who owns the directory.
 */
export function ownersOf(rules: readonly CodeownersRule[], path: string): OwnersMatch | undefined {
  let target = path.replace(/^\/+/, '');
  if (target === '' || target.endsWith('/')) target += ANY_FILE;
  if (!rules.some(r => r.section !== undefined)) {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i]!;
      if (regexOf(rule).test(target)) return { line: rule.line, pattern: rule.pattern, owners: [...rule.owners] };
    }
    return undefined;
  }
  // GitLab: each section decides on its own (its last matching entry); the path has the owners of all of them.
  const deciding = new Map<string, CodeownersRule>();
  for (const rule of rules) if (regexOf(rule).test(target)) deciding.set(rule.section!, rule);
  const owning = [...deciding.values()].filter(r => !r.exclude).sort((a, b) => a.line - b.line);
  if (owning.length === 0) return undefined;
  const owners = [...new Set(owning.flatMap(r => r.owners))];
  return { line: owning[0]!.line, pattern: owning[0]!.pattern, owners };
}
