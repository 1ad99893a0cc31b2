import { z } from 'zod';
import { AWS_SERVICE_CODES, type AwsServiceCode } from './awsServices';

// The scenario (examples/scenario.yaml) as zod schemas. The YAML file's header comment is the
// human-facing description; keep the two in step.

/** Backstage entity name: letters, digits and single [-_.] separators, at most 63 characters. */
const ENTITY_NAME = /^(?=.{1,63}$)[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;

const entityName = z.string().regex(ENTITY_NAME, 'must be a Backstage entity name');
const environment = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be an environment name');
const rate = z.number().min(0).max(1);
const positive = z.number().positive();

function uniqueItems(label: string) {
  return (items: string[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${label} "${item}"` });
      seen.add(item);
    }
  };
}

const repoSchema = z
  .strictObject({
    github: z
      .string()
      .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'must be owner/repo')
      .optional(),
    gitlab: z
      .string()
      .regex(/^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)+$/, 'must be a group/project path')
      .optional(),
  })
  .superRefine((repo, ctx) => {
    if ((repo.github === undefined) === (repo.gitlab === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'set exactly one of github or gitlab' });
    }
  });

const deploysSchema = z
  .strictObject({
    perWeek: positive.max(500).optional(),
    everyDays: positive.max(365).optional(),
    environments: z.array(environment).min(1).superRefine(uniqueItems('environment')),
    production: z.array(environment).min(1).default(['production']),
    failureRate: rate.default(0),
    rollbackRate: rate.default(0),
    leadTimeHours: z
      .strictObject({ median: positive, p90: positive })
      .refine((l) => l.p90 >= l.median, { message: 'p90 must be at least the median', path: ['p90'] })
      .default({ median: 24, p90: 96 }),
    lastDeployDaysAgo: z.number().int().min(0).optional(),
    /** Catalog users who commit and deploy; default: the on-call rota. */
    deployers: z.array(z.string().min(1)).min(1).optional(),
  })
  .superRefine((d, ctx) => {
    if ((d.perWeek === undefined) === (d.everyDays === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'set exactly one cadence: perWeek or everyDays' });
    }
    for (const [i, env] of d.production.entries()) {
      if (!d.environments.includes(env)) {
        ctx.addIssue({
          code: 'custom',
          path: ['production', i],
          message: `production environment "${env}" is not in environments [${d.environments.join(', ')}]`,
        });
      }
    }
  });

const severity = z.enum(['P1', 'P2', 'P3', 'P4', 'P5']);

const incidentsSchema = z.strictObject({
  perMonth: z.number().min(0).max(500),
  severity: z
    .partialRecord(severity, positive)
    .refine((s) => Object.keys(s).length > 0, 'give at least one severity weight'),
  mttrHours: positive,
  openNow: z.number().int().min(0).default(0),
});

const timeZone = z
  .string()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/London')
  .default('UTC');

/**
 * Hours nobody covers at level 1, relative to today in the rota's time zone: from `fromHour` on the day
 * `inDays` from today, for `hours` (as when someone drops an override and nobody takes the shift).
 */
const gapSchema = z.strictObject({
  inDays: z.number().int().min(0).max(60),
  fromHour: z.number().int().min(0).max(23),
  hours: positive.max(72),
});

const rotaFields = {
  rota: z.array(entityName).min(1).superRefine(uniqueItems('rota member')),
  rotationDays: positive.max(90),
  escalationLevels: z.number().int().min(1).max(5),
  timeZone,
  /** the top escalation level when there are 3 or more: a direct user target; default the first on the rota */
  manager: entityName.optional(),
  gaps: z.array(gapSchema).default([]),
};

const oncallSchema = z.discriminatedUnion('vendor', [
  z.strictObject({
    vendor: z.literal('pagerduty'),
    serviceId: z.string().regex(/^P[A-Z0-9]{6}$/, 'must be a PagerDuty id like PABC123'),
    /** the Events API v2 integration key (= annotation pagerduty.com/integration-key); default: seeded */
    integrationKey: z
      .string()
      .regex(/^[0-9a-f]{32}$/, 'must be 32 lowercase hex characters')
      .optional(),
    ...rotaFields,
  }),
  z.strictObject({
    vendor: z.literal('opsgenie'),
    team: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, 'must be an Opsgenie team name'),
    ...rotaFields,
    // An Opsgenie escalation reaches the schedule's on-call, the next on-call and the manager.
    escalationLevels: z.number().int().min(1).max(3),
  }),
]);

const serviceMix = z
  .partialRecord(z.enum(AWS_SERVICE_CODES as [AwsServiceCode, ...AwsServiceCode[]]), positive)
  .refine((s) => Object.keys(s).length > 0, 'give at least one AWS service weight');

const costSchema = z
  .strictObject({
    monthly: z.number().min(0),
    trendPctPerMonth: z.number().min(-100).max(1000).default(0),
    services: serviceMix,
    tagged: z.boolean(),
    tag: z
      .string()
      .regex(/^[^=\s]+=[^=\s]+$/, 'must be key=value')
      .optional(),
    /** The AWS Cost Category its spend falls in, `name=value`; none: uncategorised. */
    costCategory: z
      .string()
      .regex(/^[^=\s]+=[^=\s]+$/, 'must be name=value')
      .optional(),
    /**
     * The spend steps by `pct` percent from the day of the component's most recent successful production
     * deploy at least `minDaysAgo` days old (one the GitHub/GitLab routes serve); `monthly` is the level after it.
     */
    jumpAfterDeploy: z
      .strictObject({
        pct: z.number().min(-90).max(1000),
        minDaysAgo: z.number().int().min(1).max(365).default(10),
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.tagged && c.tag === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tag'], message: 'tagged: true needs tag: key=value' });
    }
    if (!c.tagged && c.tag !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['tag'], message: 'tagged: false must not have a tag' });
    }
  });

const componentSchema = z
  .strictObject({
    note: z.string().optional(),
    repo: repoSchema,
    deploys: deploysSchema.optional(),
    incidents: incidentsSchema.optional(),
    oncall: oncallSchema.optional(),
    cost: costSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.incidents && !c.oncall) {
      ctx.addIssue({
        code: 'custom',
        path: ['incidents'],
        message: 'incidents are served by the on-call vendor: add an oncall section or remove incidents',
      });
    }
    if (c.cost?.jumpAfterDeploy && !c.deploys) {
      ctx.addIssue({
        code: 'custom',
        path: ['cost', 'jumpAfterDeploy'],
        message: 'the jump follows a production deploy: add a deploys section or remove jumpAfterDeploy',
      });
    }
  });

const untaggedCostSchema = z.strictObject({
  monthly: z.number().min(0),
  trendPctPerMonth: z.number().min(-100).max(1000).default(0),
  services: serviceMix,
});

const vendorsSchema = z
  .strictObject({
    github: z
      .strictObject({
        /** core requests an hour before a 403 (5,000 for a token; 15,000 for an App on Enterprise Cloud) */
        rateLimitPerHour: z.number().int().min(1).default(5000),
      })
      .default({ rateLimitPerHour: 5000 }),
    pagerduty: z
      .strictObject({
        subdomain: z.string().regex(/^[a-z0-9-]+$/),
        /** requests a minute per API key before a 429 (PagerDuty's REST API allows 960) */
        rateLimitPerMinute: z.number().int().min(1).default(960),
      })
      .default({ subdomain: 'acme', rateLimitPerMinute: 960 }),
    aws: z
      .strictObject({
        accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
        accountName: z.string().min(1),
        /** groups per Cost Explorer page: small, so that a sync pages and a day splits across pages */
        pageSize: z.number().int().min(1).max(5000).default(40),
      })
      .default({ accountId: '123456789012', accountName: 'production', pageSize: 40 }),
  })
  .default({
    github: { rateLimitPerHour: 5000 },
    pagerduty: { subdomain: 'acme', rateLimitPerMinute: 960 },
    aws: { accountId: '123456789012', accountName: 'production', pageSize: 40 },
  });

/** Where GitHub looks for CODEOWNERS, in its order (the first found is used). */
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

const CODEOWNER = /^(?:@[A-Za-z0-9][A-Za-z0-9_-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

/**
 * A GitHub repository's CODEOWNERS: the owners of its one `*` rule (served at .github/CODEOWNERS), or the
 * file's lines as written (not validated, so a file may be deliberately broken) at one of GitHub's paths.
 */
const codeownersSchema = z.union([
  z
    .string()
    .refine(
      (s) => s.trim() !== '' && s.trim().split(/\s+/).every((o) => CODEOWNER.test(o)),
      'must be owners separated by spaces: @user, @org/team or an email',
    ),
  z.strictObject({
    path: z.enum(CODEOWNERS_PATHS).default('.github/CODEOWNERS'),
    lines: z.array(z.string()).min(1),
  }),
]);

/** Top-level keys starting with "x-" are free for YAML anchors and notes; everything else is checked. */
function dropExtensionKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('x-')));
}

export const scenarioSchema = z.preprocess(
  dropExtensionKeys,
  z
    .strictObject({
      seed: z.number().int(),
      historyDays: z.number().int().min(7).max(730).default(180),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD')
        .default('USD'),
      vendors: vendorsSchema,
      untaggedCost: untaggedCostSchema.optional(),
      components: z
        .record(entityName, componentSchema)
        .refine((c) => Object.keys(c).length > 0, 'list at least one component'),
      /** component name -> the CODEOWNERS its GitHub repository serves; a repository not listed has none */
      codeowners: z.record(entityName, codeownersSchema).default({}),
    })
    .superRefine(crossComponentChecks)
    .superRefine(codeownersChecks),
);

type ScenarioShape = {
  historyDays: number;
  components: Record<string, z.output<typeof componentSchema>>;
};

/** Rules that span components: vendor ids are unique, shared Opsgenie teams agree on their rota. */
function crossComponentChecks(s: ScenarioShape, ctx: z.RefinementCtx): void {
  const owners = new Map<string, string>();
  const claim = (kind: string, id: string | undefined, component: string, path: (string | number)[]) => {
    if (id === undefined) return;
    const key = `${kind}:${id.toLowerCase()}`;
    const other = owners.get(key);
    if (other !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['components', component, ...path],
        message: `${kind} "${id}" is already used by ${other}`,
      });
    } else owners.set(key, component);
  };
  const opsgenieTeams = new Map<string, { component: string; rota: string }>();

  for (const [name, c] of Object.entries(s.components)) {
    claim('github repo', c.repo.github, name, ['repo', 'github']);
    claim('gitlab project', c.repo.gitlab, name, ['repo', 'gitlab']);
    claim('cost tag', c.cost?.tag, name, ['cost', 'tag']);
    if (c.oncall?.vendor === 'pagerduty') {
      claim('PagerDuty service', c.oncall.serviceId, name, ['oncall', 'serviceId']);
      claim('PagerDuty integration key', c.oncall.integrationKey, name, ['oncall', 'integrationKey']);
    }

    if (c.oncall?.vendor === 'opsgenie') {
      const { team, rota, rotationDays, escalationLevels, timeZone: tz, manager, gaps } = c.oncall;
      const signature = JSON.stringify([rota, rotationDays, escalationLevels, tz, manager, gaps]);
      const first = opsgenieTeams.get(team);
      if (!first) opsgenieTeams.set(team, { component: name, rota: signature });
      else if (first.rota !== signature) {
        ctx.addIssue({
          code: 'custom',
          path: ['components', name, 'oncall'],
          message: `Opsgenie team "${team}" has one schedule; this oncall differs from ${first.component}'s`,
        });
      }
    }

    const lastDeploy = c.deploys?.lastDeployDaysAgo;
    if (lastDeploy !== undefined && lastDeploy >= s.historyDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['components', name, 'deploys', 'lastDeployDaysAgo'],
        message: `must be less than historyDays (${s.historyDays}) or there is no history to show`,
      });
    }
  }
}

