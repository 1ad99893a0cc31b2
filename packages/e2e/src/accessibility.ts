import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** An axe finding as the test reports it: the rule, its impact, what it asks, and where. */
export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core with the WCAG 2.1 A and AA rules on the parts of the page `include` selects (Opsfolio's own
 * cards and pages: Backstage's sidebar and header are not ours to fix) and returns the serious and critical
 * violations.
 */
export async function seriousViolations(page: Page, include: string[]): Promise<A11yViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const found = await page.evaluate(async selectors => {
    const present = selectors.filter(s => document.querySelector(s));
    if (present.length === 0) throw new Error(`none of ${selectors.join(', ')} is on the page`);
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run({ include: present.map(s => [s]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map(v => ({
      id: v.id as string,
      impact: v.impact as string,
      help: v.help as string,
      targets: (v.nodes as Array<{ target: string[] }>).slice(0, 5).map(n => n.target.join(' ')),
    }));
  }, include);
  return found.filter(v => v.impact === 'serious' || v.impact === 'critical');
}

/** Switches Backstage's theme as its settings page does (the `theme` key in local storage) and reloads. */
export async function switchTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(id => window.localStorage.setItem('theme', id), theme);
  await page.reload();
  await page.waitForFunction(mode => document.body.getAttribute('data-theme-mode') === mode, theme, { timeout: 30_000 });
}
