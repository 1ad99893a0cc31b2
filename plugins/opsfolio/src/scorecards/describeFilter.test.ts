import { englishText } from '../translation/testing/englishText';
import { describeFilter } from './describeFilter';

describe('describeFilter', () => {
  it.each([
    [{}, 'entities'],
    [{ kind: ['Component'] }, 'components'],
    [{ kind: ['Component', 'API'], type: ['service', 'website'] }, 'components or APIs of type service or website'],
    [{ kind: ['Component'], lifecycle: ['production'], tier: ['1', '2'] }, 'components with lifecycle production and tier 1 or 2'],
  ])('%o covers %s', (filter, expected) => expect(describeFilter(englishText().t, filter)).toBe(expected));
});
