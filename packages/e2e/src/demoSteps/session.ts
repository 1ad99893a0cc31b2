import type { Page } from 'playwright-core';
import { APP_URL, BACKEND_URL } from '../demo';
import { pageHelpers } from '../pages';
import { guestToken as guestTokenOf } from '../security/operations';

export const SCREENSHOTS = new URL('../../test-results/', import.meta.url).pathname;
/** Where the README's light and dark screenshots live: written by the browser test, so they stay current. */
export const README_SCREENSHOTS = new URL('../../../../docs/screenshots/', import.meta.url).pathname;
export const CI_TOKEN = 'opsfolio-demo-ci-token';
export const { openEntityPage, waitForFirstSync, untilShown } = pageHelpers({
  appUrl: APP_URL,
  backendUrl: BACKEND_URL,
  screenshots: SCREENSHOTS,
  token: CI_TOKEN,
});
export const PILLARS = ['ownership', 'deployments', 'oncall', 'cost', 'scorecards'];
/** The demo's GitLab projects (`gitlab.com/project-slug` in examples/catalog). */
export const GITLAB_PROJECTS = 5;

/** A guest's Backstage token, as the app gets it when a guest signs in. */
export const guestToken = () => guestTokenOf(BACKEND_URL);

/** What every step shares: the one demo the test file starts, and the signed-in browser page. */
export interface DemoSession {
  page: Page;
}
