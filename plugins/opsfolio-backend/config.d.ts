import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Opsfolio: ownership, deploys and DORA, on-call, cost and readiness scorecards. */
  opsfolio?: {
    /**
     * The default schedule of every sync source (default: every 15 minutes, 10 minute timeout).
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Deploy history and DORA figures. */
    deployments?: {
      /** Environments counted as production when an entity has no `opsfolio.io/production-environments` (default `[production]`). */
      productionEnvironments?: string[];
      dora?: {
        /** The default window of the DORA figures, in days (default 30; `?window=90d` overrides per request). */
        windowDays?: number;
        /** How long after a production deploy an incident counts as its failure, in hours (default 24). */
        incidentWindowHours?: number;
        /**
         * How long after an incident starts a production deploy of the same entity counts as rework made for
         * it, in hours (default 24). A deploy that names its incident (`incidentId`) is rework whatever its time.
         */
        reworkWindowHours?: number;
        /**
         * Band thresholds per metric, best band first (default: DORA 2024). Units: deploys per day, hours,
         * and a ratio for the change failure and rework rates. DORA 2024 gives the rework rate no bands: it
         * has none unless `reworkRate` is set.
         */
        thresholds?: {
          source: string;
          deploymentFrequency: Array<{ band: 'elite' | 'high' | 'medium'; limit: number }>;
          leadTime: Array<{ band: 'elite' | 'high' | 'medium'; limit: number }>;
          changeFailureRate: Array<{ band: 'elite' | 'high' | 'medium'; limit: number }>;
          recoveryTime: Array<{ band: 'elite' | 'high' | 'medium'; limit: number }>;
          reworkRate?: Array<{ band: 'elite' | 'high' | 'medium'; limit: number }>;
        };
      };
    };
    /** On-call and incidents. */
    oncall?: {
      /** How long a live "on call now" read is cached, in seconds (default 60). */
      cacheTtlSeconds?: number;
    };
    /** Cost per service and by owner. */
    cost?: {
      /**
       * The organisation's cost allocation tag key (default `service`). Entities map by
       * `<tagKey>=<metadata.name>`, or by `opsfolio.io/cost-tag: <tagKey>=<value>`.
       */
      tagKey?: string;
      /**
       * Allocate by this AWS Cost Category instead of a tag (Cost Explorer `GroupBy COST_CATEGORY`; FOCUS:
       * `x_CostCategories`): its values map to entities as tag values do. Not together with `tagKey`.
       */
      costCategory?: string;
    };
    /** Ownership checks. */
    ownership?: {
      codeowners?: {
        /**
         * Hosts whose CODEOWNERS files are read (through Backstage's UrlReader and its integrations); default:
         * every host an entity's source location names.
         */
        hosts?: string[];
      };
    };
    /** Readiness scorecards: see the "Scorecards" section of the backend plugin's README. */
    scorecards?: {
      /**
       * Scorecards written inline: `{ id, title, description?, filter?, levels?, targets?, checks }`, each check
       * `{ id, title, fact, operator, threshold?, level, description, fix: { text, url? }, filter? }`. Validated at
       * start-up (see the README); one with the id of a shipped scorecard replaces it.
       */
      definitions?: Array<{ [key: string]: any }>;
      /** YAML files of scorecards, relative to the backend's working directory; a file holds one scorecard or a list. */
      files?: string[];
      /** Ship the built-in "Production readiness" scorecard (default true). */
      includeDefault?: boolean;
      /** Days daily snapshots, check transitions and level changes are kept (default 365). */
      historyDays?: number;
      /** Days of trend a new install fills in from stored deploys, incidents and cost (default 30; 0 to historyDays). */
      backfillDays?: number;
    };
    /** Campaigns: see the "Campaigns" section of the backend plugin's README. */
    campaigns?: {
      /**
       * Campaigns written inline: `{ id, title, description?, owner, scorecardId, targetLevel? | checks?, filter?,
       * startDate, targetDate, milestones?, link?, supportChannel?, reminders?: { everyDays }, draft?, endedOn?,
       * archived? }`. Validated at
       * start-up against the scorecards, every problem listed. Read-only through the API.
       */
      definitions?: Array<{ [key: string]: any }>;
      /** YAML files of campaigns, relative to the backend's working directory; a file holds one campaign or a list. */
      files?: string[];
    };
    /**
     * Notifications through Backstage's notifications plugin: see the "Notifications" section of the backend
     * plugin's README. The run's schedule is `opsfolio.sources.notifications` (every 10 minutes by default;
     * `enabled: false` turns notifications off).
     */
    notifications?: {
      /** `immediate` (default): each run sends what it found; `daily`: one digest per person a day. */
      delivery?: 'immediate' | 'daily';
      /** The UTC hour (0-23) the daily digest goes out; 8 by default. */
      dailyHour?: number;
      /** How many days ahead on-call gaps are looked for (at most 14); 7 by default. */
      onCallGapDays?: number;
    };
    /**
     * Per-source settings, keyed by source id (e.g. `github`, `pagerduty`, or `scorecards` for the scorecard
     * evaluation, every 30 minutes by default).
     */
    sources?: {
      [sourceId: string]: {
        /** Set to false to stop syncing this source; its stored data stays. */
        enabled?: boolean;
        /** Overrides the default schedule for this source (cost sources default to every 6 hours). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
