export { formatTable, type Align } from './table.js';
export { monthlyCash, type MonthlyCashRow } from './monthly-cash.js';
export { describeSpan } from './duration.js';
export { forecastReport } from './forecast-report.js';
export { cashCurveSpec, toVegaLite, facilitySpec, fanChartSpec, termsComparisonSpec, VEGA_LITE_SCHEMA, type VegaLiteSpec, type ChartOptions, type CurrencyChartOptions, type FanChartBands, type TermsComparisonRow } from './vega-lite.js';
export { monthlyFinance, sizedPlanReport, type MonthlyFinanceRow } from './sized-plan-report.js';
export { stressTable } from './stress-table.js';
export { htmlReport, type HtmlReportInput, type NamedSizedPlan } from './html-report.js';
export { cashCurveSvg, facilitySvg, fanChartSvg, termsBarsSvg, timeSeriesSvg, barChartSvg, downsampleIndices, escapeXml, moneyAxis, moneyLabel, dateTicks, SVG_COLOURS, type TitledSvgOptions, type SvgFanBands, type SvgTermsRow, type TimeSeriesChart, type ChartLine, type ChartArea, type ChartRule, type ChartBands, type SvgChartOptions, type BarChart, type BarMeasure, type MoneyAxis, type DateTick } from './svg/index.js';
