import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { OWNERSHIP_PROBLEM_KINDS } from '@opsfolio/backstage-plugin-common';
import type { OwnershipService } from '../ownership/OwnershipService';
import { ENTITY_ERRORS, entityRefInput, READ_ONLY, readEntity, type Zod } from './shared';

export const OWNERSHIP_ACTION = 'get-entity-ownership';

export const ownershipOutput = (z: Zod) =>
  z.object({
    entityRef: z.string().describe('The entity answered about, as a full entity ref.'),
    kind: z.string().describe('The entity kind, e.g. `component`.'),
    title: z.string().optional(),
    owner: z.object({
      ref: z
        .string()
        .optional()
        .describe('The owner as a full entity ref, e.g. `group:default/team-payments`; absent when none is named.'),
      title: z.string().optional().describe("The owner's display name."),
      exists: z.boolean().describe('The owner is an entity in the catalog.'),
      isGroup: z.boolean().describe('The owner is a Group (a team), not a single User.'),
      memberCount: z
        .number()
        .nullable()
        .describe('Members of the owning group that exist in the catalog; 1 for a user owner; null when unknown.'),
      parentChain: z
        .array(z.object({ ref: z.string(), title: z.string().optional() }))
        .describe("The owning group's parent groups, nearest first, up to the top of the organisation."),
      contact: z
        .object({
          email: z.string().optional(),
          links: z.array(z.object({ url: z.string(), title: z.string().optional(), type: z.string().optional() })),
        })
        .optional()
        .describe("How to reach the owner: the profile email and the owner's chat, slack or email links."),
    }),
    healthy: z
      .boolean()
      .describe('True when the ownership holds: the `problems` list is empty. False names at least one problem.'),
    problems: z
      .array(
        z.object({
          kind: z.enum(OWNERSHIP_PROBLEM_KINDS),
          message: z.string().describe('What is wrong, in one sentence.'),
          fix: z.string().describe('How to fix it, in one sentence.'),
        })
      )
      .describe('Everything wrong with the ownership, each with its fix.'),
    codeowners: z
      .object({
        status: z.enum(['agrees', 'drift', 'no-rule', 'unowned', 'no-file', 'no-owner']),
        url: z.string().optional(),
        owners: z.array(z.string()).describe('Who the deciding CODEOWNERS rule names.'),
        readAt: z.string().describe('ISO instant the file was read.'),
        error: z.string().optional().describe('Why the last read failed; the file read before is still used.'),
      })
      .optional()
      .describe("The entity's CODEOWNERS file as last read, and whether its rule names the owner (`agrees`)."),
    onCallNow: z
      .array(
        z.object({
          name: z.string(),
          email: z.string().optional(),
          until: z.string().optional().describe('ISO instant the shift ends; absent: permanently on call.'),
          source: z.string().describe('The on-call source, e.g. `pagerduty`.'),
          readAt: z.string().describe('ISO instant of the stored read this comes from.'),
        })
      )
      .describe(
        'Who answers first (level 1) for the entity, from the last stored on-call read; empty without on-call.'
      ),
  });

/** Who owns an entity and whether that ownership holds: the ownership card's answer. */
export function registerOwnershipAction(
  registry: ActionsRegistryService,
  deps: { catalog: CatalogService; ownership: OwnershipService }
): void {
  registry.register({
    name: OWNERSHIP_ACTION,
    title: 'Who owns an entity, and is that owner healthy',
    description: [
      'Answers who owns a Backstage catalog entity (a component, API, resource, system, domain or group) and whether',
      'that ownership is healthy. Healthy (`healthy: true`) means no ownership problem: the owner exists in the',
      'catalog, is a team (a Group, not a single User) with at least one member, and the CODEOWNERS file, the on-call',
      'rota and the people who actually deploy agree with it. Otherwise `problems` lists each problem (`no-owner`,',
      '`owner-missing`, `owned-by-user`, `team-without-members`, `codeowners-drift`, `oncall-drift`, `deployer-drift`)',
      'with a one-sentence fix. Also gives how to contact the owner, its parent groups, and who is on call first for',
      `the entity as last read. ${ENTITY_ERRORS}`,
    ].join(' '),
    attributes: READ_ONLY,
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: ownershipOutput,
    },
    action: async ({ input, credentials }) => {
      const entity = await readEntity(deps.catalog, input.entityRef, credentials);
      const o = await deps.ownership.entityOwnership(entity);
      return {
        output: {
          entityRef: o.entityRef,
          kind: o.kind,
          title: o.title,
          owner: {
            ref: o.ownerRef,
            title: o.ownerTitle,
            exists: o.ownerExists,
            isGroup: o.ownerIsGroup,
            memberCount: o.memberCount,
            parentChain: o.parentChain,
            contact: o.contact,
          },
          healthy: o.problems.length === 0,
          problems: o.problems,
          codeowners: o.codeowners,
          onCallNow: o.onCallNow ?? [],
        },
      };
    },
  });
}
