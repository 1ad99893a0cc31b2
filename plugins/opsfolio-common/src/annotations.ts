/**
 * Entity annotations Opsfolio reads. Vendor names are the ones the ecosystem's plugins already use, so an
 * entity annotated for the PagerDuty, Opsgenie, GitHub or GitLab plugins works with Opsfolio unchanged.
 * @public
 */
export const ANNOTATIONS = {
  githubProjectSlug: 'github.com/project-slug',
  gitlabProjectSlug: 'gitlab.com/project-slug',
  gitlabProjectId: 'gitlab.com/project-id',
  productionEnvironments: 'opsfolio.io/production-environments',
  pagerdutyServiceId: 'pagerduty.com/service-id',
  pagerdutyIntegrationKey: 'pagerduty.com/integration-key',
  opsgenieTeam: 'opsgenie.com/team',
  opsgenieComponentSelector: 'opsgenie.com/component-selector',
  costTag: 'opsfolio.io/cost-tag',
  tier: 'opsfolio.io/tier',
} as const;
