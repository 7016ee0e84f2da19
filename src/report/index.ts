export { formatTable, type Align } from './table.js';
export { monthlyCash, type MonthlyCashRow, type DailyLedger } from './monthly-cash.js';
export { describeSpan } from './duration.js';
export { forecastReport } from './forecast-report.js';
