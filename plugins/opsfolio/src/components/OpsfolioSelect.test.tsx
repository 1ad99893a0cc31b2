import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { OpsfolioSelect } from './OpsfolioSelect';

function Owner(props: { onChange: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <OpsfolioSelect
      label="Owner"
      value={value}
      choices={[
        { value: '', label: 'Every owner' },
        { value: 'group:default/payments', label: 'Payments' },
        { value: 'group:default/search', label: 'Search' },
      ]}
      onChange={v => {
        setValue(v);
        props.onChange(v);
      }}
      data-testid="owner"
    />
  );
}

describe('OpsfolioSelect', () => {
  it('shows the choice, opens its list from the button, and gives back the value picked', async () => {
    const changes: string[] = [];
    await renderInTestApp(<Owner onChange={v => changes.push(v)} />);
    const trigger = within(screen.getByTestId('owner')).getByRole('button');
    expect(trigger).toHaveTextContent('Every owner');
    fireEvent.click(trigger);
    fireEvent.click(await screen.findByRole('option', { name: 'Search' }));
    await waitFor(() => expect(trigger).toHaveTextContent('Search'));
    fireEvent.click(trigger);
    fireEvent.click(await screen.findByRole('option', { name: 'Every owner' }));
    await waitFor(() => expect(trigger).toHaveTextContent('Every owner'));
    expect(changes).toEqual(['group:default/search', '']);
  });
});
