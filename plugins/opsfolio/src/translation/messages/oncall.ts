/** English texts of the oncall pillar's cards, tabs and pages. */
export const oncallMessages = {
  card: {
    title: 'On call',
    notConfigured: 'No on-call service is set for this entity',
  },
  shift: {
    until: 'until {{date}}',
    direct: 'always (direct)',
    /** Someone on call and until when: "Ada Okafor (until 25/11/2026, 09:00:00)". */
    person: '{{name}} ({{until}})',
  },
  duration: {
    notEnoughData: 'not enough data',
    minutes: '{{value}} min',
    hours: '{{value}} h',
  },
  warning: {
    emptyLevel: 'Nobody is on call at level {{level}} right now.',
    gap: '{{schedule}} has nobody on call from {{start}} to {{end}}.',
    outsider: '{{name}} is on call but not a member of the owning team.',
    ownerNotOnRota: 'Nobody from the owning team is on the rota.',
  },
  overview: {
    noSource: 'No on-call source is installed in the backend: add the PagerDuty or Opsgenie Opsfolio module.',
    noData: '{{source}}: no on-call data for this service.',
    stale: '{{source}} could not be read; showing who was on call as read {{age}}',
    policyLevels_one: '({{count, number}} level)',
    policyLevels_other: '({{count, number}} levels)',
    level: 'Level {{level}}',
    responseTimes_one:
      'Last 30 days: acknowledged in {{mtta}}, resolved in {{mttr}} on average · {{count, number}} open incident',
    responseTimes_other:
      'Last 30 days: acknowledged in {{mtta}}, resolved in {{mttr}} on average · {{count, number}} open incidents',
    responseTimesUntimed_one: 'Last 30 days: too few incidents to time · {{count, number}} open incident',
    responseTimesUntimed_other: 'Last 30 days: too few incidents to time · {{count, number}} open incidents',
  },
  team: {
    title: 'Team on call',
    emptyTitle: 'This team owns no services yet',
    emptyBody: 'Components whose {{field}} is this group or one of its sub-groups are listed here.',
    rotas_one: '{{mapped, number}} of {{count, number}} service has an on-call rota.',
    rotas_other: '{{mapped, number}} of {{count, number}} services have an on-call rota.',
    rotasUnmapped_one:
      '{{mapped, number}} of {{count, number}} service has an on-call rota; map the others with {{annotations}}.',
    rotasUnmapped_other:
      '{{mapped, number}} of {{count, number}} services have an on-call rota; map the others with {{annotations}}.',
    /** Between the annotations that map a service: "a or b or c". */
    or: ' or ',
    column: {
      service: 'Service',
      onCallNow: 'On call now',
      openIncidents: 'Open incidents',
      mtta: 'MTTA (30 days)',
      warnings: 'Warnings',
    },
    notMapped: 'not mapped',
    noData: 'no data',
    sourceProblem: '{{source}}: {{problem}}',
    level: 'L{{level}}: {{people}}',
    unreachable: '{{source}} unreachable; as read {{age}}',
    noWarnings: 'none',
  },
} as const;
