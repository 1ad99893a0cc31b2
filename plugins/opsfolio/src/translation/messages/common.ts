/** English texts shared by every pillar: ages, freshness, sync progress, empty states, page chrome. */
export const commonMessages = {
  age: {
    never: 'never',
    justNow: 'just now',
  },
  /** Titles of the tabs and pages in the new frontend system's navigation. */
  navigation: {
    deployments: 'Deployments',
    cost: 'Cost',
    readiness: 'Readiness',
    ownership: 'Ownership',
  },
  csv: {
    download: 'Download CSV',
    failed: 'Could not download the CSV: {{error}}',
  },
  emptyState: {
    addAnnotation: "Add {{names}} to this entity's {{file}}.",
    or: ' or ',
  },
  freshness: {
    synced: 'Synced {{age}}',
    failed: '{{source}} sync failed {{failedAgo}}; showing data from {{lastGood}}',
  },
  sync: {
    firstSyncRunning: 'First sync of {{source}} in progress',
    syncing: 'Syncing {{source}}',
    withProgress: '{{what}}: {{progress}}',
    doneOfTotal: '{{done, number}} of {{total, number}} {{unit}}',
    done: '{{done, number}} {{unit}}',
    phase: '{{progress}} ({{phase}})',
    waitingFor: 'Waiting for the first sync of {{source}}',
  },
  runDetails: {
    rowsRead_one: '{{count, number}} row read',
    rowsRead_other: '{{count, number}} rows read',
    readEarlier: '{{rows}} {{age}} (nothing changed since)',
    leftOut: '{{count, number}} left out',
    leftOutFirst: '{{count, number}} left out (first: {{where}}{{message}})',
    line: 'line {{line}}',
    noneLeftOut: 'none left out',
    dayRange: '{{from}} to {{to}}',
    daysReplaced: 'days {{days}} replaced',
    pending: '{{count, number}} {{description}}',
    sentence: '{{source}}: {{parts}}.',
    separator: ', ',
  },
  waiting: {
    noReason: 'no reason given',
    firstSyncOfSeveral: 'First sync of {{sources}} in progress',
    waitingForSeveral: 'Waiting for the first sync of {{sources}}',
    started: 'Started {{age}}. ',
    onSchedule: "It starts on the source's schedule. ",
    fillsIn: '{{what}} fills in when it ends.',
    lastFailed: 'The last sync of {{source}} failed {{age}}',
    firstFailed: 'The first sync of {{source}} failed {{age}}',
    lastGoodEmpty: 'Its last good data, from {{age}}, has nothing here;',
    nothingStored: 'Nothing has been stored yet;',
    retried: 'it is retried on its schedule, and {{health}} shows each run.',
    unknownTitle: 'No data yet',
    unknownBody:
      'The sources of this pillar could not be read; if one is installed, its first sync has not finished yet.',
    noneYet: 'No {{what}} yet',
    nothingForAnnotation: '{{sources}} synced {{age}} and found none for the annotation above: check its value.',
    thisCard: 'This card',
  },
  listSeparator: ', ',
} as const;
