export { dayFromCivil, civilFromDay, isLeapYear, daysInMonth, parseDay, tryParseDay, isIsoDate, formatDay, MIN_DAY, MAX_DAY, type Day, type Civil } from './day.js';
export { addMonths, startOfMonth, endOfMonth, isoWeekday, monthKey } from './months.js';
export { DAY_COUNTS, days30360, yearFraction, dayBasis, dayWeight, type DayCount } from './day-count.js';
