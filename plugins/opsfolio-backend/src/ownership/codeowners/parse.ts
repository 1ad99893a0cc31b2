/**
 * GitHub CODEOWNERS: parsing and "who owns this path". Pure.
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
 */

export interface CodeownersRule {
  /** 1-based line number in the file. */
  line: number;
  pattern: string;
  /** As written; empty when the line deliberately leaves the path unowned. */
  owners: string[];
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

function isValidOwner(owner: string): boolean {
  return USER.test(owner) || TEAM.test(owner) || EMAIL.test(owner);
}

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

function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('\\#')) return 'escaping a leading # is not supported by GitHub';
  if (pattern.startsWith('!')) return 'negation (!) is not supported by GitHub';
  if (/[[\]]/.test(pattern)) return 'character ranges ([ ]) are not supported by GitHub';
  if (pattern.includes('***')) return 'a pattern cannot contain three consecutive asterisks';
  if (pattern === '/') return 'the pattern / matches nothing (did you mean *?)';
  return undefined;
}

export function parseCodeowners(text: string): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const problems: CodeownersProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const [pattern, ...owners] = words(trimmed);
    const problem = patternProblem(pattern!);
    if (problem) return void problems.push({ line, message: problem });
    const invalid = owners.filter(o => !isValidOwner(o));
    if (invalid.length > 0) {
      const list = invalid.map(o => `"${o}"`).join(', ');
      return void problems.push({ line, message: `invalid owner ${list}: use @user, @org/team or an email` });
    }
    rules.push({ line, pattern: pattern!, owners });
  });
  return { rules, problems };
}

/** A file-name segment of `*`/`?` translated to a regex that never crosses `/`. */
function segmentSource(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '\\' && i + 1 < segment.length) source += escapeRegex(segment[++i]!);
    else if (ch === '*') source += '[^/]*';
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
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (regexOf(rule).test(target)) return { line: rule.line, pattern: rule.pattern, owners: [...rule.owners] };
  }
  return undefined;
}
