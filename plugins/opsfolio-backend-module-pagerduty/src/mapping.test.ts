import { toIncident } from './mapping';
import type { PdIncident } from './schemas';

const incident = (over: Partial<PdIncident>): PdIncident => ({
  id: 'P1',
  status: 'acknowledged',
  created_at: '2026-11-20T10:00:00Z',
  service: { id: 'S1' },
  ...over,
});

describe('toIncident', () => {
  it('takes the earliest acknowledgement, whatever order PagerDuty lists them in', () => {
    // Re-acknowledged after an escalation: the list starts with the later one. MTTA is 5 minutes, not 20.
    const pd = incident({ acknowledgements: [{ at: '2026-11-20T10:20:00Z' }, { at: '2026-11-20T10:05:00Z' }, { at: 'soon' }] });
    expect(toIncident(pd).acknowledgedAt).toBe('2026-11-20T10:05:00Z');
  });

  it('prefers the acknowledgement read from the log, and has none without either', () => {
    expect(toIncident(incident({ acknowledgements: [{ at: '2026-11-20T10:20:00Z' }] }), '2026-11-20T10:01:00Z').acknowledgedAt).toBe(
      '2026-11-20T10:01:00Z',
    );
    expect(toIncident(incident({ status: 'triggered', acknowledgements: [] })).acknowledgedAt).toBeUndefined();
  });
});
