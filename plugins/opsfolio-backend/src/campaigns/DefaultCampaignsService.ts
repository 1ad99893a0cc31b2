import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  dayOf,
  refKey,
  type Campaign,
  type CampaignDefinition,
  type CampaignProgressResponse,
  type CampaignPromotionResponse,
  type CampaignState,
  type CampaignSummary,
  type EntityCampaignsResponse,
  type Scorecard,
} from '@opsfolio/backstage-plugin-common';
import type { ReadableRefs } from '../platform/catalog/CatalogVisibility';
import { StaleWhileReload } from '../platform/staleWhileReload';
import { describeIssues } from '../platform/zodIssues';
import type { ScorecardOrigin } from '../scorecards/config';
import type { ScorecardStore } from '../scorecards/ScorecardStore';
import { promotionDiff } from './promotion';
import type { CampaignStore } from './CampaignStore';
import { campaignCsv } from './csv';
import { campaignProgress, titlesOf, visibleEntities } from './progress';
import { campaignSchema, checkAgainstScorecards } from './schema';
import { countsOf, scopeCampaign, type CampaignScope } from './scope';
import { applyAction, campaignState, RUNNING_STATES, type CampaignAction } from './state';
import type { CampaignsService } from './CampaignsService';

/** How long a campaign's scope is kept when nothing was stored in between: the day turns, entities leave the catalog. */
const SCOPE_TTL_MS = 60_000;

/** The key of answers for callers who may read everything. */
const ALL = {};

type Known = { definition: CampaignDefinition; source: Campaign['source']; updatedBy?: string; updatedAt?: string };

/**
 * Campaigns from config and from the API, their progress drawn from the scorecards' stored results and daily
 * snapshots. A campaign's scope is computed once per stored evaluation (the scorecards' data generation, shared
 * by replicas) and reused while it is reloaded, so a page view counts in memory.
 */
export class DefaultCampaignsService implements CampaignsService {
  private scopes = new StaleWhileReload<CampaignScope>(SCOPE_TTL_MS);
  /**
   * Answers built from a scope, per caller's readable set (CatalogVisibility keeps one set per user for a while;
   * everything-readable is `ALL`): a page view while nothing was stored is a lookup.
   */
  private answers = new WeakMap<CampaignScope, WeakMap<object, Omit<CampaignProgressResponse, 'campaign'>>>();

  constructor(
    private readonly deps: {
      store: CampaignStore;
      configured: CampaignDefinition[];
      scorecards: Scorecard[];
      scorecardStore: ScorecardStore;
      /** Where each scorecard is defined (by id), for promotions; shipped when absent. */
      origins?: Map<string, ScorecardOrigin>;
      groupTitles: () => Promise<Map<string, string | undefined>>;
      generation: (kind: 'scorecards' | 'campaigns') => Promise<number>;
      now?: () => Date;
    }
  ) {}

  private today() {
    return dayOf(this.deps.now?.() ?? new Date());
  }

  private async known(): Promise<Known[]> {
    const stored = await this.deps.store.list();
    return [
      ...this.deps.configured.map(definition => ({ definition, source: 'config' as const })),
      ...stored
        .filter(s => !this.deps.configured.some(c => c.id === s.definition.id))
        .map(s => ({
          definition: s.definition,
          source: 'api' as const,
          updatedBy: s.updatedBy,
          updatedAt: s.updatedAt,
        })),
    ];
  }

  private async find(id: string): Promise<Known> {
    const found = (await this.known()).find(k => k.definition.id === id);
    if (!found) throw new NotFoundError(`No campaign '${id}'`);
    return found;
  }

  private scorecardOf(c: CampaignDefinition): Scorecard {
    // Checked when defined; a scorecard removed from config since then leaves the campaign with nothing to count.
    const scorecard = this.deps.scorecards.find(s => s.id === c.scorecardId);
    if (!scorecard)
      throw new NotFoundError(`Campaign '${c.id}' counts scorecard '${c.scorecardId}', which is no longer configured`);
    return scorecard;
  }

