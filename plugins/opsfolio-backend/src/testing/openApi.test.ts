import { expectDocumentedResponse } from './openApi';

describe('the OpenAPI check used by the route tests', () => {
  it('rejects a body that drifted from openapi.yaml', () => {
    expect(() =>
      expectDocumentedResponse('GET', '/health', { status: 200, body: { status: 'ok', sources: [{ id: 'github' }] } }),
    ).toThrow(/must have required property 'pillar'/);
  });

  it('rejects an undocumented route or status', () => {
    expect(() => expectDocumentedResponse('GET', '/nope', { status: 200, body: {} })).toThrow(/does not document GET \/nope/);
    expect(() => expectDocumentedResponse('GET', '/health', { status: 500, body: {} })).toThrow(/status 500/);
  });
});
