import { Container, PluginHeader, Text } from '@backstage/ui';
import type { ReactNode } from 'react';
import { PaletteScope } from './PaletteScope';

/**
 * An Opsfolio page in either frontend system: Backstage UI's plugin header (the page blueprints set `noHeader`,
 * so the app's layout draws none of its own) and what the page is for, above its content.
 */
export function OpsfolioPage(props: {
  title: string;
  description: string;
  icon: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <>
      <PluginHeader title={props.title} icon={props.icon} />
      <Container my="4">
        <PaletteScope>
          <Text as="p" color="secondary" style={{ marginBottom: 'var(--bui-space-4)' }}>
            {props.description}
          </Text>
          <div data-testid={props.testId}>{props.children}</div>
        </PaletteScope>
      </Container>
    </>
  );
}
