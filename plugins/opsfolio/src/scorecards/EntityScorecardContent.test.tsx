import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntityScorecardsResponse } from '@opsfolio/backstage-plugin-common';
import { vi } from 'vitest';
import { EntityScorecardContent } from './EntityScorecardContent';
import { daysAgo, paymentsHistory, paymentsReadiness } from './testing/scorecardTestData';
import { renderOnEntityPage } from './testing/renderScorecards';

const renderTab = (history = paymentsHistory) => {
  const getScorecardHistory = vi.fn(async () => history);
  return renderOnEntityPage(<EntityScorecardContent />, {
    getEntityScorecards: async () => ({ entityRef: 'component:default/payments-api', scorecards: [paymentsReadiness] }),
    getScorecardHistory,
  }).then(() => getScorecardHistory);
};

/** The answer of "Evaluate now": the second escalation level is back, so the entity is Silver again. */
const reevaluated: EntityScorecardsResponse = {
  entityRef: 'component:default/payments-api',
  scorecards: [
    {
      ...paymentsReadiness,
      level: { id: 'silver', title: 'Silver' },
      results: paymentsReadiness.results.map(r =>
        r.checkId === 'escalation-levels' ? { ...r, state: 'pass' as const, value: 2, reason: '2 escalation levels (needs >= 2)', since: daysAgo(0) } : r,
      ),
      evaluatedAt: daysAgo(0),
    },
  ],
};

