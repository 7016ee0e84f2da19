export { escapeXml, px } from './text.js';
export { moneyAxis, moneyLabel, dateTicks, dateLabel, type MoneyAxis, type DateTick } from './scale.js';
export { downsampleIndices } from './downsample.js';
export { timeSeriesSvg, type TimeSeriesChart, type ChartLine, type ChartArea, type ChartRule, type ChartBands, type SvgChartOptions } from './time-series.js';
export { barChartSvg, type BarChart, type BarMeasure } from './bars.js';
export { cashCurveSvg, facilitySvg, fanChartSvg, termsBarsSvg, SVG_COLOURS, type TitledSvgOptions, type SvgFanBands, type SvgTermsRow } from './charts.js';