  /** The campaign's scope, reloaded once the stored results change; the one before answers while it reloads. */
  private async scopeOf(c: CampaignDefinition): Promise<CampaignScope> {
    const today = this.today();
    const scorecard = this.scorecardOf(c);
    // A changed definition or a new day must not be answered from the old scope.
    const variant = `${JSON.stringify(c)}:${today}`;
    return this.scopes.get(c.id, { variant, version: String(await this.deps.generation('scorecards')) }, async () => {
      const [evaluations, daily] = await Promise.all([
        this.deps.scorecardStore.entities(scorecard.id),
        this.deps.scorecardStore.dailyChecks(scorecard.id, c.startDate),
      ]);
      return scopeCampaign(c, scorecard, evaluations.values(), daily, today);
    });
  }

  private async summary(k: Known, readable: ReadableRefs): Promise<CampaignSummary & { scope: CampaignScope }> {
    const scope = await this.scopeOf(k.definition);
    const visible = readable
      ? scope.entities.filter(s => readable.has(refKey(s.entity.entityRef))).map(s => s.entity)
      : scope.entities.map(s => s.entity);
    return { campaign: this.campaignOf(k, scope), counts: countsOf(visible), ...titlesOf(scope), scope };
  }

  private campaignOf(k: Known, scope: CampaignScope): Campaign {
    const { definition, source, updatedBy, updatedAt } = k;
    return {
      ...definition,
      state: campaignState(definition, this.today(), scope.counts.notDone === 0),
      source,
      ...(updatedBy ? { updatedBy } : {}),
      ...(updatedAt ? { updatedAt } : {}),
    };
  }

  async list(query: { state?: CampaignState; owner?: string; readable?: ReadableRefs }): Promise<CampaignSummary[]> {
    const owner =
      query.owner && (query.owner.includes(':') ? refKey(query.owner) : `group:default/${refKey(query.owner)}`);
    const summaries = await Promise.all(
      (await this.known())
        .filter(k => !owner || refKey(k.definition.owner) === owner)
        .map(k => this.summary(k, query.readable))
    );
    return summaries
      .filter(s =>
        query.state ? s.campaign.state === query.state : s.campaign.state !== 'draft' && s.campaign.state !== 'archived'
      )
      .sort(
        (a, b) =>
          a.campaign.targetDate.localeCompare(b.campaign.targetDate) || a.campaign.id.localeCompare(b.campaign.id)
      )
      .map(({ scope: _scope, ...summary }) => summary);
  }

  async progress(id: string, readable?: ReadableRefs): Promise<CampaignProgressResponse> {
    const { campaign, scope } = await this.summary(await this.find(id), readable);
    let byReader = this.answers.get(scope);
    if (!byReader) this.answers.set(scope, (byReader = new WeakMap()));
    let answer = byReader.get(readable ?? ALL);
    if (!answer) {
      answer = campaignProgress(scope, { today: this.today(), readable, groupTitles: await this.deps.groupTitles() });
      byReader.set(readable ?? ALL, answer);
    }
    return { campaign, ...answer };
  }

  async promotion(id: string, level?: string): Promise<CampaignPromotionResponse> {
    const known = await this.find(id);
    const { campaign } = await this.summary(known, undefined);
    if (campaign.state !== 'ended') {
      throw new ConflictError(
        `Only an ended campaign can be promoted into its scorecard; '${id}' is ${campaign.state}`
      );
    }
    const scorecard = this.scorecardOf(known.definition);
    return promotionDiff(
      known.definition,
      scorecard,
      this.deps.origins?.get(scorecard.id) ?? { kind: 'shipped' },
      level
    );
  }

  async csv(id: string, readable?: ReadableRefs): Promise<string> {
    const { scope } = await this.summary(await this.find(id), readable);
    return campaignCsv(visibleEntities(scope, readable));
  }

  async forEntity(entityRef: string): Promise<EntityCampaignsResponse['campaigns']> {
    const key = refKey(entityRef);
    const out: EntityCampaignsResponse['campaigns'] = [];
    for (const k of await this.known()) {
      if (!this.deps.scorecards.some(s => s.id === k.definition.scorecardId)) continue;
      const scope = await this.scopeOf(k.definition);
      const campaign = this.campaignOf(k, scope);
      const scoped = scope.byRef.get(key);
      if (!scoped || !RUNNING_STATES.has(campaign.state)) continue;
      out.push({ campaign, status: scoped.entity.status, remaining: scoped.entity.remaining });
    }
    return out.sort((a, b) => a.campaign.targetDate.localeCompare(b.campaign.targetDate));
  }

