import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';

/** A scenario that cannot be used; `message` lists every problem as "<path> (line N): <what>". */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid scenario ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(file, [`cannot read the file: ${(error as Error).message}`]);
  }
  return parseScenario(text, file);
}

export function parseScenario(text: string, source = 'scenario'): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      source,
      doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`),
    );
  }
  const result = scenarioSchema.safeParse(doc.toJS());
  if (!result.success) {
    throw new ScenarioError(source, result.error.issues.map((issue) => describe(issue, doc, lineCounter)));
  }
  return result.data;
}

function describe(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.length > 0 ? path.join('.') : '(top level)';
  const line = lineOf(doc, lines, path);
  return `${where}${line ? ` (line ${line})` : ''}: ${issue.message}`;
}

/** The line of the deepest node on the path that exists in the document (aliases stop the walk). */
function lineOf(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
