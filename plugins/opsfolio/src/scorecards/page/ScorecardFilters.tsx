import { parseEntityRef } from '@backstage/catalog-model';
import type { ScorecardLevel } from '@opsfolio/backstage-plugin-common';
import type { ScorecardOverviewQuery } from '../../api/OpsfolioApi';
import { ENTITY_FILTERS, type FilterOptions } from './filterOptions';
import { NO_LEVEL } from './levelColors';
import type { QueryKey } from './useOverviewQuery';
import { Button, Flex } from '@backstage/ui';
import { useOpsfolioText } from '../../translation/useOpsfolioText';
import { OpsfolioSelect } from '../../components/OpsfolioSelect';

interface Choice {
  value: string;
  label: string;
}

function FilterSelect(props: {
  name: QueryKey;
  label: string;
  value?: string;
  choices: Choice[];
  labelOf?: (value: string) => string;
  onChange: (value: string) => void;
}) {
  const { value, labelOf = (v: string) => v } = props;
  const { t } = useOpsfolioText();
  // A value from a shared link may not be among the choices seen yet; it still has to show as selected.
  const choices =
    value && !props.choices.some(c => c.value === value)
      ? [{ value, label: labelOf(value) }, ...props.choices]
      : props.choices;
  return (
    <OpsfolioSelect
      label={props.label}
      value={value ?? ''}
      choices={[{ value: '', label: t('readinessPage.filters.any') }, ...choices]}
      onChange={props.onChange}
      data-testid={`opsfolio-scorecards-filter-${props.name}`}
      style={{ margin: '0 16px 16px 0' }}
    />
  );
}

/** A team's title, else the name in an entity ref; values that are not refs as they are. */
const refLabel = (titles: Record<string, string>) => (ref: string) => {
  if (titles[ref]) return titles[ref];
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
};

/** One select per filter of the overview; each change goes to the URL, which the page reads back. */
export function ScorecardFilters(props: {
  query: ScorecardOverviewQuery;
  options: FilterOptions;
  /** The shown scorecard's levels; undefined before the first response. */
  levels?: ScorecardLevel[];
  onChange: (changes: Partial<Record<QueryKey, string>>) => void;
  onClear: () => void;
}) {
  const { query, options } = props;
  const { t } = useOpsfolioText();
  const noLevel = t('readinessPage.noLevel');
  const active = ENTITY_FILTERS.some(f => query[f.key]) || Boolean(query.level);
  const levelChoices = props.levels
    ? [{ value: NO_LEVEL, label: noLevel }, ...props.levels.map(l => ({ value: l.id, label: l.title }))]
    : [];
  return (
    <Flex align="center" gap="0" style={{ flexWrap: 'wrap' }} data-testid="opsfolio-scorecards-filters">
      {ENTITY_FILTERS.map(f => {
        const labelOf =
          f.key === 'owner' ? refLabel(options.ownerTitles) : f.key === 'system' ? refLabel({}) : undefined;
        return (
          <FilterSelect
            key={f.key}
            name={f.key}
            label={t(f.label)}
            value={query[f.key]}
            choices={options.values[f.key].map(v => ({ value: v, label: labelOf ? labelOf(v) : v }))}
            labelOf={labelOf}
            onChange={v => props.onChange({ [f.key]: v })}
          />
        );
      })}
      <FilterSelect
        name="level"
        label={t('readinessPage.filters.level')}
        value={query.level}
        choices={levelChoices}
        labelOf={id => (id === NO_LEVEL ? noLevel : id)}
        onChange={v => props.onChange({ level: v })}
      />
      {active && (
        <Button variant="tertiary" onPress={props.onClear} style={{ marginBottom: 16 }}>
          {t('readinessPage.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
