import { DEFAULT_DORA_THRESHOLDS, doraBand, doraThresholdsSchema } from './doraBands';

const band = (metric: Parameters<typeof doraBand>[0], value: number) =>
  doraBand(metric, value, DEFAULT_DORA_THRESHOLDS);

describe('doraBand with the DORA 2024 defaults', () => {
  it('bands deployment frequency (per day, higher is better, limits inclusive)', () => {
    expect([band('deploymentFrequency', 3), band('deploymentFrequency', 1)]).toEqual(['elite', 'elite']);
    expect([band('deploymentFrequency', 0.99), band('deploymentFrequency', 1 / 7)]).toEqual(['high', 'high']);
    expect([band('deploymentFrequency', 0.14), band('deploymentFrequency', 1 / 30)]).toEqual(['medium', 'medium']);
    expect([band('deploymentFrequency', 0.033), band('deploymentFrequency', 0)]).toEqual(['low', 'low']);
  });

  it('bands lead time (hours, lower is better, limits exclusive)', () => {
    expect([band('leadTime', 23.9), band('leadTime', 24)]).toEqual(['elite', 'high']); // < 24 h
    expect([band('leadTime', 167.9), band('leadTime', 168)]).toEqual(['high', 'medium']); // < 7 × 24 h
    expect([band('leadTime', 719.9), band('leadTime', 720)]).toEqual(['medium', 'low']); // < 30 × 24 h
  });

  it('bands change failure rate (ratio, lower is better, limits inclusive, monotonic)', () => {
    expect([band('changeFailureRate', 0), band('changeFailureRate', 0.05)]).toEqual(['elite', 'elite']);
    expect([band('changeFailureRate', 0.051), band('changeFailureRate', 0.1)]).toEqual(['high', 'high']);
    expect([band('changeFailureRate', 0.101), band('changeFailureRate', 0.2)]).toEqual(['medium', 'medium']);
    expect([band('changeFailureRate', 0.201), band('changeFailureRate', 1)]).toEqual(['low', 'low']);
  });

  it('bands recovery time (hours, lower is better, limits exclusive)', () => {
    expect([band('recoveryTime', 0.99), band('recoveryTime', 1)]).toEqual(['elite', 'high']); // < 1 h
    expect([band('recoveryTime', 23.9), band('recoveryTime', 24)]).toEqual(['high', 'medium']); // < 24 h
    expect([band('recoveryTime', 167.9), band('recoveryTime', 168)]).toEqual(['medium', 'low']); // < 1 week
  });
});

describe('doraThresholdsSchema', () => {
  it('accepts the defaults and partial ladders', () => {
    expect(doraThresholdsSchema.safeParse(DEFAULT_DORA_THRESHOLDS).success).toBe(true);
    const partial = { ...DEFAULT_DORA_THRESHOLDS, leadTime: [{ band: 'high', limit: 48 }], recoveryTime: [] };
    expect(doraThresholdsSchema.safeParse(partial).success).toBe(true);
  });

  it("rejects the report's raw, non-monotonic change failure rate tiers", () => {
    const raw = {
      ...DEFAULT_DORA_THRESHOLDS,
      changeFailureRate: [
        { band: 'elite', limit: 0.05 },
        { band: 'high', limit: 0.2 },
        { band: 'medium', limit: 0.1 },
      ],
    };
    const result = doraThresholdsSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['changeFailureRate', 2]);
  });

  it('rejects bands out of order and frequency limits that grow', () => {
    const swapped = {
      ...DEFAULT_DORA_THRESHOLDS,
      leadTime: [
        { band: 'high', limit: 24 },
        { band: 'elite', limit: 168 },
      ],
    };
    const growing = {
      ...DEFAULT_DORA_THRESHOLDS,
      deploymentFrequency: [
        { band: 'elite', limit: 1 },
        { band: 'high', limit: 2 },
      ],
    };
    expect(doraThresholdsSchema.safeParse(swapped).success).toBe(false);
    expect(doraThresholdsSchema.safeParse(growing).success).toBe(false);
  });
});
