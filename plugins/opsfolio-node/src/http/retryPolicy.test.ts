import { errors } from 'undici';
import {
  type RetryPolicyOptions,
  backoffDelayMs,
  classifyFailure,
  isRetryable,
  planRetry,
  serverRequestedDelayMs,
} from './retryPolicy';

const NOW = Date.UTC(2026, 2, 1, 9, 30, 0);
const policy: RetryPolicyOptions = {
  maxAttempts: 4,
  minDelayMs: 100,
  maxDelayMs: 1000,
  maxRetryAfterMs: 60_000,
  jitter: 'equal',
  random: () => 0.5,
  now: () => NOW,
};

describe('serverRequestedDelayMs', () => {
  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(serverRequestedDelayMs(429, { 'retry-after': '2' }, NOW)).toBe(2000);
    expect(serverRequestedDelayMs(503, { 'retry-after': new Date(NOW + 4000).toUTCString() }, NOW)).toBe(4000);
    expect(serverRequestedDelayMs(503, { 'retry-after': new Date(NOW - 4000).toUTCString() }, NOW)).toBe(0);
    expect(serverRequestedDelayMs(503, { 'retry-after': 'soon' }, NOW)).toBeUndefined();
  });

  it('reads reset headers as epoch or delta seconds, only when rate limited', () => {
    expect(serverRequestedDelayMs(429, { 'x-ratelimit-reset': String(NOW / 1000 + 30) }, NOW)).toBe(30_000);
    expect(serverRequestedDelayMs(429, { 'ratelimit-reset': '12' }, NOW)).toBe(12_000);
    expect(serverRequestedDelayMs(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3) }, NOW)).toBe(3000);
    expect(serverRequestedDelayMs(403, { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': '3' }, NOW)).toBeUndefined();
    expect(serverRequestedDelayMs(503, { 'ratelimit-reset': '12' }, NOW)).toBeUndefined();
  });
});

describe('backoffDelayMs', () => {
  it('grows exponentially up to the cap, with jitter inside the step', () => {
    for (let retry = 1; retry <= 6; retry++) {
      const step = Math.min(1000, 100 * 2 ** (retry - 1));
      for (const r of [0, 0.3, 0.999]) {
        const equal = backoffDelayMs(retry, { ...policy, random: () => r });
        expect(equal).toBeGreaterThanOrEqual(step / 2);
        expect(equal).toBeLessThanOrEqual(step);
        const full = backoffDelayMs(retry, { ...policy, jitter: 'full', random: () => r });
        expect(full).toBeGreaterThanOrEqual(0);
        expect(full).toBeLessThanOrEqual(step);
      }
    }
    expect([1, 2, 3, 4, 5].map(n => backoffDelayMs(n, policy))).toEqual([75, 150, 300, 600, 750]);
  });
});

describe('planRetry', () => {
  const status = (code: number, headers = {}) => ({ kind: 'status' as const, status: code, headers });

  it('retries 429 and 5xx until the attempts run out', () => {
    expect(planRetry(status(503), 1, true, policy)).toBe(75);
    expect(planRetry(status(429, { 'retry-after': '120' }), 1, true, { ...policy, maxRetryAfterMs: 5000 })).toBe(5000);
    expect(planRetry(status(503), 4, true, policy)).toBeUndefined();
  });

  it('does not retry other 4xx, nor unsafe calls that the server may have acted on', () => {
    for (const code of [400, 401, 404, 409, 422]) expect(planRetry(status(code), 1, true, policy)).toBeUndefined();
    expect(planRetry(status(503), 1, false, policy)).toBeUndefined();
    expect(planRetry({ kind: 'timeout' }, 1, false, policy)).toBeUndefined();
    expect(planRetry(status(429), 1, false, policy)).toBe(75);
    expect(planRetry({ kind: 'network', code: 'ECONNREFUSED', message: '' }, 1, false, policy)).toBe(75);
  });
});

describe('classifyFailure', () => {
  it('tells statuses, timeouts and network errors apart', () => {
    expect(classifyFailure(new errors.HeadersTimeoutError())).toEqual({ kind: 'timeout' });
    expect(classifyFailure(new errors.BodyTimeoutError())).toEqual({ kind: 'timeout' });
    expect(classifyFailure(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toMatchObject({
      kind: 'network',
      code: 'ECONNRESET',
    });
    expect(isRetryable(classifyFailure(new errors.SocketError('other side closed')), true)).toBe(true);
    expect(isRetryable({ kind: 'network', code: 'ENOTFOUND', message: '' }, true)).toBe(false);
  });
});
