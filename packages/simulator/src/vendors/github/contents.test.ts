import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { blobSha } from '../../data/codeowners/codeownersFiles';
import { parseScenario } from '../../scenario/load';
import { createSimulator } from '../../server';
import { TEST_NOW } from '../../testing/fixtures';

const scenario = parseScenario(`
seed: 3
components:
  payments-api: { repo: { github: acme/payments-api } }
  fraud-scoring: { repo: { github: acme/fraud-scoring } }
  invoice-renderer: { repo: { github: acme/invoice-renderer } }
  payouts-worker: { repo: { gitlab: acme/payments/payouts-worker } }
codeowners:
  payments-api: '@acme/team-payments  @octocat'
  fraud-scoring:
    path: CODEOWNERS
    lines: ['*  @acme/team-payments', '/models/ @acme/team-data']
`);
const app = createSimulator({ scenario, now: () => TEST_NOW });
const RAW = 'application/vnd.github.v3.raw';
const PAYMENTS_TEXT = '# Code owners of acme/payments-api: the last matching pattern wins.\n*  @acme/team-payments @octocat\n';
const get = (path: string) => request(app).get(`/github/repos/${path}`).set('Authorization', 'Bearer t');

describe('GitHub GET /repos/:owner/:repo/contents/:path', () => {
  it('serves CODEOWNERS raw, as the GitHub UrlReader asks for it, tagged with the blob sha', async () => {
    const res = await get('acme/payments-api/contents/.github/CODEOWNERS?ref=main').set('Accept', RAW).expect(200);
    expect(res.text).toBe(PAYMENTS_TEXT);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers.etag).toBe(`"${blobSha(PAYMENTS_TEXT)}"`);
    expect(res.headers['x-github-media-type']).toBe('github.v3; param=raw');
  });

  it('answers 304 to a matching If-None-Match, without using the rate limit', async () => {
    const first = await get('acme/payments-api/contents/.github/CODEOWNERS?ref=main').set('Accept', RAW).expect(200);
    const used = Number(first.headers['x-ratelimit-used']);
    const again = await get('acme/payments-api/contents/.github/CODEOWNERS?ref=main')
      .set('Accept', RAW)
      .set('If-None-Match', first.headers.etag!)
      .expect(304);
    expect(again.text).toBe('');
    expect(Number(again.headers['x-ratelimit-used'])).toBe(used);
  });

  it('serves the JSON form (base64 content) without a raw Accept header', async () => {
    const res = await get('ACME/Payments-API/contents/.github/CODEOWNERS').expect(200);
    const sha = blobSha(PAYMENTS_TEXT);
    expect(res.body).toMatchObject({
      type: 'file',
      encoding: 'base64',
      name: 'CODEOWNERS',
      path: '.github/CODEOWNERS',
      sha,
      size: Buffer.byteLength(PAYMENTS_TEXT),
      html_url: 'https://github.com/acme/payments-api/blob/main/.github/CODEOWNERS',
      git_url: expect.stringMatching(new RegExp(`/github/repos/acme/payments-api/git/blobs/${sha}$`)),
    });
    expect(res.body.content).toMatch(/^([A-Za-z0-9+/=]{1,60}\n)+$/);
    expect(Buffer.from(res.body.content, 'base64').toString('utf8')).toBe(PAYMENTS_TEXT);
    expect(res.headers.etag).toBeDefined();
  });

  it('keeps a file given as lines at its own path (the root here), with nothing at .github/', async () => {
    await get('acme/fraud-scoring/contents/.github/CODEOWNERS?ref=main').set('Accept', RAW).expect(404);
    const res = await get('acme/fraud-scoring/contents/CODEOWNERS?ref=HEAD').set('Accept', RAW).expect(200);
    expect(res.text).toBe('*  @acme/team-payments\n/models/ @acme/team-data\n');
  });

  it('answers 404 with GitHub\'s error body for every other file, repository and ref', async () => {
    const misses = [
      'acme/payments-api/contents/CODEOWNERS?ref=main', // exists only at .github/
      'acme/payments-api/contents/docs/CODEOWNERS',
      'acme/payments-api/contents/.github/codeowners', // paths are case-sensitive
      'acme/invoice-renderer/contents/.github/CODEOWNERS', // a repository without CODEOWNERS
      'acme/payouts-worker/contents/.github/CODEOWNERS', // on GitLab, not GitHub
      'acme/unknown/contents/.github/CODEOWNERS',
    ];
    for (const path of misses) {
      const res = await get(path).set('Accept', RAW).expect(404);
      expect(res.body, path).toEqual({
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
        status: '404',
      });
    }
    const badRef = await get('acme/payments-api/contents/.github/CODEOWNERS?ref=release').set('Accept', RAW).expect(404);
    expect(badRef.body.message).toBe('No commit found for the ref release');
  });
});
