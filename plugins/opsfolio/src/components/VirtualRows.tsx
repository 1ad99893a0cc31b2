import { Fragment, useState, type CSSProperties, type ReactNode } from 'react';

export interface VirtualRowsProps<T> {
  rows: T[];
  /** Every row is this tall (px): fixed heights make the window a division, not a measurement. */
  rowHeight: number;
  /** The scroll container's height (px); shorter lists get a shorter container. */
  maxHeight: number;
  /** Rows rendered above and below the visible ones, so fast scrolling does not flash blank rows. */
  overscan?: number;
  rowKey: (row: T, index: number) => string;
  renderRow: (row: T, index: number, style: CSSProperties) => ReactNode;
  /** Shown above the rows, outside the scroll container (e.g. column headings). */
  header?: ReactNode;
  'data-testid'?: string;
}

/** Which rows are in view (plus overscan) at a scroll offset; exported for its test. */
export function visibleRange(count: number, rowHeight: number, height: number, scrollTop: number, overscan: number) {
  // The browser clamps scrollTop when the list shrinks, but the scroll event comes after the render.
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - height));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  return { first, last };
}

/**
 * A fixed-row-height windowed list: only the rows in view plus `overscan` are in the DOM, positioned inside a
 * spacer as tall as every row, so thousands of rows scroll as fast as a few dozen.
 */
export function VirtualRows<T>(props: VirtualRowsProps<T>) {
  const { rows, rowHeight, overscan = 5 } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const total = rows.length * rowHeight;
  const height = Math.min(props.maxHeight, total);
  const { first, last } = visibleRange(rows.length, rowHeight, height, scrollTop, overscan);
  const windowed: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    windowed.push(
      <Fragment key={props.rowKey(rows[i], i)}>
        {props.renderRow(rows[i], i, { position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight })}
      </Fragment>,
    );
  }
  return (
    <div role="table" aria-rowcount={rows.length + (props.header ? 1 : 0)} data-testid={props['data-testid']}>
      {props.header}
      <div
        // Focusable so keyboard users can scroll it.
        tabIndex={0}
        role="rowgroup"
        data-testid="opsfolio-virtual-rows-viewport"
        style={{ height, overflowY: 'auto', position: 'relative' }}
        onScroll={e => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: total, position: 'relative' }}>{windowed}</div>
      </div>
    </div>
  );
}
