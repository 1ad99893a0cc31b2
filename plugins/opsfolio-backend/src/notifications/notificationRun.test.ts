import { mockServices } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';
import type { OwnerPeople } from '../ownership/OwnershipService';
import { DatabaseNotificationOutbox } from './DatabaseNotificationOutbox';
import type { NotificationEvent } from './items';
import { NotificationRun, type NotificationCollector } from './notificationRun';
import type { NotificationSettings } from './settings';

// team-a: ada and ben; team-b: ben and cy. Ben is in both, so an event for both teams reaches him once.
const MEMBERS: Record<string, string[]> = {
  'group:default/team-a': ['user:default/ada', 'user:default/ben'],
  'group:default/team-b': ['user:default/ben', 'user:default/cy'],
};
const people: OwnerPeople = { ownerOf: () => undefined, titleOf: () => undefined, usersOf: ref => MEMBERS[ref] ?? [] };

const failing = (entity: string, check: string, owner: string): NotificationEvent => ({
  key: `check-failing|pr|component:default/${entity}|${check}|2026-12-06T09:00:00.000Z`,
  topic: 'readiness-check-failing',
  ownerRefs: [owner],
  item: {
    kind: 'check-failing',
    entityRef: `component:default/${entity}`,
    scorecardTitle: 'Production readiness',
    checkTitle: check === 'runbook' ? 'Runbook linked' : 'Dashboard linked',
    fix: { text: `Add the ${check} link.` },
  },
});
const reminder = (period: number, owner: string): NotificationEvent => ({
  key: `campaign-reminder|drills|${period}|${owner}`,
  topic: 'campaign-reminder',
  ownerRefs: [owner],
  item: {
    kind: 'reminder',
    campaignId: 'drills',
    campaignTitle: 'Rollback drills',
    targetDate: '2027-01-17',
    overdue: false,
    notDone: 2,
    entities: ['svc-a', 'svc-b'],
  },
});

const IMMEDIATE: NotificationSettings = { delivery: 'immediate', dailyHour: 8, onCallGapDays: 7 };

