import type { CSSProperties, HTMLAttributes } from 'react';
import { textOn, type Tone } from './palette';
import { usePalette } from './usePalette';

/**
 * A small label chip: BUI's Badge and Tag have no colour, so statuses and levels are drawn with the palette.
 * Filled chips carry a verdict; outlined ones say there is nothing to judge. `color` (a `#rrggbb`, e.g. a
 * level's) overrides the tone.
 */
export function ToneChip(
  props: { label: string; tone?: Tone; color?: string; outlined?: boolean } & Omit<HTMLAttributes<HTMLSpanElement>, 'color'>,
) {
  const { label, tone = 'neutral', color, outlined, style, ...rest } = props;
  const palette = usePalette();
  const fill = color ?? palette.tone[tone];
  const look: CSSProperties = outlined
    ? { border: `1px solid ${fill}`, color: fill, background: 'transparent' }
    : { border: `1px solid ${fill}`, color: color ? textOn(color) : palette.onTone, background: fill };
  return (
    <span
      {...rest}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        height: 22,
        padding: '0 var(--bui-space-2)',
        borderRadius: 'var(--bui-radius-full)',
        fontSize: 'var(--bui-font-size-2)',
        lineHeight: 1,
        whiteSpace: 'nowrap',
        ...look,
        ...style,
      }}
    >
      {label}
    </span>
  );
}
