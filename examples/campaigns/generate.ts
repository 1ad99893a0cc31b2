/**
 * Writes the demo's campaigns, dated around today so that they always show the same states: "Rollback drills"
 * started three weeks ago and runs for six more (active, its burn-up drawn from the backfilled history), and
 * "Silver for every production service" ended its run five days ago with services still short (overdue).
 *
 *   npx tsx examples/campaigns/generate.ts [--today YYYY-MM-DD] [--out path]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const today = arg('today') ?? new Date().toISOString().slice(0, 10);
const out = arg('out') ?? join(dirname(fileURLToPath(import.meta.url)), '../../.demo/campaigns.yaml');
const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const campaigns = [
  {
    id: 'rollback-drills',
    title: 'Rollback drills',
    description:
      'Every production service proves it can roll back, and keeps its change failure rate in the top bands.',
    owner: 'group:default/team-sre',
    scorecardId: 'production-readiness',
    checks: ['rollback-exercised', 'change-failure-rate'],
    filter: { lifecycle: ['production'] },
    startDate: day(-21),
    targetDate: day(42),
    milestones: [
      { date: day(-7), share: 0.25 },
      { date: day(14), share: 0.5 },
      { date: day(35), share: 0.9 },
    ],
    link: 'https://wiki.acme.example/sre/rollback-drills',
    supportChannel: '#rollback-drills',
    // Each lagging team hears of it weekly, from the start date: a notification it can mute, updated in place.
    reminders: { everyDays: 7 },
  },
  {
    id: 'silver-baseline',
    title: 'Silver for every production service',
    description: 'Escalation, schedules without gaps, a dashboard and known cost for everything in production.',
    owner: 'group:default/team-devex',
    scorecardId: 'production-readiness',
    targetLevel: 'silver',
    filter: { lifecycle: ['production'] },
    startDate: day(-28),
    targetDate: day(-5),
    milestones: [{ date: day(-14), share: 0.5 }],
    supportChannel: '#platform-help',
  },
  {
    // Ended by its owner: the campaign page offers its check for promotion into the standing scorecard.
    id: 'dashboards-everywhere',
    title: 'Dashboards everywhere',
    description: 'A linked dashboard for every production service, not only the Silver ones.',
    owner: 'group:default/team-devex',
    scorecardId: 'production-readiness',
    checks: ['dashboard'],
    filter: { lifecycle: ['production'] },
    startDate: day(-60),
    targetDate: day(-10),
    endedOn: day(-9),
  },
];

mkdirSync(dirname(out), { recursive: true });
// JSON is YAML too: no YAML library needed to write the file the backend reads as YAML.
writeFileSync(
  out,
  `# Written by examples/campaigns/generate.ts for ${today}; npm start writes it again.\n${JSON.stringify(
    campaigns,
    null,
    2
  )}\n`
);
process.stdout.write(`${out}: ${campaigns.length} campaigns around ${today}\n`);
