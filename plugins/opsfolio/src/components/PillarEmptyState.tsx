import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { Fragment, type ReactNode } from 'react';

/**
 * The one empty state of every Opsfolio card: what is missing and exactly what to add.
 */
export function PillarEmptyState(props: { title: string; fix?: string[]; children?: ReactNode }) {
  return (
    <Box data-testid="opsfolio-empty-state">
      <Typography variant="subtitle1" gutterBottom data-testid="opsfolio-empty-state-title">
        {props.title}
      </Typography>
      {props.fix && props.fix.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Add{' '}
          {props.fix.map((name, i) => (
            <Fragment key={name}>
              {i > 0 && ' or '}
              <code>{name}</code>
            </Fragment>
          ))}{' '}
          to this entity&apos;s <code>catalog-info.yaml</code>.
        </Typography>
      )}
      {props.children && (
        <Typography variant="body2" color="textSecondary" component="div">
          {props.children}
        </Typography>
      )}
    </Box>
  );
}