/** A promise the test settles, to look at the tab while the evaluation runs. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const renderWithEvaluation = async (refresh: () => Promise<EntityScorecardsResponse>) => {
  const api = {
    getEntityScorecards: vi.fn(async () => ({ entityRef: 'component:default/payments-api', scorecards: [paymentsReadiness] })),
    getScorecardHistory: vi.fn(async () => paymentsHistory),
    refreshEntityScorecards: vi.fn(refresh),
  };
  await renderOnEntityPage(<EntityScorecardContent />, api);
  await screen.findAllByTestId('opsfolio-check-row');
  await screen.findByTestId('opsfolio-level-changes');
  return api;
};

const cellsOf = (checkId: string) => {
  const row = screen.getAllByTestId('opsfolio-check-row').find(r => r.dataset.check === checkId)!;
  // Backstage UI's tables are grids: a row's first cell is its row header.
  return Array.from(row.querySelectorAll<HTMLElement>('[role="gridcell"], [role="rowheader"]'));
};
const rowOf = (checkId: string) => cellsOf(checkId).map(c => c.textContent);

describe('EntityScorecardContent', () => {
  it('lists every check under its level, lowest first, with value, threshold, evidence, data age and since', async () => {
    await renderTab();
    const levels = await screen.findAllByTestId('opsfolio-level-row');
    expect(levels.map(l => l.textContent)).toEqual([
      'Bronze: 2 of 2 checks count as passing',
      'Silver: 0 of 3 checks count as passing',
      'Gold: 0 of 1 checks count as passing',
    ]);
    expect(screen.getAllByTestId('opsfolio-check-row').map(r => r.dataset.check)).toEqual([
      'has-owner',
      'runbook',
      'escalation-levels',
      'dora-band',
      'cost-tagged',
      'mtta',
    ]);
    const [check, state, value, evidence, age, since] = rowOf('escalation-levels');
    expect(check).toContain('Escalation levels');
    expect(check).toContain('The escalation policy pages someone else');
    expect(check).toContain('Fix: Add a second level to the escalation policy.');
    expect(state).toBe('fail');
    expect(value).toBe('1needs >= 2');
    expect(evidence).toBe('1 escalation level (needs >= 2)');
    expect(age).toBe('2 hours ago');
    expect(since).toBe('failing since 3 days ago');
    expect(rowOf('has-owner').slice(1, 6)).toEqual(['pass', 'yesneeds = yes', 'Owned by group:default/team-payments', '—', 'passing since 40 days ago']);
    expect(rowOf('dora-band').slice(1, 5)).toEqual(['not reported', '—needs in elite, high', 'No deployment source reports this entity', '—']);
    expect(rowOf('cost-tagged').slice(2, 5)).toEqual(['0.923needs >= 0.9', '92% of spend tagged (needs >= 0.9)', '5 days ago']);
    expect(rowOf('mtta')[2]).toBe('22.46needs <= 15');
  });

  it('shows the exemption with its reason, end and approver', async () => {
    await renderTab();
    await screen.findAllByTestId('opsfolio-check-row');
    const [, state, , , , since, exemption] = cellsOf('runbook');
    expect(state).toHaveTextContent('exempt');
    expect(since).toHaveTextContent('exempt since 10 days ago');
    expect(within(exemption).getByText('Runbook moves to the new wiki')).toBeInTheDocument();
    expect(within(exemption).getByText('until 2099-01-31, approved by ada.okafor')).toBeInTheDocument();
    expect(within(exemption).queryByText('expired')).not.toBeInTheDocument();
  });

  it('marks an expired exemption', async () => {
    const expired = {
      ...paymentsReadiness,
      results: paymentsReadiness.results.map(r =>
        r.checkId === 'runbook'
          ? { ...r, state: 'fail' as const, exemption: { ...r.exemption!, until: '2026-01-31', expired: true } }
          : r,
      ),
    };
    await renderOnEntityPage(<EntityScorecardContent />, {
      getEntityScorecards: async () => ({ entityRef: 'component:default/payments-api', scorecards: [expired] }),
      getScorecardHistory: async () => paymentsHistory,
    });
    await screen.findAllByTestId('opsfolio-check-row');
    const exemption = cellsOf('runbook')[6];
    expect(within(exemption).getByText('until 2026-01-31, approved by ada.okafor')).toBeInTheDocument();
    expect(within(exemption).getByText('expired')).toBeInTheDocument();
  });

  it('tells each change of level with the checks that caused it, newest first', async () => {
    const getScorecardHistory = await renderTab();
    const changes = await screen.findByTestId('opsfolio-level-changes');
    expect(within(changes).getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'Dropped from Silver to Bronze on Nov 15 because Escalation levels went fail (1 escalation level, needs >= 2)',
      'Rose from Bronze to Silver on Nov 12 because Cost is tagged went pass (93% of spend tagged (needs >= 0.9))',
    ]);
    expect(screen.getByTestId('opsfolio-level-history-chart')).toBeInTheDocument();
    expect(getScorecardHistory).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'payments-api' },
      'production-readiness',
      90,
    );
  });

  it('says there is no history yet instead of an error', async () => {
    await renderTab({ ...paymentsHistory, days: [], levelChanges: [] });
    expect(await screen.findByTestId('opsfolio-level-history-empty')).toHaveTextContent('No history yet');
    expect(screen.queryByTestId('opsfolio-level-history-chart')).not.toBeInTheDocument();
  });

  it('evaluates now on request: progress while it runs, then the new results and the history loaded again', async () => {
    const evaluation = deferred<EntityScorecardsResponse>();
    const api = await renderWithEvaluation(() => evaluation.promise);
    expect(screen.getByTestId('opsfolio-readiness-evaluated')).toHaveTextContent('Evaluated 14 minutes ago');
    expect(rowOf('escalation-levels')[1]).toBe('fail');
    expect(api.getScorecardHistory).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Evaluate now' }));
    const running = await screen.findByRole('button', { name: 'Evaluating…' });
    expect(running).toBeDisabled();
    expect(api.refreshEntityScorecards).toHaveBeenCalledWith({ kind: 'Component', namespace: 'default', name: 'payments-api' });
    // The results already on screen stay while it runs.
    expect(rowOf('escalation-levels')[1]).toBe('fail');

    evaluation.resolve(reevaluated);
    expect(await screen.findByRole('button', { name: 'Evaluate now' })).toBeEnabled();
    await waitFor(() => expect(rowOf('escalation-levels')[1]).toBe('pass'));
    expect(rowOf('escalation-levels')[3]).toBe('2 escalation levels (needs >= 2)');
    expect(screen.getByTestId('opsfolio-scorecard-level')).toHaveTextContent('Silver');
    expect(screen.getByTestId('opsfolio-readiness-evaluated')).toHaveTextContent('Evaluated just now');
    await waitFor(() => expect(api.getScorecardHistory).toHaveBeenCalledTimes(2));
    expect(await screen.findByTestId('opsfolio-level-changes')).toBeInTheDocument();
    expect(api.refreshEntityScorecards).toHaveBeenCalledTimes(1);
    expect(api.getEntityScorecards).toHaveBeenCalledTimes(1);
  });

  it('shows a failed evaluation inline and keeps the results it had', async () => {
    const api = await renderWithEvaluation(async () => Promise.reject(new Error('Request failed with 503 Service Unavailable')));
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not evaluate now: Request failed with 503 Service Unavailable');
    expect(screen.getByRole('button', { name: 'Evaluate now' })).toBeEnabled();
    expect(rowOf('escalation-levels')[1]).toBe('fail');
    expect(screen.getByTestId('opsfolio-level-changes')).toBeInTheDocument();
    expect(api.getScorecardHistory).toHaveBeenCalledTimes(1);

    // A second try that works clears the error.
    api.refreshEntityScorecards.mockImplementation(async () => reevaluated);
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate now' }));
    await waitFor(() => expect(rowOf('escalation-levels')[1]).toBe('pass'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
