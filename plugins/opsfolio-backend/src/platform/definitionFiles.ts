import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * The definitions in one YAML file of scorecards or campaigns (one, or a list of them), each with where it
 * sits for error messages. A file that cannot be read or parsed adds a problem naming it and gives none.
 */
export function readDefinitionFile(path: string, problems: string[]): Array<{ value: unknown; where: string; index?: number }> {
  const file = resolve(path);
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
    return [];
  }
  if (Array.isArray(doc)) return doc.map((value, i) => ({ value, where: `${file}: [${i}]`, index: i }));
  return [{ value: doc, where: `${file}:` }];
}
