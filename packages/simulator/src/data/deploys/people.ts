import type { Scenario } from '../../scenario/schema';

/** Someone who commits and deploys: a catalog user name with the vendor identities derived from it. */
export interface Person {
  /** catalog user name (metadata.name), e.g. ada.okafor */
  user: string;
  /** GitHub login: GitHub allows no dots, so ada.okafor -> ada-okafor */
  githubLogin: string;
  /** GitLab username: the catalog name as is */
  gitlabUsername: string;
  /** display name, e.g. Ada Okafor */
  name: string;
  /** e-mail on the repository owner's domain, e.g. ada.okafor@acme.example (as in the catalog) */
  email: string;
}

export function personFor(user: string, repoSlug: string): Person {
  const domain = `${repoSlug.split('/')[0]!.toLowerCase()}.example`;
  return {
    user,
    githubLogin: user.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    gitlabUsername: user,
    name: user
      .split(/[._-]+/)
      .filter(Boolean)
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join(' '),
    email: `${user}@${domain}`,
  };
}

/**
 * The people who commit to and deploy a component: its `deploys.deployers`, else its on-call rota (the
 * owning team, as far as the scenario knows it); a component without either gets a single maintainer.
 */
export function teamOf(scenario: Scenario, component: string): Person[] {
  const c = scenario.components[component];
  if (!c) return [];
  const slug = c.repo.github ?? c.repo.gitlab!;
  const users = c.deploys?.deployers ?? c.oncall?.rota ?? [`${component}.maintainer`];
  return users.map((user) => personFor(user, slug));
}
