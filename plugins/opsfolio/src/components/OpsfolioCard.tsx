import { ButtonLink, Card, CardBody, CardFooter, CardHeader, Flex, Text } from '@backstage/ui';
import type { ReactNode } from 'react';
import { PaletteScope } from './PaletteScope';

/**
 * Every Opsfolio card and tab section: Backstage UI's card with a title, an optional line under it, an action
 * (a select or a button) on the right, and an optional link at the foot. Full height, as the entity page's grid
 * lines cards up in rows.
 */
export function OpsfolioCard(props: {
  title: ReactNode;
  subheader?: ReactNode;
  action?: ReactNode;
  /** A link to a page with more, e.g. "Every team's cost" to /opsfolio/cost. */
  deepLink?: { title: string; link: string };
  'data-testid'?: string;
  children: ReactNode;
}) {
  return (
    <PaletteScope>
      <Card style={{ height: '100%' }} data-testid={props['data-testid']}>
        <CardHeader>
          <Flex justify="between" align="start" gap="2">
            <div>
              <Text as="h2" variant="title-x-small" weight="bold">
                {props.title}
              </Text>
              {props.subheader && (
                <Text as="p" variant="body-small" color="secondary">
                  {props.subheader}
                </Text>
              )}
            </div>
            {props.action}
          </Flex>
        </CardHeader>
        <CardBody>{props.children}</CardBody>
        {props.deepLink && (
          <CardFooter>
            <ButtonLink variant="tertiary" href={props.deepLink.link}>
              {props.deepLink.title}
            </ButtonLink>
          </CardFooter>
        )}
      </Card>
    </PaletteScope>
  );
}
