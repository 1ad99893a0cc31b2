import { usePalette } from './usePalette';

/** A determinate bar (BUI has none): `value` of 100, with its label for screen readers. */
export function ProgressBar(props: { value: number; label: string }) {
  const palette = usePalette();
  const value = Math.max(0, Math.min(100, Math.round(props.value)));
  return (
    <div
      role="progressbar"
      aria-label={props.label}
      aria-valuenow={value}
      aria-valuemin={0}
      aria-valuemax={100}
      style={{ height: 6, borderRadius: 3, background: 'var(--bui-border-1)', overflow: 'hidden' }}
    >
      <div style={{ width: `${value}%`, height: '100%', background: palette.tone.info }} />
    </div>
  );
}
