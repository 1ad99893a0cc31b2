import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { vi } from 'vitest';
import { CampaignBurnUpChart } from './CampaignBurnUpChart';
import { rollbackProgress } from './testing/campaignTestData';

/** jsdom lays nothing out: give the chart's container the size and the resize report a browser would. */
function withChartSize(width: number, height: number) {
  const spies = [
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width),
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height),
    vi
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue({
        width,
        height,
        top: 0,
        left: 0,
        right: width,
        bottom: height,
        x: 0,
        y: 0,
        toJSON: () => ({}),
      }),
  ];
  const original = globalThis.ResizeObserver;
  globalThis.ResizeObserver = class {
    constructor(private readonly report: ResizeObserverCallback) {}
    observe(target: Element) {
      this.report([{ target, contentRect: { width, height } } as unknown as ResizeObserverEntry], this);
    }
    unobserve() {}
    disconnect() {}
  };
  return () => {
    spies.forEach(s => s.mockRestore());
    globalThis.ResizeObserver = original;
  };
}

describe('CampaignBurnUpChart', () => {
  it('draws done against in scope up to the target date, with a dot per milestone and the target marked', async () => {
    const restore = withChartSize(800, 280);
    try {
      await renderInTestApp(<CampaignBurnUpChart progress={rollbackProgress} />);
      const chart = await screen.findByTestId('opsfolio-campaign-burnup');
      expect(chart.querySelectorAll('.recharts-area')).toHaveLength(1);
      expect(chart.querySelectorAll('.recharts-line')).toHaveLength(1);
      // The three milestones fall between the first snapshot (Jan 1) and the target date (Jan 31), so all are drawn.
      expect(chart.querySelectorAll('.recharts-reference-dot')).toHaveLength(3);
      expect(chart.querySelectorAll('.recharts-reference-line')).toHaveLength(1);
    } finally {
      restore();
    }
  });

  it('says when there is no snapshot yet', async () => {
    await renderInTestApp(<CampaignBurnUpChart progress={{ ...rollbackProgress, burnUp: [] }} />);
    expect(screen.getByTestId('opsfolio-campaign-burnup')).toHaveTextContent(
      'No daily snapshots yet: the burn-up starts after the first day of evaluations.',
    );
  });
});
