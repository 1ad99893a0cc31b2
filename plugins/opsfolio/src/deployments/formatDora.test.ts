import type { DoraFigure } from '@opsfolio/backstage-plugin-common';
import { englishText } from '../translation/testing/englishText';
import { formatDoraValue } from './formatDora';

const figure = (unit: DoraFigure['unit'], value: number | null): DoraFigure => ({
  metric: 'leadTime',
  unit,
  value,
  sampleSize: 5,
  enoughData: value !== null,
  explanation: '',
  definition: '',
});

describe('formatDoraValue', () => {
  it.each([
    [figure('deploysPerDay', 3.25), '3.3 a day'],
    [figure('deploysPerDay', 2 / 7), '2 a week'],
    [figure('deploysPerDay', 1 / 30), '1 a month'],
    [figure('deploysPerDay', 0), 'None'],
    [figure('hours', 0.5), '30 min'],
    [figure('hours', 26.04), '26 h'],
    [figure('hours', 72), '3 days'],
    [figure('ratio', 0.125), '12.5%'],
    [figure('ratio', null), 'Not enough data'],
  ])('%o reads %s', (f, text) => expect(formatDoraValue(englishText(), f)).toBe(text));
});
