/** English texts of the scorecards pillar's cards, tabs and pages. */
export const scorecardsMessages = {
  card: {
    title: 'Readiness',
    evaluated: 'Evaluated {{age}}',
    seeAllChecks: 'See all checks',
  },
  tab: {
    title: 'Readiness',
    evaluated: 'Evaluated {{age}}',
    evaluateNow: 'Evaluate now',
    evaluating: 'Evaluating…',
    evaluateError: 'Could not evaluate now: {{message}}',
    historyTitle_one: '{{scorecard}}: level over the last {{count}} day',
    historyTitle_other: '{{scorecard}}: level over the last {{count}} days',
  },
  state: {
    label: {
      pass: 'pass',
      fail: 'fail',
      exempt: 'exempt',
      notApplicable: 'not applicable',
      notReported: 'not reported',
      stale: 'stale',
    },
    since: {
      pass: 'passing since {{age}}',
      fail: 'failing since {{age}}',
      exempt: 'exempt since {{age}}',
      notApplicable: 'not applicable since {{age}}',
      notReported: 'not reported since {{age}}',
      stale: 'stale since {{age}}',
    },
  },
  standing: {
    targetMet: 'target: {{level}} (met)',
    targetNotMet: 'target: {{level}} (not met)',
    highestLevel: 'Highest level reached: every check counts as passing.',
    progressLabel: 'Checks toward {{level}}',
    // English says "checks" for any total, as it always has; other languages may pluralize on the total.
    progress_one: '{{passing, number}} of {{count, number}} checks toward {{level}}',
    progress_other: '{{passing, number}} of {{count, number}} checks toward {{level}}',
  },
  nextLevel: {
    title: 'Keeping it from {{level}}',
    staleReason: '{{reason}} (data from {{age}})',
    more_one: 'and {{count, number}} more',
    more_other: 'and {{count, number}} more',
  },
  fix: {
    text: 'Fix: {{fix}}',
    link: 'How to fix',
  },
  noScorecard: {
    noneConfigured: 'No scorecard is configured',
    configureHint: "Scorecards and their checks are set in the Opsfolio backend's configuration.",
    noneApplies: 'No scorecard applies to this entity',
    covers: '{{scorecard}} covers {{entities}}.',
  },
  filter: {
    entities: 'entities',
    ofType: '{{kinds}} of type {{types}}',
    withConditions: '{{entities}} with {{conditions}}',
    lifecycle: 'lifecycle {{values}}',
    tier: 'tier {{values}}',
    /** Between the values a filter accepts: "service or website". */
    or: ' or ',
    /** Between a filter's conditions: "lifecycle production and tier 1". */
    and: ' and ',
    /** A kind the catalog does not define, in the plural: the kind is lower case ("widgets"). */
    otherKind: '{{kind}}s',
    kind: {
      component: 'components',
      api: 'APIs',
      resource: 'resources',
      system: 'systems',
      domain: 'domains',
      group: 'groups',
      user: 'users',
      location: 'locations',
      template: 'templates',
    },
  },
  fact: {
    yes: 'yes',
    no: 'no',
    none: 'none',
    /** Between the values of a list fact: "elite, high". */
    listSeparator: ', ',
    exists: 'exists',
    matches: 'matches /{{pattern}}/',
    in: 'in {{values}}',
    compare: '{{operator}} {{value}}',
  },
  table: {
    column: {
      check: 'Check',
      state: 'State',
      value: 'Value',
      evidence: 'Evidence',
      dataAge: 'Data age',
      since: 'Since',
      exemption: 'Exemption',
    },
    levelSummary_one: '{{level}}: {{passing, number}} of {{count, number}} checks count as passing',
    levelSummary_other: '{{level}}: {{passing, number}} of {{count, number}} checks count as passing',
    noResult: 'no result',
    needs: 'needs {{threshold}}',
    exemptUntil: 'until {{until}}',
    exemptUntilApproved: 'until {{until}}, approved by {{approver}}',
    exemptionExpired: 'expired',
  },
  history: {
    empty: 'No history yet: the level is recorded once a day from the first evaluation on.',
    unchanged: 'The level has not changed since {{day}}.',
    chart: {
      noLevel: 'none',
      level: 'Level',
      tooltip_one: '{{level}} ({{passing, number}} of {{count, number}} checks)',
      tooltip_other: '{{level}} ({{passing, number}} of {{count, number}} checks)',
    },
    change: {
      noLevel: 'no level',
      reached: 'Reached {{to}} on {{date}}',
      dropped: 'Dropped from {{from}} to {{to}} on {{date}}',
      rose: 'Rose from {{from}} to {{to}} on {{date}}',
      because: '{{change}} because {{causes}}',
      /** Between the checks that caused a change of level. */
      and: ' and ',
      transition: '{{check}} went {{state}} ({{reason}})',
    },
  },
} as const;
