import type { OnCallNow } from '@opsfolio/backstage-plugin-common';
import { onCallGapEvents } from './onCallGapEvents';

const read = (schedule: string, entries: Array<[string, string]>): OnCallNow => ({
  source: 'pagerduty',
  service: { id: 'S', name: 'S' },
  shifts: [],
  schedules: [{ id: schedule, name: `${schedule} rota`, entries: entries.map(([start, end]) => ({ start, end })) }],
  readAt: '2026-12-06T00:00:00.000Z',
});
const owners = {
  ownerOf: (ref: string) =>
    ({
      'component:default/a': 'group:default/team-a',
      'component:default/b': 'group:default/team-b',
      'component:default/c': 'group:default/team-a',
    }[ref]),
  titleOf: () => undefined,
};

describe('onCallGapEvents', () => {
  it('finds gaps that start ahead within the window, per schedule, to the owners of every entity behind it', () => {
    // P1 covers 06 Dec 00:00 → 08 Dec 12:00 and 09 Dec 00:00 → 20 Dec: a 12-hour gap on 08 Dec, and one from 20 Dec
    // (past the 7-day window, so not found). P2 has a gap under way at `now`: not ahead.
    const reads = new Map([
      [
        'component:default/a',
        [
          read('P1', [
            ['2026-12-06T00:00:00Z', '2026-12-08T12:00:00Z'],
            ['2026-12-09T00:00:00Z', '2026-12-20T00:00:00Z'],
          ]),
        ],
      ],
      [
        'component:default/b',
        [
          read('P1', [
            ['2026-12-06T00:00:00Z', '2026-12-08T12:00:00Z'],
            ['2026-12-09T00:00:00Z', '2026-12-20T00:00:00Z'],
          ]),
        ],
      ],
      ['component:default/c', [read('P2', [['2026-12-06T12:00:00Z', '2026-12-30T00:00:00Z']])]],
    ]);
    const events = onCallGapEvents(reads, owners, new Date('2026-12-06T10:00:00Z'), 7);
    expect(events).toEqual([
      {
        key: 'oncall-gap|pagerduty|P1|2026-12-08T12:00:00.000Z',
        topic: 'oncall-gap',
        ownerRefs: ['group:default/team-a', 'group:default/team-b'],
        item: {
          kind: 'oncall-gap',
          scheduleName: 'P1 rota',
          start: '2026-12-08T12:00:00.000Z',
          end: '2026-12-09T00:00:00.000Z',
          entities: [{ entityRef: 'component:default/a' }, { entityRef: 'component:default/b' }],
        },
      },
    ]);
    // A later run, after a new read: the same gap, the same key.
    const later = onCallGapEvents(reads, owners, new Date('2026-12-07T10:00:00Z'), 7);
    expect(later.map(e => e.key)).toEqual(['oncall-gap|pagerduty|P1|2026-12-08T12:00:00.000Z']);
  });
});
