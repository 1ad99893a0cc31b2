import type { SourceEntity } from './context';

/**
 * The host of the entity's `backstage.io/source-location` when an integration exists for it (GitHub
 * Enterprise, self-managed GitLab), else the fallback.
 * @public
 */
export function sourceHostOf(entity: SourceEntity, hasIntegration: (host: string) => boolean, fallback: string): string {
  const location = entity.annotations['backstage.io/source-location']?.replace(/^url:/, '');
  if (location) {
    try {
      const host = new URL(location).host;
      if (hasIntegration(host)) return host;
    } catch {
      // not a URL: use the fallback
    }
  }
  return fallback;
}
