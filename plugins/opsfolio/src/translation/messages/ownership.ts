/** English texts of the ownership pillar's cards, tabs and pages. */
export const ownershipMessages = {
  card: {
    title: 'Ownership',
    notConfigured: 'This entity has no owner',
  },
  overview: {
    /** `kind` is the owner's entity kind as the catalog names it ("group", "user"). */
    ownedBy: 'Owned by {{owner}} ({{kind}})',
    ownedByMembers_one: 'Owned by {{owner}} ({{kind}}, {{count, number}} member)',
    ownedByMembers_other: 'Owned by {{owner}} ({{kind}}, {{count, number}} members)',
    partOf: 'Part of {{chain}}',
    contact: 'Contact: {{details}}',
    onCallNow: 'On call now: {{people}} {{readAt}}',
    asRead: 'as read {{age}}',
    codeowners: 'CODEOWNERS: {{owners}}',
    codeownersNoFile: 'none in the repository',
    codeownersNobody: 'nobody',
    codeownersAgrees: '{{owners}} (agrees)',
    codeownersFile: 'file',
    codeownersReadFailed: '(last read failed: {{error}})',
  },
  problemKind: {
    noOwner: 'No owner',
    ownerMissing: 'Owner does not exist',
    ownedByUser: 'Owned by one person',
    teamWithoutMembers: 'Team without members',
    codeownersDrift: 'CODEOWNERS disagrees',
    oncallDrift: 'On-call rota disagrees',
    deployerDrift: 'Deployed by another team',
  },
  page: {
    title: 'Ownership',
    description:
      'Owners that do not exist, people instead of teams, empty teams, and owners that disagree with who runs the code',
    problems_one: '{{count, number}} ownership problem',
    problems_other: '{{count, number}} ownership problems',
    ownerFilter: 'Owner',
    everyOwner: 'Every owner',
    /** A problem kind's toggle: "Team without members: 2". */
    kindCount: '{{kind}}: {{value}}',
    emptyTitle: 'No ownership problems',
    emptyBody: 'Every checked entity has an owner that exists, has members and agrees with its rota.',
    column: {
      entity: 'Entity',
      owner: 'Owner',
      problem: 'Problem',
      fix: 'How to fix it',
    },
    checked_one: '{{count, number}} entity checked (components, APIs, resources, systems, domains and groups).',
    checked_other: '{{count, number}} entities checked (components, APIs, resources, systems, domains and groups).',
  },
} as const;
