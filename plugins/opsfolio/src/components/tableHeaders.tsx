import { Column, VisuallyHidden } from '@backstage/ui';
import type { CSSProperties } from 'react';

/** Amounts and counts sit on the right of their cells, under a `numeric` header. */
export const NUMERIC: CSSProperties = { textAlign: 'right' };

/**
 * A `header` for a BUI `ColumnConfig`. BUI's table lays out fixed, so `width` (e.g. `'30%'`) is the column's share
 * and the others split the rest. `numeric` puts the label on the right, over right-aligned figures (the label sits
 * in a flex row the cell's text-align does not move, so the row runs right to left; the label itself stays left to
 * right). `hidden` keeps the label for screen readers only, for short lists that showed no header row; with no
 * label either, the header row has no height (tables whose rows read as sentences).
 */
export function columnHeader(
  id: string,
  label: string,
  options: { width?: string; numeric?: boolean; hidden?: boolean; isRowHeader?: boolean } = {}
) {
  const { width, numeric, hidden, isRowHeader } = options;
  const style: CSSProperties = {
    width,
    direction: numeric ? 'rtl' : undefined,
    ...(hidden ? { paddingTop: 0, paddingBottom: 0 } : {}),
    ...(hidden && !label ? { padding: 0 } : {}),
  };
  let content;
  if (!label) content = null;
  else if (hidden) content = <VisuallyHidden>{label}</VisuallyHidden>;
  else if (numeric) content = <span dir="ltr">{label}</span>;
  else content = label;
  return () => (
    <Column id={id} isRowHeader={isRowHeader} style={style}>
      {content}
    </Column>
  );
}
