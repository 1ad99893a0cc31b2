import fc from 'fast-check';
import type { Parameter } from './operations';

const DAY_MS = 86_400_000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Values that have broken parsers before: bad days, refs, numbers, encodings, lengths. */
const HOSTILE = [
  '', ' ', '%00', '\u0000', '\n', '\t', '..', '../..', 'a/b', 'a:b:c', '-1', '0', '1e9', '0x10', '2.5', 'NaN', 'Infinity',
  '2026-13-01', '2026-02-30', '2026-01-00', '9999-12-31', '0000-00-00', '1970-01-01', 'null', 'undefined', '[]', '{}',
  '<script>alert(1)</script>', "' OR 1=1 --", 'x'.repeat(300), 'x'.repeat(5000), '\u202e', '😀', 'ß', 'İ',
];

/** Any text that can go in a URL: well-formed UTF-16 (a lone surrogate cannot be percent-encoded). */
const anyText = fc.string({ unit: 'binary', maxLength: 40 }).filter(s => s.isWellFormed());

/** A value for a parameter: usually one its schema allows, often a hostile one. */
export function parameterValue(param: Parameter, valid: string | undefined): fc.Arbitrary<string> {
  const { schema } = param;
  const allowed: Array<fc.Arbitrary<string>> = [];
  if (valid !== undefined) allowed.push(fc.constant(valid));
  if (schema.enum) allowed.push(fc.constantFrom(...schema.enum));
  if (schema.type === 'integer') allowed.push(fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 100_000) }).map(String));
  if (schema.format === 'date') allowed.push(fc.integer({ min: -400, max: 30 }).map(d => new Date(Date.now() + d * DAY_MS).toISOString().slice(0, 10)));
  if (param.name === 'window') allowed.push(fc.integer({ min: 0, max: 999 }).map(n => `${n}d`));
  return fc.oneof(
    { weight: 3, arbitrary: allowed.length ? fc.oneof(...allowed) : anyText },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 1, arbitrary: anyText },
  );
}

/** How a query value is written: once, as an array (`k[]=v`), twice, or as an object (`k[a]=v`). */
export const queryShape = fc.constantFrom('plain', 'array', 'repeated', 'object');

/** One line of text as a person or a CI would write it: any script, no control characters, not blank. */
export const oneLineText = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) })
    .filter(s => s.isWellFormed() && !CONTROL.test(s) && s.trim().length > 0 && s.length <= max);

/** An instant within the push window (5 years back to now), as ISO with milliseconds. */
export const recentInstant = (backDays = 4 * 365) => fc.integer({ min: 60_000, max: backDays * DAY_MS }).map(ago => new Date(Date.now() - ago).toISOString());

export const httpUrl = fc.tuple(fc.constantFrom('https', 'http', 'HTTPS'), fc.webUrl({ withQueryParameters: true, withFragments: true })).map(
  ([scheme, url]) => url.replace(/^https?/, scheme),
);

/** A change that makes a pushed event invalid, with the field it breaks. */
export interface Mutation {
  name: string;
  apply(event: Record<string, unknown>): Record<string, unknown>;
}

const set = (field: string, value: unknown): ((e: Record<string, unknown>) => Record<string, unknown>) => e => ({ ...e, [field]: value });

/** Mutations every pushed event type must refuse; `text`/`time`: a text field and a time field of that type. */
export function commonMutations(text: string, time: string): Mutation[] {
  return [
    { name: 'javascript: url', apply: set('url', 'javascript:alert(document.cookie)') },
    { name: 'data: url', apply: set('url', 'data:text/html,<script>alert(1)</script>') },
    { name: 'file: url', apply: set('url', 'file:///etc/passwd') },
    { name: 'far-future time', apply: set(time, '9999-01-01T00:00:00Z') },
    { name: 'ancient time', apply: set(time, '1990-01-01T00:00:00Z') },
    { name: 'time without zone', apply: set(time, '2026-11-20T10:00:00') },
    { name: 'not a time', apply: set(time, 'yesterday') },
    { name: 'NUL in text', apply: e => ({ ...e, [text]: `${String(e[text])}\u0000` }) },
    { name: 'line break in text', apply: e => ({ ...e, [text]: `a\nb` }) },
    { name: 'blank text', apply: set(text, '   ') },
    { name: 'text too long', apply: set(text, 'x'.repeat(3000)) },
    { name: 'number for text', apply: set(text, 42) },
    { name: 'missing text', apply: e => Object.fromEntries(Object.entries(e).filter(([k]) => k !== text)) },
    { name: 'unknown field', apply: set('sneaky', true) },
    { name: 'user entity', apply: set('entityRef', 'user:default/ada.okafor') },
    { name: 'location entity', apply: set('entityRef', 'location:default/anything') },
    { name: 'unparsable ref', apply: set('entityRef', 'a:b:c/d') },
    { name: 'unknown entity', apply: set('entityRef', 'component:default/does-not-exist') },
    { name: 'bad status', apply: set('status', 'done') },
  ];
}
