import { fireEvent, screen, within } from '@testing-library/react';

/** The button of the select with this test id: what a user sees and presses. */
export const selectButton = (testId: string) => within(screen.getByTestId(testId)).getByRole('button');

/** Picks a choice by its label, as a user does: open the select, press the option. */
export async function choose(testId: string, label: string) {
  fireEvent.click(selectButton(testId));
  fireEvent.click(await screen.findByRole('option', { name: label }));
}

/** The labels a select offers, read from its open list (closed again after). */
export async function choicesOf(testId: string): Promise<string[]> {
  fireEvent.click(selectButton(testId));
  const labels = (await screen.findAllByRole('option')).map(o => o.textContent ?? '');
  fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
  return labels;
}