describe.each(TEST_DATABASES)('NotificationRun on %s', kind => {
  let db: TestDatabase;
  let sent: NotificationSendOptions[];
  let events: NotificationEvent[];
  let now: Date;
  let failSends: boolean;
  const collector: NotificationCollector = { id: 'test', collect: async () => events };
  const runOf = (settings = IMMEDIATE) =>
    new NotificationRun({
      outbox: new DatabaseNotificationOutbox(db.knex),
      notifications: {
        async send(options) {
          if (failSends) throw new Error('notifications backend unreachable');
          sent.push(options);
        },
      },
      collectors: [collector],
      people: async () => people,
      settings,
      logger: mockServices.logger.mock(),
      now: () => now,
    });
  const sentTo = () =>
    sent.map(s => `${(s.recipients as { entityRef: string }).entityRef} ${s.payload.topic}: ${s.payload.title}`).sort();

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    sent = [];
    events = [];
    now = new Date('2026-12-06T10:00:00Z');
    failSends = false;
  });
  afterEach(async () => db.destroy());

  it('sends one notification per person and topic, listing every event, and nothing again on the next run', async () => {
    events = [
      failing('svc-a', 'runbook', 'group:default/team-a'),
      failing('svc-c', 'dashboard', 'group:default/team-b'),
      reminder(2, 'group:default/team-a'),
    ];
    const result = await runOf().run();
    // 3 events: runbook → ada, ben; dashboard → ben, cy; reminder → ada, ben = 6 entries, 5 notifications.
    expect(result).toMatchObject({ events: 3, added: 6, sent: 5, failed: [] });
    expect(sentTo()).toEqual([
      'user:default/ada campaign-reminder: Reminder: Rollback drills, 2 entities of your team not done',
      'user:default/ada readiness-check-failing: svc-a: Runbook linked now fails',
      'user:default/ben campaign-reminder: Reminder: Rollback drills, 2 entities of your team not done',
      'user:default/ben readiness-check-failing: 2 readiness checks now fail on 2 entities your team owns',
      'user:default/cy readiness-check-failing: svc-c: Dashboard linked now fails',
    ]);
    const ben = sent.find(
      s =>
        (s.recipients as { entityRef: string }).entityRef === 'user:default/ben' &&
        s.payload.topic === 'readiness-check-failing'
    )!;
    expect(ben.payload).toMatchObject({
      scope: 'opsfolio:readiness-check-failing:2026-12-06',
      link: '/opsfolio/scorecards',
      severity: 'high',
      description:
        'svc-a: Runbook linked now fails. Add the runbook link.\nsvc-c: Dashboard linked now fails. Add the dashboard link.',
    });
    expect(sent.find(s => s.payload.topic === 'campaign-reminder')!.payload).toMatchObject({
      scope: 'opsfolio:campaign-reminder',
      link: '/opsfolio/campaigns/drills',
      description: 'Due Jan 17. Not done: svc-a, svc-b.',
    });

    sent = [];
    now = new Date('2026-12-06T10:10:00Z');
    expect(await runOf().run()).toMatchObject({ events: 3, added: 0, sent: 0 });
    expect(sent).toEqual([]);
  });

  it('updates the day’s notification with every event of the day when a later run finds a new one', async () => {
    events = [failing('svc-a', 'runbook', 'group:default/team-a')];
    await runOf().run();
    events = [...events, failing('svc-b', 'dashboard', 'group:default/team-a')];
    sent = [];
    now = new Date('2026-12-06T11:00:00Z');
    expect(await runOf().run()).toMatchObject({ added: 2, sent: 2 });
    expect(sent.map(s => s.payload.scope)).toEqual([
      'opsfolio:readiness-check-failing:2026-12-06',
      'opsfolio:readiness-check-failing:2026-12-06',
    ]);
    expect(sent[0].payload.title).toBe('2 readiness checks now fail on 2 entities your team owns');
  });

  it('sends each event once when two replicas run at the same moment', async () => {
    events = [
      failing('svc-a', 'runbook', 'group:default/team-a'),
      failing('svc-c', 'dashboard', 'group:default/team-b'),
    ];
    await Promise.all([runOf().run(), runOf().run()]);
    // What each person sees: the last notification of each scope (a later one with the same scope replaces it).
    const shown = new Map<string, NotificationSendOptions>();
    for (const s of sent) shown.set(`${(s.recipients as { entityRef: string }).entityRef} ${s.payload.scope}`, s);
    const seen = [...shown].flatMap(([key, s]) => {
      const user = key.split(' ')[0];
      const lines = s.payload.title.includes('readiness checks now fail')
        ? s.payload.description!.split('\n')
        : [s.payload.title];
      return lines.map(line => `${user} ${line.split(':')[0]}`);
    });
    expect(seen.sort()).toEqual([
      'user:default/ada svc-a',
      'user:default/ben svc-a',
      'user:default/ben svc-c',
      'user:default/cy svc-c',
    ]);
    const unsent = await db.knex('opsfolio_notification_outbox').whereNull('sent_at').count({ n: '*' });
    expect(Number(unsent[0].n)).toBe(0);
  });

  it('keeps what it could not send for the next run, and records the failure', async () => {
    events = [failing('svc-a', 'runbook', 'group:default/team-a')];
    failSends = true;
    const first = await runOf().run();
    expect(first.sent).toBe(0);
    expect(first.failed).toEqual([
      'sending readiness-check-failing to user:default/ada: notifications backend unreachable',
      'sending readiness-check-failing to user:default/ben: notifications backend unreachable',
    ]);
    failSends = false;
    expect(await runOf().run()).toMatchObject({ added: 0, sent: 2, failed: [] });
  });

  it('holds everything for the daily digest, then sends one per person', async () => {
    const daily: NotificationSettings = { ...IMMEDIATE, delivery: 'daily', dailyHour: 8 };
    now = new Date('2026-12-06T07:00:00Z');
    events = [failing('svc-a', 'runbook', 'group:default/team-a'), reminder(2, 'group:default/team-a')];
    expect(await runOf(daily).run()).toMatchObject({ added: 4, sent: 0 });
    now = new Date('2026-12-06T08:05:00Z');
    expect(await runOf(daily).run()).toMatchObject({ added: 0, sent: 2 });
    expect(sentTo()).toEqual([
      'user:default/ada daily-digest: Opsfolio daily digest: 2 things for your team',
      'user:default/ben daily-digest: Opsfolio daily digest: 2 things for your team',
    ]);
    expect(sent[0].payload).toMatchObject({
      scope: 'opsfolio:daily-digest:2026-12-06',
      description:
        'svc-a: Runbook linked now fails. Add the runbook link.\n\nRollback drills: 2 entities of your team not done, due Jan 17',
    });
    // Found after the digest went out: tomorrow's.
    sent = [];
    now = new Date('2026-12-06T09:00:00Z');
    events = [failing('svc-b', 'dashboard', 'group:default/team-a')];
    expect(await runOf(daily).run()).toMatchObject({ added: 2, sent: 0 });
  });
});
