// A subset of Opsgenie's alert search syntax, enough for `opsgenie.com/component-selector` values:
//
//   tag:"service:payments-api"     field:value (quoted or bare; a bare value runs to the next space)
//   teams:identity AND status:open  AND / OR / NOT (any case), parentheses; juxtaposed terms mean AND
//   tag:component=foo               the value of a bare term may itself contain ':' or '='
//   message = "Disk full"           '=' exact, '!=' not equal, ':' contains (text) or equals (others)
//   createdAt > 1712000000000       >, >=, <, <= on createdAt / updatedAt / lastOccurredAt / count;
//                                   epoch milliseconds, dd-MM-yyyy or ISO 8601
//   disk                            free text: the message contains it
// Values may use * as a wildcard. Matching is case-insensitive.

export type AlertQuery = (alert: QueryableAlert) => boolean;

/** The fields a query can read; list values match when any element does. */
export interface QueryableAlert {
  text: Record<string, string | string[]>;
  times: Record<string, number>;
}

const OPERATORS = ['!=', '>=', '<=', ':', '=', '>', '<'] as const;
type Operator = (typeof OPERATORS)[number];
const TEXT_FIELDS = new Set(['message', 'description', 'alias', 'source', 'entity', 'owner']);

type Token = { kind: 'word' | 'quoted' | 'open' | 'close'; text: string };

export class QueryError extends Error {}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'open' : 'close', text: c });
      i++;
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < query.length && query[i] !== '"') {
        if (query[i] === '\\' && i + 1 < query.length) i++;
        text += query[i++];
      }
      if (i >= query.length) throw new QueryError('unterminated quote');
      i++;
      tokens.push({ kind: 'quoted', text });
    } else {
      let text = '';
      while (i < query.length && !/[\s()]/.test(query[i]!)) {
        if (query[i] === '"') {
          // field:"quoted value" — the quoted part belongs to this word
          const close = query.indexOf('"', i + 1);
          if (close < 0) throw new QueryError('unterminated quote');
          text += query.slice(i, close + 1);
          i = close + 1;
        } else text += query[i++];
      }
      tokens.push({ kind: 'word', text });
    }
  }
  return tokens;
}

interface Term {
  field?: string;
  op: Operator;
  value: string;
}

const unquote = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

/** Parse a query into a predicate; throws QueryError on a syntax error. An empty query matches everything. */
export function parseAlertQuery(query: string): AlertQuery {
  const tokens = tokenize(query);
  let pos = 0;
  const peekKeyword = (): string | undefined => {
    const t = tokens[pos];
    return t?.kind === 'word' && /^(and|or|not)$/i.test(t.text) ? t.text.toUpperCase() : undefined;
  };

  const term = (): Term => {
    const token = tokens[pos++]!;
    if (token.kind === 'quoted') return { op: ':', value: token.text };
    const match = /^([A-Za-z_][\w.]*)\s*(!=|>=|<=|:|=|>|<)(.*)$/s.exec(token.text);
    if (!match) {
      // "field" then an operator word: createdAt > 5
      const next = tokens[pos];
      if (/^[A-Za-z_][\w.]*$/.test(token.text) && next?.kind === 'word' && (OPERATORS as readonly string[]).includes(next.text)) {
        pos++;
        return { field: token.text, op: next.text as Operator, value: valueToken() };
      }
      return { op: ':', value: token.text };
    }
    const [, field, op, rest] = match;
    return { field, op: op as Operator, value: rest === '' ? valueToken() : unquote(rest!) };
  };

  const valueToken = (): string => {
    const token = tokens[pos];
    if (!token || token.kind === 'open' || token.kind === 'close') throw new QueryError('a value is missing');
    pos++;
    return token.text;
  };

  const primary = (): AlertQuery => {
    const token = tokens[pos];
    if (!token) throw new QueryError('the query ends too early');
    if (token.kind === 'open') {
      pos++;
      const inner = or();
      if (tokens[pos]?.kind !== 'close') throw new QueryError('a closing parenthesis is missing');
      pos++;
      return inner;
    }
    if (token.kind === 'close') throw new QueryError('unexpected ")"');
    return matcher(term());
  };

  const not = (): AlertQuery => {
    if (peekKeyword() === 'NOT') {
      pos++;
      const inner = not();
      return (a) => !inner(a);
    }
    return primary();
  };

  const and = (): AlertQuery => {
    const parts = [not()];
    for (;;) {
      const keyword = peekKeyword();
      if (keyword === 'AND') {
        pos++;
        parts.push(not());
      } else if (keyword === 'NOT' || (pos < tokens.length && keyword === undefined && tokens[pos]!.kind !== 'close')) {
        parts.push(not());
      } else break;
    }
    return (a) => parts.every((p) => p(a));
  };

  const or = (): AlertQuery => {
    const parts = [and()];
    while (peekKeyword() === 'OR') {
      pos++;
      parts.push(and());
    }
    return (a) => parts.some((p) => p(a));
  };

  if (tokens.length === 0) return () => true;
  const result = or();
  if (pos < tokens.length) throw new QueryError(`unexpected "${tokens[pos]!.text}"`);
  return result;
}

function wildcard(value: string, contains: boolean): RegExp {
  const source = value
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(contains ? source : `^${source}$`, 'i');
}

function parseTimeValue(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const dmy = /^(\d{2})-(\d{2})-(\d{4})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (dmy) return Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1]), Number(dmy[4] ?? 0), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0));
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new QueryError(`"${value}" is not a date`);
  return parsed;
}

function matcher(term: Term): AlertQuery {
  const field = term.field?.toLowerCase() ?? 'message';
  const normalized = field === 'tags' ? 'tag' : field === 'team' ? 'teams' : field;
  if (['>', '>=', '<', '<='].includes(term.op)) {
    const bound = parseTimeValue(term.value);
    const key = { createdat: 'createdAt', updatedat: 'updatedAt', lastoccurredat: 'lastOccurredAt', count: 'count' }[normalized];
    if (!key) throw new QueryError(`${term.field} cannot be compared with ${term.op}`);
    return (a) => {
      const v = a.times[key];
      if (v === undefined) return false;
      return term.op === '>' ? v > bound : term.op === '>=' ? v >= bound : term.op === '<' ? v < bound : v <= bound;
    };
  }
  const contains = term.op === ':' && (TEXT_FIELDS.has(normalized) || term.field === undefined);
  const pattern = wildcard(term.value, contains);
  const lookup = (a: QueryableAlert): string[] => {
    const v = a.text[normalized] ?? a.text[`details.${normalized}`];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const test = (a: QueryableAlert) => lookup(a).some((v) => pattern.test(v));
  return term.op === '!=' ? (a) => !test(a) : test;
}
