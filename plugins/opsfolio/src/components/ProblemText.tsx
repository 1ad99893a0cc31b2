import { Text } from '@backstage/ui';
import type { HTMLAttributes, ReactNode } from 'react';
import { usePalette } from './usePalette';

/**
 * A line about something wrong (a gap in the rota, a tag that cannot be used), in the palette's "bad" tone: BUI's
 * danger text falls short of 4.5:1 on a light card.
 */
export function ProblemText(props: { children: ReactNode; small?: boolean } & Omit<HTMLAttributes<HTMLElement>, 'color'>) {
  const { children, small, style, ...rest } = props;
  const palette = usePalette();
  return (
    <Text as={small ? 'span' : 'p'} variant={small ? 'body-small' : 'body-medium'} {...rest} style={{ color: palette.tone.bad, ...style }}>
      {children}
    </Text>
  );
}
