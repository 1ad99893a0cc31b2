import type { SimulatorContext } from '../context';
import { createRng } from '../random';
import type { Scenario } from '../scenario/schema';
import { addDays, addMs, startOfUtcDay } from '../time';

export interface GitlabProject {
  component: string;
  /** stable numeric id, unique among the scenario's projects */
  id: number;
  /** group/sub/project */
  pathWithNamespace: string;
  path: string;
  namespace: string;
  namespaceId: number;
  defaultBranch: string;
  createdAt: Date;
}

/** Every GitLab project named in the scenario, in scenario order. */
export function gitlabProjects({ scenario, now }: SimulatorContext): GitlabProject[] {
  const today = startOfUtcDay(now());
  const ids = projectIds(scenario);
  const projects: GitlabProject[] = [];
  for (const [component, c] of Object.entries(scenario.components)) {
    const slug = c.repo.gitlab;
    if (slug === undefined) continue;
    const segments = slug.split('/');
    const namespace = segments.slice(0, -1).join('/');
    const rng = createRng(scenario.seed, 'gitlab-project-created', slug.toLowerCase());
    projects.push({
      component,
      id: ids.get(slug)!,
      pathWithNamespace: slug,
      path: segments[segments.length - 1]!,
      namespace,
      namespaceId: createRng(scenario.seed, 'gitlab-group', namespace.toLowerCase()).int(100, 9_999),
      defaultBranch: 'main',
      createdAt: addMs(addDays(today, -(scenario.historyDays + rng.int(60, 1500))), rng.int(0, 86_399) * 1000),
    });
  }
  return projects;
}

/** GitLab's `:id`: a numeric id or the URL-decoded full path (matched case-insensitively, as GitLab does). */
export function findGitlabProject(ctx: SimulatorContext, idOrPath: string): GitlabProject | undefined {
  const projects = gitlabProjects(ctx);
  if (/^\d+$/.test(idOrPath)) return projects.find((p) => p.id === Number(idOrPath));
  const wanted = idOrPath.toLowerCase();
  return projects.find((p) => p.pathWithNamespace.toLowerCase() === wanted);
}

/** A seeded id per project path; a clash takes the next free number (in path order, so it is stable). */
function projectIds(scenario: Scenario): Map<string, number> {
  const slugs = Object.values(scenario.components)
    .map((c) => c.repo.gitlab)
    .filter((s): s is string => s !== undefined)
    .sort();
  const taken = new Set<number>();
  const ids = new Map<string, number>();
  for (const slug of slugs) {
    let id = createRng(scenario.seed, 'gitlab-project', slug.toLowerCase()).int(1_000, 99_999);
    while (taken.has(id)) id++;
    taken.add(id);
    ids.set(slug, id);
  }
  return ids;
}
