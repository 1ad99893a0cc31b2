import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expectDocumentedResponse } from './openApi';

// The answers the common package's client tests replay (recorded by `npm run record:client` from this backend)
// must still be what openapi.yaml documents: otherwise the client is tested against answers the backend no
// longer gives. Read as files, so that neither package depends on the other's source.
const recordings = JSON.parse(
  readFileSync(new URL('../../../opsfolio-common/src/client/__recordings__/opsfolio-backend.json', import.meta.url), 'utf8'),
) as { exchanges: Array<{ name: string; request: { method: string; path: string }; response: { status: number; headers: Record<string, string>; body: unknown } }> };
const templates = Object.keys(parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')).paths);

/** The documented path a concrete one is an instance of; literal segments win over parameters. */
function templateOf(method: string, path: string): string {
  const segments = path.split('?')[0].split('/');
  const matches = templates.filter(template => {
    const parts = template.split('/');
    return parts.length === segments.length && parts.every((part, i) => /^\{.+\}$/.test(part) || part === segments[i]);
  });
  if (!matches.length) throw new Error(`${method} ${path} matches no path of openapi.yaml`);
  const literals = (t: string) => t.split('/').filter(p => !p.startsWith('{')).length;
  return matches.sort((a, b) => literals(b) - literals(a))[0];
}

describe("the client's recorded answers", () => {
  it('cover the API and are each as openapi.yaml documents them', () => {
    expect(recordings.exchanges.length).toBeGreaterThan(20);
    for (const { request, response } of recordings.exchanges) {
      const csv = response.headers['content-type']?.startsWith('text/csv');
      // A CSV body is text: only its status is documented as JSON would be.
      if (!csv) expectDocumentedResponse(request.method, templateOf(request.method, request.path), response);
      else expect(templateOf(request.method, request.path)).toMatch(/^\/(overview|campaigns)\//);
    }
  });
});
