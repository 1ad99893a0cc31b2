import { Box, Text } from '@backstage/ui';
import { Fragment, type ReactNode } from 'react';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/**
 * The one empty state of every Opsfolio card: what is missing and exactly what to add.
 */
export function PillarEmptyState(props: { title: string; fix?: string[]; children?: ReactNode }) {
  const { t } = useOpsfolioText();
  return (
    <Box data-testid="opsfolio-empty-state">
      <Text
        as="p"
        variant="body-large"
        style={{ marginBottom: 'var(--bui-space-2)' }}
        data-testid="opsfolio-empty-state-title"
      >
        {props.title}
      </Text>
      {props.fix && props.fix.length > 0 && (
        <Text as="p" color="secondary">
          {t('common.emptyState.addAnnotation', {
            names: (
              <>
                {props.fix.map((name, i) => (
                  <Fragment key={name}>
                    {i > 0 && t('common.emptyState.or')}
                    <code>{name}</code>
                  </Fragment>
                ))}
              </>
            ),
            file: <code>catalog-info.yaml</code>,
          })}
        </Text>
      )}
      {props.children && (
        <Text as="div" color="secondary">
          {props.children}
        </Text>
      )}
    </Box>
  );
}
