import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import type { CampaignsService } from '../campaigns/CampaignsService';
import type { CatalogVisibility } from '../platform/catalog/CatalogVisibility';
import { READ_ONLY, type Zod } from './shared';

export const CAMPAIGN_ACTION = 'get-campaign-lagging-teams';

export const campaignOutput = (z: Zod) => {
  const counts = {
    total: z.number().describe('Entities in the campaign the caller may read.'),
    done: z.number().describe('Every campaign check passes (or does not apply); exempt ones included.'),
    exempt: z.number().describe('Done thanks to an exemption.'),
    notDone: z.number().describe('At least one campaign check does not pass yet.'),
  };
  return z.object({
    campaign: z.object({
      id: z.string(),
      title: z.string(),
      description: z.string().optional(),
      owner: z.string().describe('The group running the campaign.'),
      state: z.enum(['draft', 'scheduled', 'active', 'overdue', 'ended', 'archived']),
      scorecardId: z.string(),
      targetLevel: z.string().optional().describe('Done when an entity reaches this level of the scorecard.'),
      checks: z.array(z.string()).optional().describe('Or: done when every one of these checks passes.'),
      startDate: z.string().describe('YYYY-MM-DD.'),
      targetDate: z.string().describe('YYYY-MM-DD: every entity should be done by then.'),
      link: z.string().optional(),
      supportChannel: z.string().optional(),
    }),
    counts: z.object(counts),
    projection: z.object({
      perDay: z.number().describe('Entities done per day over the recent days.'),
      finishDate: z.string().nullable().describe('YYYY-MM-DD the rest would be done at that rate; null: never.'),
      onTrack: z.boolean().nullable().describe('Whether that is by the target date; null when unknown.'),
    }),
    laggingTeams: z
      .array(
        z.object({
          ownerRef: z.string().describe('The owning team, as an entity ref; empty for entities without an owner.'),
          title: z.string().optional(),
          notDone: z.number(),
          entities: z
            .array(
              z.object({
                entityRef: z.string(),
                title: z.string().optional(),
                remaining: z
                  .array(
                    z.object({
                      checkId: z.string(),
                      title: z.string(),
                      state: z.string().describe('fail, stale or not-reported.'),
                      fix: z.object({ text: z.string(), url: z.string().optional() }),
                    })
                  )
                  .describe('The campaign checks this entity must still pass, each with its fix.'),
              })
            )
            .describe("The team's first entities not done."),
          moreEntities: z.number().describe('Entities not done beyond those listed.'),
        })
      )
      .describe('Teams with entities not done, least done first.'),
  });
};

/** A campaign's lagging teams and what each must fix: the campaign page's answer. */
export function registerCampaignAction(
  registry: ActionsRegistryService,
  deps: { visibility: CatalogVisibility; campaigns: CampaignsService }
): void {
  registry.register({
    name: CAMPAIGN_ACTION,
    title: "A readiness campaign's lagging teams",
    description: [
      'Answers which teams lag in an Opsfolio readiness campaign (a push for a set of entities to reach a scorecard',
      'level, or pass some checks, by a target date) and what each of their entities must still fix. Also gives the',
      "campaign's state (active, overdue...), its counts of entities done and not done, and the projected finish",
      'date at the current pace. Counts and teams cover only the entities the caller may read in the catalog.',
      'Fails with NotFoundError for an unknown campaign id, naming the campaigns there are.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          campaignId: z
            .string()
            .min(1)
            .max(200)
            .describe('The campaign id, lower-case letters, digits and dashes, e.g. `rollback-drills-2027`.'),
        }),
      output: campaignOutput,
    },
    action: async ({ input, credentials }) => {
      const readable = await deps.visibility.readableBy(credentials);
      let progress;
      try {
        progress = await deps.campaigns.progress(input.campaignId, readable);
      } catch (error) {
        if ((error as Error).name !== 'NotFoundError') throw error;
        const ids = (await deps.campaigns.list({ readable })).map(s => s.campaign.id);
        throw new NotFoundError(
          `No campaign ${input.campaignId}; ${ids.length ? `the campaigns are: ${ids.join(', ')}` : 'there are none'}`
        );
      }
      const c = progress.campaign;
      return {
        output: {
          campaign: {
            id: c.id,
            title: c.title,
            description: c.description,
            owner: c.owner,
            state: c.state,
            scorecardId: c.scorecardId,
            targetLevel: c.targetLevel,
            checks: c.checks,
            startDate: c.startDate,
            targetDate: c.targetDate,
            link: c.link,
            supportChannel: c.supportChannel,
          },
          counts: progress.counts,
          projection: progress.projection,
          laggingTeams: progress.lagging.map(team => ({
            ownerRef: team.ownerRef,
            title: team.title,
            notDone: team.notDone,
            entities: team.entities.map(e => ({
              entityRef: e.entityRef,
              title: e.title,
              remaining: e.remaining.map(r => ({ checkId: r.checkId, title: r.title, state: r.state, fix: r.fix })),
            })),
            moreEntities: team.more,
          })),
        },
      };
    },
  });
}
