import { compilePattern, ownersOf, parseCodeowners } from './parse';

const owners = (text: string, path: string) => ownersOf(parseCodeowners(text).rules, path)?.owners;
const matches = (pattern: string, path: string) => compilePattern(pattern).test(path);

describe('parseCodeowners', () => {
  it('reads rules with line numbers, skipping blanks, comments and inline comments', () => {
    const text = [
      '# Owners of everything',
      '',
      '*       @acme/platform   # the default',
      '   # an indented comment',
      '*.go    @gopher jane@acme.example',
      '/apps/github',
      '/path\\ with\\ spaces/ @acme/docs\t@octocat',
      'src/#hash @acme/odd',
    ].join('\r\n');
    expect(parseCodeowners(text)).toEqual({
      rules: [
        { line: 3, pattern: '*', owners: ['@acme/platform'] },
        { line: 5, pattern: '*.go', owners: ['@gopher', 'jane@acme.example'] },
        { line: 6, pattern: '/apps/github', owners: [] },
        { line: 7, pattern: '/path\\ with\\ spaces/', owners: ['@acme/docs', '@octocat'] },
        { line: 8, pattern: 'src/#hash', owners: ['@acme/odd'] },
      ],
      problems: [],
    });
  });

  it('reports what GitHub does not support, and invalid owners, by line, without throwing', () => {
    const text = [
      '* @acme/platform',
      '!/vendor/ @acme/platform',
      '\\#notes.md @acme/docs',
      '*.[ch] @acme/c',
      'a/***/b @acme/x',
      '/ @acme/x',
      'src/ acme-team @acme/ok',
      '/lib/ @acme/ok',
    ].join('\n');
    const { rules, problems } = parseCodeowners(text);
    expect(rules.map(r => r.line)).toEqual([1, 8]);
    expect(problems).toEqual([
      { line: 2, message: 'negation (!) is not supported by GitHub' },
      { line: 3, message: 'escaping a leading # is not supported by GitHub' },
      { line: 4, message: 'character ranges ([ ]) are not supported by GitHub' },
      { line: 5, message: 'a pattern cannot contain three consecutive asterisks' },
      { line: 6, message: 'the pattern / matches nothing (did you mean *?)' },
      { line: 7, message: 'invalid owner "acme-team": use @user, @org/team or an email' },
    ]);
  });

  it('handles an empty file and a BOM', () => {
    expect(parseCodeowners('')).toEqual({ rules: [], problems: [] });
    expect(parseCodeowners('\uFEFF* @a').rules).toEqual([{ line: 1, pattern: '*', owners: ['@a'] }]);
  });
});

