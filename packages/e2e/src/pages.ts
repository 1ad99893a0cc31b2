import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where an app runs (the demo's dev servers, or a built app served by its backend) and where screenshots go. */
export interface AppUnderTest {
  appUrl: string;
  backendUrl: string;
  screenshots: string;
  /** A service token: /health shows its sources only to signed-in callers. */
  token: string;
}

/** Page helpers shared by the demo's browser test and the install test. */
export function pageHelpers({ appUrl, backendUrl, screenshots, token }: AppUnderTest) {
  const health = () => fetch(`${backendUrl}/api/opsfolio/health`, { headers: { Authorization: `Bearer ${token}` } });

  /**
   * Opens a component page as a guest. The catalog ingests the example files shortly after start, so a page
   * opened too early says the entity is missing: reload until the Opsfolio cards are there.
   */
  async function openEntityPage(target: Page, name: string, kind = 'component') {
    await target.goto(`${appUrl}/catalog/default/${kind}/${name}`);
    const deadline = Date.now() + 180_000;
    for (;;) {
      try {
        await target.getByTestId(kind === 'group' ? 'opsfolio-card-team-oncall' : 'opsfolio-card-ownership').waitFor({ timeout: 20_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          await target.screenshot({ path: join(screenshots, `${name}-failed.png`), fullPage: true });
          throw error;
        }
        await target.reload();
      }
    }
  }

  /** Waits until each source has finished a sync without error, as /health reports it. */
  async function waitForFirstSync(sourceIds: string[], timeoutMs = 240_000) {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      last = await (await health()).json();
      const sources = (last as { sources: Array<{ id: string; lastSuccessAt?: string }> }).sources;
      if (sourceIds.every(id => sources.find(s => s.id === id)?.lastSuccessAt)) return;
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
    throw new Error(`No successful sync of ${sourceIds.join(', ')} in time: ${JSON.stringify(last)}`);
  }

  /**
   * Reloads until `ready` holds: a sync that ran before the catalog had read the example files had nothing to
   * do, and the data arrives with the next run (every 2 minutes in the demo).
   */
  async function untilShown(target: Page, ready: () => Promise<boolean>, what: string, timeoutMs = 240_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // The page renders after a reload: keep asking for a while before reloading again.
      for (const settle = Date.now() + 15_000; Date.now() < settle; ) {
        if (await ready().catch(() => false)) return;
        await new Promise(resolve => setTimeout(resolve, 1000));
      }
      if (Date.now() > deadline) {
        await target.screenshot({ path: join(screenshots, `${what.replace(/\W+/g, '-')}-failed.png`), fullPage: true });
        // What the backend had done by then: which syncs and evaluations ran, and how they ended.
        const sources = await health().then(r => r.text()).catch(e => String(e));
        throw new Error(`${what} did not show in time; /health: ${sources}`);
      }
      await target.reload();
    }
  }

  /** Signs in with the guest provider; the session survives reloads. */
  async function signInAsGuest(target: Page) {
    await target.goto(appUrl);
    const enter = target.getByRole('button', { name: /enter/i });
    await enter.click({ timeout: 120_000 });
    // Signed in once the sign-in page has gone: navigating earlier would drop the session being set up.
    await enter.waitFor({ state: 'detached', timeout: 60_000 });
  }

  return { openEntityPage, waitForFirstSync, untilShown, signInAsGuest };
}
