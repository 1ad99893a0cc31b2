import { screen } from '@testing-library/react';
import { cost, renderCard } from './testing/renderCostCard';

describe('EntityCostCard under a policy that denies opsfolio.cost.read', () => {
  it('hides cost, without an error and without asking for it', async () => {
    const getEntityCost = vi.fn(async () => cost);
    await renderCard(false, { getEntityCost });
    expect(await screen.findByText(/your permission policy does not allow opsfolio.cost.read/)).toBeInTheDocument();
    expect(getEntityCost).not.toHaveBeenCalled();
  });
});