describe('patterns (GitHub semantics)', () => {
  it.each([
    // a single name matches at any depth, as a file or as a directory with everything inside
    ['foo', 'foo', true],
    ['foo', 'bar/foo', true],
    ['foo', 'bar/foo/baz', true],
    ['foo', 'foo.txt', false],
    // a leading slash anchors to the root
    ['/foo', 'foo/bar', true],
    ['/foo', 'bar/foo', false],
    // a slash in the middle anchors too
    ['foo/bar', 'foo/bar/baz', true],
    ['foo/bar', 'x/foo/bar', false],
    // a trailing slash: the directory's contents, at any depth when it is a single name
    ['apps/', 'apps', false],
    ['apps/', 'apps/a.js', true],
    ['apps/', 'x/apps/y/a.js', true],
    ['/apps/', 'x/apps/a.js', false],
    // * and ? do not cross /
    ['*.js', 'a.js', true],
    ['*.js', 'src/deep/a.js', true],
    ['/*.js', 'src/a.js', false],
    ['f?o', 'foo', true],
    ['f?o', 'f/o', false],
    ['src/*.ts', 'src/a/b.ts', false],
    // docs/* matches files directly in docs, not deeper
    ['docs/*', 'docs/getting-started.md', true],
    ['docs/*', 'docs/build-app/troubleshooting.md', false],
    ['/*', 'README.md', true],
    ['/*', 'src/a.ts', false],
    ['*', 'src/a.ts', true],
    // ** crosses directories
    ['**/logs', 'build/logs/x.log', true],
    ['**/logs', 'logs/x.log', true],
    ['/build/**', 'build/a/b/c', true],
    ['/build/**', 'build', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b/z', true],
    ['a/**/b', 'x/a/b', false],
    // escapes and case
    ['f\\*o', 'f*o', true],
    ['f\\*o', 'foo', false],
    ['/Docs/', 'docs/a.md', false],
  ])('%s vs %s → %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });
});

describe('ownersOf', () => {
  const file = [
    '*                   @acme/platform',
    '*.js                @acme/frontend',
    '/docs/*             @acme/docs',
    '/services/payments/ @acme/team-payments',
    'services/payments/db/ @acme/dba',
    '/services/payments/vendor/',
    '/services/shared    @acme/team-a @acme/team-b # two teams',
    '**/generated/       @octocat',
    '*.md                docs@acme.example',
  ].join('\n');

  it('lets the last matching rule win, whatever its specificity', () => {
    expect(owners(file, 'services/payments/api.go')).toEqual(['@acme/team-payments']);
    expect(owners(file, 'services/payments/web/app.js')).toEqual(['@acme/team-payments']);
    expect(owners(file, 'services/payments/README.md')).toEqual(['docs@acme.example']);
    expect(owners(file, 'services/payments/db/schema.sql')).toEqual(['@acme/dba']);
    expect(owners(file, 'src/index.js')).toEqual(['@acme/frontend']);
    expect(ownersOf(parseCodeowners(file).rules, 'src/index.js')).toEqual({
      line: 2,
      pattern: '*.js',
      owners: ['@acme/frontend'],
    });
  });

  it('returns an empty owner list for an explicitly unowned path, undefined when nothing matches', () => {
    expect(owners(file, 'services/payments/vendor/lib.c')).toEqual([]);
    expect(owners('/src/ @a', 'README')).toBeUndefined();
  });

  it('resolves a directory as a typical file directly in it', () => {
    expect(owners(file, 'services/payments/')).toEqual(['@acme/team-payments']); // not *.js, *.md or db/
    expect(owners(file, 'services/shared/')).toEqual(['@acme/team-a', '@acme/team-b']);
    expect(owners(file, '')).toEqual(['@acme/platform']);
    expect(owners(file, '/')).toEqual(['@acme/platform']);
    expect(owners(file, 'docs/')).toEqual(['@acme/docs']);
    expect(owners(file, 'docs/guides/')).toEqual(['@acme/platform']); // docs/* stops at one level
    expect(owners(file, 'tools/generated/')).toEqual(['@octocat']);
    expect(owners(file, 'services/payments/vendor/')).toEqual([]);
    expect(owners('/services/* @x', 'services/payments/')).toBeUndefined();
    expect(owners('/services/payments/* @x', 'services/payments/')).toEqual(['@x']);
    expect(owners('README* @x\n? @y\n*? @z', '')).toEqual(['@z']);
  });

  it('ignores skipped lines when resolving', () => {
    expect(owners('* @a\n!services/ @b\nservices/ acme', 'services/x/')).toEqual(['@a']);
  });
});

describe('GitLab CODEOWNERS (sections, nested groups, roles, exclusions)', () => {
  const gitlab = (text: string, path: string) => ownersOf(parseCodeowners(text, 'gitlab').rules, path);
  const FILE = [
    '* @acme/platform', // default section
    '',
    '[Payments] @acme/payments/core', // default owners of the section
    '/services/payments/',
    '/services/payments/db/ @dba-jane',
    '',
    '^[Docs][2] @acme/docs',
    '*.md',
    '!/services/payments/README.md',
    '',
    '[payments]', // the same section again (names are case-insensitive): keeps its default owners
    '/services/refunds/',
    '',
    '[Security]',
    '/services/ @@maintainer security@acme.example',
  ].join('\n');

  it('reads sections with default owners, optional sections, approval counts and roles without problems', () => {
    const parsed = parseCodeowners(FILE, 'gitlab');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rules.map(r => [r.line, r.section, r.pattern, r.owners, r.exclude ?? false])).toEqual([
      [1, '', '*', ['@acme/platform'], false],
      [4, 'payments', '/services/payments/', ['@acme/payments/core'], false],
      [5, 'payments', '/services/payments/db/', ['@dba-jane'], false],
      [8, 'docs', '*.md', ['@acme/docs'], false],
      [9, 'docs', '/services/payments/README.md', [], true],
      [12, 'payments', '/services/refunds/', ['@acme/payments/core'], false],
      [15, 'security', '/services/', ['@@maintainer', 'security@acme.example'], false],
    ]);
    // As a GitHub file the same text is mostly invalid: sections are not GitHub syntax.
    expect(parseCodeowners(FILE, 'github').problems.length).toBeGreaterThan(0);
  });

  it('gives a path the owners of every section, each decided by its own last matching entry', () => {
    // Default section: *; Payments: /services/payments/; Security: /services/. In file order, without repeats.
    expect(gitlab(FILE, 'services/payments/')).toEqual({
      line: 1,
      pattern: '*',
      owners: ['@acme/platform', '@acme/payments/core', '@@maintainer', 'security@acme.example'],
    });
    // In Payments the later, deeper entry wins for db/: @dba-jane instead of the section's default owners.
    expect(gitlab(FILE, 'services/payments/db/')!.owners).toEqual(['@acme/platform', '@dba-jane', '@@maintainer', 'security@acme.example']);
    // Docs owns Markdown, except the excluded README; the second [payments] header adds to the same section.
    expect(gitlab(FILE, 'services/payments/guide.md')!.owners).toContain('@acme/docs');
    expect(gitlab(FILE, 'services/payments/README.md')!.owners).not.toContain('@acme/docs');
    expect(gitlab(FILE, 'services/refunds/')!.owners).toEqual(['@acme/platform', '@acme/payments/core', '@@maintainer', 'security@acme.example']);
    expect(gitlab(FILE, 'tools/')!.owners).toEqual(['@acme/platform']);
  });

  it('reports invalid owners in GitLab terms, and allows ranges and an escaped #', () => {
    const parsed = parseCodeowners(['[Ops] @ops!', 'log[0-9].txt @acme/ops', '\\#notes @acme/ops', 'x @acme/'].join('\n'), 'gitlab');
    expect(parsed.problems).toEqual([
      { line: 1, message: 'invalid default owner "@ops!": use @user, @group, @group/subgroup, @@role or an email' },
      { line: 4, message: 'invalid owner "@acme/": use @user, @group, @group/subgroup, @@role or an email' },
    ]);
    const rules = parsed.rules;
    expect(ownersOf(rules, 'log7.txt')?.owners).toEqual(['@acme/ops']);
    expect(ownersOf(rules, 'logx.txt')).toBeUndefined();
    expect(ownersOf(rules, '#notes')?.owners).toEqual(['@acme/ops']);
  });
});