  async covering(entityRefs: string[]): Promise<CampaignSummary[]> {
    const refs = new Set(entityRefs.map(refKey));
    const out: CampaignSummary[] = [];
    for (const k of await this.known()) {
      if (!this.deps.scorecards.some(s => s.id === k.definition.scorecardId)) continue;
      const scope = await this.scopeOf(k.definition);
      const campaign = this.campaignOf(k, scope);
      const covered = scope.entities.filter(s => refs.has(refKey(s.entity.entityRef)));
      if (covered.length > 0 && RUNNING_STATES.has(campaign.state))
        out.push({ campaign, counts: countsOf(covered.map(s => s.entity)), ...titlesOf(scope) });
    }
    return out.sort((a, b) => a.campaign.targetDate.localeCompare(b.campaign.targetDate));
  }

  /** The body checked as a campaign and against the scorecards: a 400 listing every problem. */
  private parse(body: unknown): CampaignDefinition {
    const parsed = campaignSchema.safeParse(body);
    if (!parsed.success)
      throw new InputError(`Invalid campaign: ${describeIssues(parsed.error, { whole: 'body' }).join('; ')}`);
    const problems = checkAgainstScorecards(parsed.data, this.deps.scorecards);
    if (problems.length)
      throw new InputError(`Invalid campaign: ${problems.map(p => `${p.path}: ${p.message}`).join('; ')}`);
    return parsed.data;
  }

  async create(body: unknown, by: string | undefined, readable?: ReadableRefs): Promise<CampaignSummary> {
    const parsed = this.parse(body);
    // New campaigns start as drafts unless the request says otherwise; ending and archiving go through actions.
    const definition: CampaignDefinition = { ...parsed, draft: parsed.draft ?? true };
    delete definition.endedOn;
    delete definition.archived;
    if (
      this.deps.configured.some(c => c.id === definition.id) ||
      !(await this.deps.store.create(definition, by, new Date().toISOString()))
    ) {
      throw new ConflictError(`A campaign '${definition.id}' exists`);
    }
    return this.summaryOf(definition.id, readable);
  }

  async update(id: string, body: unknown, by: string | undefined, readable?: ReadableRefs): Promise<CampaignSummary> {
    const parsed = this.parse(body);
    if (parsed.id !== id)
      throw new InputError(`Invalid campaign: id: '${parsed.id}' is not the campaign at this URL ('${id}')`);
    const existing = await this.editable(id);
    // The state is changed by actions only: an edit keeps it.
    const { draft, endedOn, archived } = existing;
    const definition: CampaignDefinition = { ...parsed, draft, endedOn, archived };
    for (const key of ['draft', 'endedOn', 'archived'] as const)
      if (definition[key] === undefined) delete definition[key];
    await this.deps.store.update(definition, by, new Date().toISOString());
    return this.summaryOf(id, readable);
  }

  async act(
    id: string,
    action: CampaignAction,
    by: string | undefined,
    readable?: ReadableRefs
  ): Promise<CampaignSummary> {
    const existing = await this.editable(id);
    const scope = await this.scopeOf(existing);
    const state = campaignState(existing, this.today(), scope.counts.notDone === 0);
    await this.deps.store.update(applyAction(existing, state, action, this.today()), by, new Date().toISOString());
    return this.summaryOf(id, readable);
  }

  private async editable(id: string): Promise<CampaignDefinition> {
    const found = await this.find(id);
    if (found.source === 'config')
      throw new ConflictError(`Campaign '${id}' is defined in the backend's configuration: change it there`);
    return found.definition;
  }

  private async summaryOf(id: string, readable: ReadableRefs): Promise<CampaignSummary> {
    const { scope: _scope, ...summary } = await this.summary(await this.find(id), readable);
    return summary;
  }
}
