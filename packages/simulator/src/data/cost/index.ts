// The daily cost model Cost Explorer serves: per spender, AWS service and UTC day (model.ts), from a
// monthly level with trend, weekday and noise (level.ts), a step after a deploy (jump.ts), and what is
// reported and still estimated at `now` (reporting.ts).

export { costModel, UNTAGGED_POOL, type CostLine, type CostModel } from './model';
export { dayString, daysInMonth, monthStart, parseDay } from './days';
export { jumpDay } from './jump';
export { dailyLevel, weekdayFactor,   } from './level';
export { isEstimated, reportedShare } from './reporting';
