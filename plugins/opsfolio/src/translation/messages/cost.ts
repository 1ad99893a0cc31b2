/** English texts of the cost pillar's cards, tabs and pages. */
export const costMessages = {
  access: {
    denied: 'Cost is not shown: your permission policy does not allow opsfolio.cost.read.',
    askAdministrators: 'Ask your Backstage administrators if you need to see spend.',
  },
  waiting: {
    noSource: {
      title: 'No cost module is installed',
      body: "Opsfolio reads spend from a cost source in the backend: add the AWS Cost Explorer or FOCUS Opsfolio module to the backend and set the organisation's cost allocation tag.",
    },
    nothingFound: {
      title: 'No spend this month',
      body: '{{sources}} synced {{syncedAgo}} and found no spend for this month. Check that the {{tagKey}} tag is active for cost allocation and that the export covers this month.',
    },
    fills: {
      card: 'This card',
      page: 'This page',
    },
  },
  figures: {
    monthToDate: 'This month so far',
    lastMonth: 'Last month',
    forecast: 'Month-end forecast',
    changeOnLastMonth: '{{change}} on last month',
    own: 'own {{amount}}',
  },
  chart: {
    spend: 'Spend',
    amount: '{{amount}} {{currency}}',
  },
  teamChart: {
    spend: 'Spend ({{currency}})',
    estimated: 'Estimated ({{currency}})',
    note: {
      plain: 'Monthly spend in {{currency}}.',
      others: 'Monthly spend in {{currency}}; also spent in {{others}}, not charted.',
      estimated: 'Monthly spend in {{currency}}; lighter bars include estimated days.',
      othersEstimated:
        'Monthly spend in {{currency}}; also spent in {{others}}, not charted; lighter bars include estimated days.',
    },
  },
  drillDown: {
    noCostTag: 'Nothing here carries a cost tag.',
    since: 'Spend since {{month}}, by service',
    tag: 'tag {{tag}}',
  },
  card: {
    title: 'Cost',
    notConfigured: 'No spend found for this entity',
    notConfiguredHint:
      "Or tag its cloud resources with the organisation's cost allocation tag set to the entity's name, or name the tag value it carries.",
    tagProblem: 'The cost tag of this entity cannot be used',
    tag: 'Tag {{tags}}',
    tagNone: 'none',
    ownKey:
      'Read by its own tag key. The organisation allocates by {{allocationKey}}, so in team and organisation totals this spend is untagged or under another {{allocationKey}} value.',
    topServices: 'Last 30 days: {{services}}',
    notIncluded:
      'Not included, organisation-wide this month: {{untagged}} untagged and {{unmapped}} under tag values no catalog entity carries.',
  },
  tab: {
    title: 'Cost',
    noTags: 'No spend can be attributed to this entity',
    noTagsHint: "Or tag its cloud resources with the organisation's cost allocation tag set to the entity's name.",
    spend: 'Spend',
    spendSubheader: '{{currency}}; dashed lines are production deploys',
    spendSubheaderOthers:
      '{{currency}} (also spent in {{others}}: see the tables); dashed lines are production deploys',
    view: 'View',
    views: {
      day: 'Daily, 90 days',
      month: 'Monthly, 12 months',
    },
    estimated: 'Recent days are estimates until the provider finalises them.',
    byCloudService: 'By cloud service',
    window: '{{from}} to {{to}} (exclusive)',
    byService: 'By service',
  },
  team: {
    title: 'Team cost',
    everyTeam: 'Cost of every team',
    noSpend: "No spend found for this team's services",
    rule: "A service is charged when a cloud cost allocation tag value equals its entity name under the organisation's tag key, or the value set in its {{annotation}} annotation ({{keyValue}}).",
    ruleWithExample:
      "A service is charged when a cloud cost allocation tag value equals its entity name under the organisation's tag key (e.g. {{example}}), or the value set in its {{annotation}} annotation ({{keyValue}}).",
    example: '{{tagKey}}=<name>',
    keyValue: 'key=value',
    charged: 'The team is charged for what it and its sub-teams own.',
    chargedNothingTagged:
      'The team is charged for what it and its sub-teams own; nothing {{name}} owns carries a cost tag yet.',
    withSubTeams: "With its sub-teams; the forecast is month-end at the last 7 days' run rate.",
    topServices: 'Top services since {{month}}',
  },
  table: {
    groupBy: {
      owner: 'Owner',
      system: 'System',
      domain: 'Domain',
    },
    none: {
      owner: 'No owner',
      system: 'No system',
      domain: 'No domain',
    },
    showServices: 'Show services of {{name}}',
    hideServices: 'Hide services of {{name}}',
    withSubTeams: 'with sub-teams',
    unmapped: 'Unmapped tag values',
    unmappedNone: 'every tag value matches an entity',
    unmappedSome: 'tag values no entity carries:',
    unmappedValue: '{{value}} {{thisMonth}} this month, {{lastMonth}} last month',
    unmappedMore_one: 'and {{count, number}} more (all are in the CSV)',
    unmappedMore_other: 'and {{count, number}} more (all are in the CSV)',
    services: 'Services',
    monthToDate: 'Month to date',
    lastMonth: 'Last month',
    forecast: 'Forecast',
    change: 'Change',
    untagged: 'Untagged',
    untaggedHint: 'spend without the {{tagKey}} tag',
    organisation: 'Organisation',
    reconciliation: {
      owner:
        "Teams, unmapped and untagged add up to the organisation's {{amount}} this month, counting each team's own spend (a figure with sub-teams includes theirs). Forecasts are month-end at the last 7 days' run rate.",
      system:
        "Systems, unmapped and untagged add up to the organisation's {{amount}} this month. Forecasts are month-end at the last 7 days' run rate.",
      domain:
        "Domains, unmapped and untagged add up to the organisation's {{amount}} this month. Forecasts are month-end at the last 7 days' run rate.",
    },
  },
  page: {
    title: 'Cost',
    description: 'Cloud spend by team, system or domain',
    spendBy: {
      owner: 'Spend by owner',
      system: 'Spend by system',
      domain: 'Spend by domain',
    },
    groupBy: 'Group by',
    period: '{{month}}, through {{lastDay}}. Spend is matched to entities by the {{tagKey}} tag.',
    permitted:
      'Your permission policy shows you the spend of some teams only: the total is theirs, and untagged and unmapped spend are not shown.',
  },
} as const;
