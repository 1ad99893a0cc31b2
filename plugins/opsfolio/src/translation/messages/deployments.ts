/** English texts of the deployments pillar's cards, tabs and pages. */
export const deploymentsMessages = {
  card: {
    title: 'Deployments',
    notConfigured: 'No deploy source is set for this entity',
  },
  overview: {
    noneYet: 'No deployments yet',
    installHint:
      'No deployment source is installed in the backend: add the GitHub or GitLab Opsfolio module, or POST deployments from CI.',
    lastShipped: 'Last shipped {{age}} to {{environment}}',
    lastShippedBy: 'Last shipped {{age}} to {{environment}} by {{actor}}',
    nothingRunning: 'nothing running',
    doraHeading_one: 'DORA, last {{count, number}} day ({{environments}})',
    doraHeading_other: 'DORA, last {{count, number}} days ({{environments}})',
  },
  status: {
    success: 'success',
    failure: 'failure',
    inProgress: 'in progress',
    pending: 'pending',
    cancelled: 'cancelled',
    rollback: 'rollback',
  },
  dora: {
    title: {
      deploymentFrequency: 'Deployment frequency',
      leadTime: 'Change lead time',
      changeFailureRate: 'Change failure rate',
      recoveryTime: 'Failed deployment recovery',
      reworkRate: 'Deployment rework rate',
    },
    /** The titles inside a sentence: "Bands: DORA 2024 (deployment rework rate: none published)". */
    titleInSentence: {
      deploymentFrequency: 'deployment frequency',
      leadTime: 'change lead time',
      changeFailureRate: 'change failure rate',
      recoveryTime: 'failed deployment recovery',
      reworkRate: 'deployment rework rate',
    },
    value: {
      notEnoughData: 'Not enough data',
      none: 'None',
      perDay: '{{value}} a day',
      perWeek: '{{value}} a week',
      perMonth: '{{value}} a month',
      minutes: '{{value}} min',
      hours: '{{value}} h',
      days_one: '{{value}} day',
      days_other: '{{value}} days',
    },
    band: {
      elite: 'elite',
      high: 'high',
      medium: 'medium',
      low: 'low',
    },
    /** The tooltip under DORA's definition; `explanation` (how the figure was computed) comes from the backend. */
    basis_one: '{{explanation}} Based on {{count, number}} data point over {{days}} days.',
    basis_other: '{{explanation}} Based on {{count, number}} data points over {{days}} days.',
    basisWithBands_one: '{{explanation}} Based on {{count, number}} data point over {{days}} days; bands: {{source}}.',
    basisWithBands_other:
      '{{explanation}} Based on {{count, number}} data points over {{days}} days; bands: {{source}}.',
    bands: 'Bands: {{source}}',
    bandsWithUnbanded: 'Bands: {{source}} ({{metrics}}: none published)',
  },
  chart: {
    succeeded: 'Succeeded',
    rolledBack: 'Rolled back to',
    failed: 'Failed',
  },
  table: {
    title: 'Deployments',
    column: {
      started: 'Started',
      environment: 'Environment',
      version: 'Version',
      status: 'Status',
      took: 'Took',
      by: 'By',
      source: 'Source',
    },
    duration: {
      minutes: '{{minutes}} min',
      hoursMinutes: '{{hours}} h {{minutes}} min',
    },
    filter: {
      environment: 'Environment',
      status: 'Status',
      all: 'All',
    },
    /** The status filter's options, named as the API names the statuses. */
    statusOption: {
      success: 'success',
      failure: 'failure',
      inProgress: 'in_progress',
      pending: 'pending',
      cancelled: 'cancelled',
    },
    noneMatch: 'No deployments match.',
    loadFailed: 'Could not load deployments: {{error}}',
  },
  tab: {
    doraTitle_one: 'DORA over {{count, number}} day',
    doraTitle_other: 'DORA over {{count, number}} days',
    production: 'Production: {{environments}}',
    window: 'Window',
    windowOption_one: '{{count, number}} day',
    windowOption_other: '{{count, number}} days',
    weeklyTitle: 'Production deploys per week',
  },
} as const;
