/** English texts of the readiness page (`/opsfolio/scorecards`) and the team portfolio card. */
export const readinessPageMessages = {
  title: 'Readiness',
  description: 'Ops-readiness levels by team, check and entity',
  scorecardPicker: 'Scorecard',
  /** Entities below the first level: a column, a chart series, a filter choice. */
  noLevel: 'No level',
  /** Below the page header; `{{age}}` is "5 minutes ago". */
  summary_one: '{{count, number}} entity scored, evaluated {{age}}.',
  summary_other: '{{count, number}} entities scored, evaluated {{age}}.',
  empty: {
    notEvaluatedTitle: 'No readiness results yet',
    notEvaluated:
      "The backend scores entities from the other pillars' data on its schedule; the first evaluation of {{scorecard}} has not finished yet.",
    noMatchTitle: 'No entities match these filters',
    outOfScopeTitle: 'No entities are scored by {{scorecard}}',
    outOfScope:
      "Its filter (kind, type, lifecycle or tier in the scorecard's configuration) leaves every catalog entity out.",
  },
  filters: {
    owner: 'Owner',
    system: 'System',
    kind: 'Kind',
    type: 'Type',
    lifecycle: 'Lifecycle',
    tier: 'Tier',
    level: 'Level',
    any: 'Any',
    clear: 'Clear filters',
  },
  teams: {
    title: 'Teams by level',
    subheader: 'Click a count to list those entities',
    team: 'Team',
    total: 'Total',
    noOwner: 'No owner',
    /** A count's button; it starts with the visible count, so that voice control ("click 2") finds it. */
    drill_one: '{{count}}: show the entity of {{team}} at {{level}}',
    drill_other: '{{count}}: show the {{count}} entities of {{team}} at {{level}}',
  },
  trend: {
    title: 'Entities per level',
    subheader: 'One snapshot a day',
    empty: 'No daily snapshots yet: the trend starts after the first day of evaluations.',
  },
  checks: {
    title: 'Checks',
    subheader: 'Exempt counts as passing; not applicable is left out',
    check: 'Check',
    level: 'Level',
    passRate: 'Pass rate',
    failing: 'Failing',
    notReported: 'Not reported',
    stale: 'Stale',
    exempt: 'Exempt',
  },
  entities: {
    /** The entities section's title. */
    title_one: '{{count, number}} entity',
    title_other: '{{count, number}} entities',
    entity: 'Entity',
    owner: 'Owner',
    tier: 'Tier',
    level: 'Level',
    passing: 'Passing',
    failingChecks: 'Failing checks',
    noneFailing: 'none',
  },
  exemptions: {
    title: 'Exemptions',
    subheader: 'Checks that count as passing because a team was granted time',
    denied: 'Listing exemptions needs the opsfolio.exemptions.read permission.',
    /** `{{file}}` and `{{annotation}}` are `catalog-info.yaml` and `opsfolio.io/exemptions` in code style. */
    empty:
      "No exemptions. Teams add them to an entity's {{file}} under the {{annotation}} annotation, with a reason and an end date.",
    /** `{{count}}` is the number ending within `{{days}}` days (30). */
    counts_one: '{{active}} active, {{expired}} expired, {{count, number}} ends within {{days}} days',
    counts_other: '{{active}} active, {{expired}} expired, {{count, number}} end within {{days}} days',
    entity: 'Entity',
    owner: 'Owner',
    check: 'Check',
    reason: 'Reason',
    until: 'Until',
    approvedBy: 'Approved by',
    daysLeft: 'Days left',
    days_one: '{{count, number}} day',
    days_other: '{{count, number}} days',
    expiredAgo_one: 'expired {{count, number}} day ago',
    expiredAgo_other: 'expired {{count, number}} days ago',
    lastDay: 'last day today',
  },
} as const;

export const portfolioMessages = {
  title: 'Team portfolio',
  readinessLink: "Readiness of this team's services",
  emptyTitle: 'This team owns no services yet',
  /** `{{field}}` is `spec.owner` in code style. */
  empty: 'Components whose {{field}} is this group or one of its sub-groups are listed here.',
  service: 'Service',
  level: 'Level',
  onCallNow: 'On call now',
  lastDeploy: 'Last deploy',
  costThisMonth: 'Cost this month',
  /** `{{permission}}` is `opsfolio.cost.read` in code style. */
  costHidden: 'Cost needs the {{permission}} permission, which your permission policy does not grant.',
  nobodyOnCall: 'nobody found',
  noDeploy: 'none recorded',
  /** `{{age}}` is "2 hours ago". */
  deployedTo: '{{age}} to {{environment}}',
  deployedVersionTo: '{{age}} to {{environment}} ({{version}})',
  /**
   * A running campaign covering some of the team's services, counted over those alone; `{{campaign}}` is its title
   * (a link), `{{date}}` its target date ("Jan 31").
   */
  campaign: {
    due_one: '{{campaign}}: {{complete, number}} of {{count, number}} service done, due {{date}}',
    due_other: '{{campaign}}: {{complete, number}} of {{count, number}} services done, due {{date}}',
    overdue_one: '{{campaign}}: {{complete, number}} of {{count, number}} service done, overdue since {{date}}',
    overdue_other: '{{campaign}}: {{complete, number}} of {{count, number}} services done, overdue since {{date}}',
  },
} as const;
