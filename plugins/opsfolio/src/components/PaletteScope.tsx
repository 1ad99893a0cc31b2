import type { CSSProperties, ReactNode } from 'react';
import { usePalette } from './usePalette';

/**
 * Sets BUI's secondary text colour to the palette's for everything inside: on a dark card BUI's own grey misses
 * WCAG AA. A `display: contents` box, so it changes no layout.
 */
export function PaletteScope(props: { children: ReactNode }) {
  const palette = usePalette();
  const style = { display: 'contents', '--bui-fg-secondary': palette.secondaryText } as CSSProperties;
  return <div style={style}>{props.children}</div>;
}
