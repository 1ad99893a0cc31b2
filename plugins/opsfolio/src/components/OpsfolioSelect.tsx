import { Select } from '@backstage/ui';
import type { CSSProperties } from 'react';

/** What "no choice" is called inside the select: react-aria's collections want a non-empty key. */
const NONE = '\u0000none';

export interface SelectChoice {
  value: string;
  label: string;
}

/**
 * A filter or picker: Backstage UI's select (react-aria: a button that opens a list box, type-ahead on the
 * focused button) over string values, where `''` is the "every"/"any" choice the caller may list first. A fixed
 * width by default, so that a row of filters lines up and one alone on a line does not stretch across it.
 */
export function OpsfolioSelect(props: {
  label: string;
  value: string;
  choices: SelectChoice[];
  onChange: (value: string) => void;
  'data-testid'?: string;
  style?: CSSProperties;
}) {
  const options = props.choices.map(c => ({ id: c.value === '' ? NONE : c.value, label: c.label }));
  return (
    <Select
      label={props.label}
      options={options}
      selectedKey={props.value === '' ? NONE : props.value}
      onSelectionChange={key => props.onChange(key === NONE || key === null ? '' : String(key))}
      data-testid={props['data-testid']}
      style={{ width: 180, ...props.style }}
    />
  );
}
