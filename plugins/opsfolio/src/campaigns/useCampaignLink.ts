import { useRouteRef } from '@backstage/core-plugin-api';
import { routeResolutionApiRef, useApiHolder } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { campaignsPageRouteRef, legacyCampaignsPageRouteRef } from './campaignsPageRouteRef';

type PageLink = () => string;

function useLegacyCampaignsPage(): PageLink | undefined {
  try {
    // Throws when the app mounts no campaigns page, or in the new frontend system; every hook inside runs before
    // it throws, so the hooks keep their order from one render to the next.
    return useRouteRef(legacyCampaignsPageRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * The path of a campaign's page, in either frontend system; undefined where the app has not mounted the campaigns
 * page, so that callers show the campaign's title without a link rather than a link to nowhere.
 */
export function useCampaignLink(): ((campaignId: string) => string) | undefined {
  const { pathname } = useLocation();
  // Only the new frontend system has the route resolution API.
  const resolution = useApiHolder().get(routeResolutionApiRef);
  const legacy = useLegacyCampaignsPage();
  const page = useMemo((): PageLink | undefined => {
    if (!resolution) return legacy;
    try {
      return resolution.resolve(campaignsPageRouteRef, { sourcePath: pathname });
    } catch {
      return undefined;
    }
  }, [resolution, legacy, pathname]);
  return useMemo(
    () => (page ? (campaignId: string) => `${page()}/${encodeURIComponent(campaignId)}` : undefined),
    [page]
  );
}
