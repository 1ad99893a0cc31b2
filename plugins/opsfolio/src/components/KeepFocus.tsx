import type { ReactNode } from 'react';

/**
 * A control inside one of Backstage UI's tables keeps the focus it is given. The table is a react-aria grid: focus
 * that comes from outside it goes to the row, so a button focused directly (a screen reader's or voice control's
 * jump, a test's `focus()`) would lose it and Enter would do nothing. Arrow keys from the row still reach it.
 */
export function KeepFocus(props: { children: ReactNode }) {
  return (
    <span style={{ display: 'contents' }} onFocus={e => e.stopPropagation()}>
      {props.children}
    </span>
  );
}
