import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const spec = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...spec, $id: 'openapi' });

/**
 * Checks a response against the documented one, so the OpenAPI file cannot drift from the routes.
 * `template` is the path as documented, e.g. `/entities/{kind}/{namespace}/{name}/summary`.
 */
export function expectDocumentedResponse(method: string, template: string, res: { status: number; body: unknown }) {
  const operation = spec.paths?.[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`openapi.yaml does not document ${method} ${template}`);
  const status = String(res.status);
  const response = operation.responses?.[status];
  if (!response) throw new Error(`openapi.yaml does not document status ${res.status} of ${method} ${template}`);
  // Point into the document itself, so nested $refs resolve against it.
  const pointer = response.$ref ?? `#/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}`;
  if (!resolve(pointer)?.content?.['application/json']?.schema) {
    throw new Error(`openapi.yaml has no JSON schema for ${res.status} of ${method} ${template}`);
  }
  const validate = ajv.compile({ $ref: `openapi${pointer}/content/application~1json/schema` });
  if (!validate(res.body)) {
    throw new Error(`${method} ${template} ${res.status} does not match openapi.yaml: ${ajv.errorsText(validate.errors)}`);
  }
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function resolve(pointer: string) {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map(key => key.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node: any, key) => node?.[key], spec);
}
