/** English texts of the campaigns page (`/opsfolio/campaigns`) and the campaigns section of the readiness tab. */
export const campaignsMessages = {
  page: {
    title: 'Campaigns',
    description: 'Scorecard targets to reach by a date, and who still has work to do',
  },
  state: {
    draft: 'draft',
    scheduled: 'scheduled',
    active: 'active',
    overdue: 'overdue',
    ended: 'ended',
    archived: 'archived',
  },
  /** What the campaign asks for: a level of the scorecard, or some of its checks. */
  target: {
    level: '{{level}} on {{scorecard}}',
    checks_one: '{{count, number}} check of {{scorecard}}',
    checks_other: '{{count, number}} checks of {{scorecard}}',
  },
  /** Entities complete (done or exempt) of the entities in scope. */
  progress: '{{complete, number}} of {{total, number}} done',
  list: {
    filters: {
      state: 'State',
      owner: 'Owner',
      /** The state filter's default: what the backend lists when asked for no state. */
      anyState: 'All but drafts and archived',
      anyOwner: 'Any',
    },
    campaign: 'Campaign',
    state: 'State',
    owner: 'Owner',
    target: 'Target',
    progress: 'Progress',
    targetDate: 'Target date',
    emptyTitle: 'No campaigns',
    empty: "Campaigns are defined in the Opsfolio backend's configuration or created through its API.",
    noMatchTitle: 'No campaigns match these filters',
  },
  detail: {
    back: 'All campaigns',
    dates: '{{start}} to {{target}}',
    endedOn: 'ended {{date}}',
    link: 'About this campaign',
    support: 'Questions: {{channel}}',
    counts: '{{done, number}} done, {{exempt, number}} exempt, {{notDone, number}} not done of {{total, number}}',
    burnUp: {
      title: 'Burn-up',
      subheader: 'Entities done (exempt included) each day, against the entities in scope',
      done: 'Done',
      total: 'In scope',
      target: 'Target date',
      empty: 'No daily snapshots yet: the burn-up starts after the first day of evaluations.',
    },
    milestones: {
      title: 'Milestones',
      none: 'No milestones.',
      /** `{{share}}` is "50%". */
      goal_one: '{{date}}: {{share}} ({{count, number}} entity)',
      goal_other: '{{date}}: {{share}} ({{count, number}} entities)',
      reached: 'reached on {{date}}',
      missed: 'missed',
      upcoming: 'upcoming',
    },
    projection: {
      complete: 'Every entity is done.',
      unknown: 'Not enough history yet to project when it will be done.',
      stalled_one: 'No progress in the last day: no finish date can be projected.',
      stalled_other: 'No progress in the last {{count, number}} days: no finish date can be projected.',
      /** `{{rate}}` is "1.5"; `{{when}}` is one of `early`, `onTime` or `late`. */
      finish: 'At {{rate}} entities a day, done by {{date}}: {{when}}.',
      early_one: '{{count, number}} day before the target',
      early_other: '{{count, number}} days before the target',
      onTime: 'on the target date',
      late_one: '{{count, number}} day after the target',
      late_other: '{{count, number}} days after the target',
    },
    teams: {
      title: 'Teams',
      subheader: 'Least done first',
      team: 'Team',
      done: 'Done',
      exempt: 'Exempt',
      notDone: 'Not done',
      progress: 'Progress',
      noOwner: 'No owner',
    },
    checks: {
      title: 'Checks',
      check: 'Check',
      level: 'Level',
      passing: 'Passing',
      failing: 'Failing',
      exempt: 'Exempt',
      fix: 'Fix',
    },
    lagging: {
      title: 'Lagging teams',
      subheader: 'Each entity not done, with the checks it has left',
      none: 'No team is lagging: every entity is done.',
      /** A team's heading. */
      team_one: '{{team}}: {{count, number}} entity not done',
      team_other: '{{team}}: {{count, number}} entities not done',
      entity: 'Entity',
      checksLeft: 'Checks left',
      /** Under a team's first few entities not done: the page lists no more than that, the CSV lists them all. */
      more_one: 'and {{count, number}} more: download the CSV for the full list',
      more_other: 'and {{count, number}} more: download the CSV for all of them',
    },
    /** An ended campaign's checks (or target level) made part of the standing scorecard, as a YAML diff. */
    promotion: {
      title: 'Promote into the scorecard',
      subheader:
        'Make what this campaign asked for part of the standing scorecard: a change to its YAML, ready for a pull request',
      /** The picker of a check campaign: from now on its checks are required for this level. */
      level: 'Level its checks guard',
      changes_one: '{{count, number}} change',
      changes_other: '{{count, number}} changes',
      nothing: 'Nothing to change: the scorecard already asks for this.',
      /** Where the diff goes; `{{file}}` is its path, relative to the backend's working directory. */
      editsFile: 'Edits {{file}}',
      addsFile: 'Adds {{file}}',
      /** The diff's accessible name. */
      diff: 'Diff of {{file}}',
      copy: 'Copy',
      copied: 'Diff copied to the clipboard',
      copyFailed: 'Could not copy the diff: {{error}}',
      download: 'Download .patch',
      followUp: 'Then',
      notAllowed: 'Promoting needs the opsfolio.campaigns.manage permission.',
    },
  },
  /** The section at the top of an entity's readiness tab. */
  entity: {
    title: 'Campaigns',
    /** `{{campaign}}` is the campaign's title (a link); `{{standing}}` is one of the lines below. */
    sentence: 'Part of {{campaign}}: {{standing}}',
    checksLeft_one: '{{count, number}} check left, due {{date}}',
    checksLeft_other: '{{count, number}} checks left, due {{date}}',
    checksLeftOverdue_one: '{{count, number}} check left, overdue since {{date}}',
    checksLeftOverdue_other: '{{count, number}} checks left, overdue since {{date}}',
    done: 'done',
    exempt: 'done (exempt)',
  },
} as const;
