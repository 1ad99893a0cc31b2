import { fireEvent, render, screen } from '@testing-library/react';
import { VirtualRows, visibleRange } from './VirtualRows';

const rows = Array.from({ length: 10_000 }, (_, i) => `row ${i}`);

function renderList() {
  return render(
    <VirtualRows
      rows={rows}
      rowHeight={40}
      maxHeight={400}
      overscan={5}
      rowKey={r => r}
      renderRow={(r, _i, style) => (
        <div role="row" style={style} data-testid="row">
          {r}
        </div>
      )}
    />,
  );
}

const shown = () => screen.getAllByTestId('row').map(r => r.textContent);

describe('VirtualRows', () => {
  it('puts only the rows in view plus the overscan of 10,000 in the DOM', () => {
    renderList();
    // 400 px / 40 px = 10 rows in view, 5 more below; none above the first.
    expect(shown()).toEqual(rows.slice(0, 15));
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '10000');
    const viewport = screen.getByTestId('opsfolio-virtual-rows-viewport');
    expect(viewport.style.height).toBe('400px');
    // The spacer keeps the scrollbar as long as all rows.
    expect((viewport.firstChild as HTMLElement).style.height).toBe('400000px');
  });

  it('moves the window when scrolled, keeping each row at its offset', () => {
    renderList();
    const viewport = screen.getByTestId('opsfolio-virtual-rows-viewport');
    fireEvent.scroll(viewport, { target: { scrollTop: 5_000 * 40 } });
    expect(shown()).toEqual(rows.slice(4_995, 5_015));
    expect(screen.getByText('row 5000').style.top).toBe('200000px');
    fireEvent.scroll(viewport, { target: { scrollTop: 10_000 * 40 } });
    expect(shown()).toEqual(rows.slice(9_985, 10_000));
  });

  it('shrinks the container to a short list', () => {
    render(<VirtualRows rows={['a', 'b']} rowHeight={40} maxHeight={400} rowKey={r => r} renderRow={(r, _i, style) => <div style={style}>{r}</div>} />);
    expect(screen.getByTestId('opsfolio-virtual-rows-viewport').style.height).toBe('80px');
    expect(screen.getByText('b')).toBeInTheDocument();
  });

  it('clamps an offset left over from a longer list', () => {
    expect(visibleRange(20, 40, 400, 100_000, 2)).toEqual({ first: 8, last: 20 });
    expect(visibleRange(0, 40, 0, 0, 5)).toEqual({ first: 0, last: 0 });
  });
});