/** CODEOWNERS are served by GitHub, so each one belongs to a component with a GitHub repository. */
function codeownersChecks(
  s: { components: Record<string, { repo: { github?: string; gitlab?: string } }>; codeowners: Record<string, unknown> },
  ctx: z.RefinementCtx,
): void {
  for (const name of Object.keys(s.codeowners)) {
    const component = s.components[name];
    if (!component) {
      ctx.addIssue({ code: 'custom', path: ['codeowners', name], message: `"${name}" is not a component of this scenario` });
    } else if (component.repo.github === undefined && component.repo.gitlab === undefined) {
      ctx.addIssue({ code: 'custom', path: ['codeowners', name], message: `"${name}" has no repository to hold a CODEOWNERS` });
    } else if (component.repo.gitlab !== undefined && typeof s.codeowners[name] === 'string') {
      // GitLab reads CODEOWNERS, docs/CODEOWNERS or .gitlab/CODEOWNERS: give the file as written.
      ctx.addIssue({ code: 'custom', path: ['codeowners', name], message: `"${name}" is on GitLab: give { path, lines }` });
    }
  }
}

export type Scenario = z.output<typeof scenarioSchema>;
export type ComponentScenario = z.output<typeof componentSchema>;
export type RepoScenario = z.output<typeof repoSchema>;
export type DeploysScenario = z.output<typeof deploysSchema>;
export type IncidentsScenario = z.output<typeof incidentsSchema>;
export type OnCallScenario = z.output<typeof oncallSchema>;
export type CostScenario = z.output<typeof costSchema>;
export type GapScenario = z.output<typeof gapSchema>;
