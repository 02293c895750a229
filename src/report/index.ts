export { type BarValue, type ForestValue, type HistogramOptions, type Marker, type Panel, type PanelChartOptions, type PanelRow, type Segment, histogramSvg, niceTicks, panelChartSvg, stackedBarSvg } from './charts.ts';
export { type Dashboard, type DashboardFigures, type DashboardPeriod, dashboardFromCases, dashboardFromReport } from './dashboard.ts';
export { dashboardTable, renderDashboardPage, renderIndicatorsPage } from './dashboard-html.ts';
export { REPORT_DATA_FORMAT, type ReportData, type ScenarioParameters, type SimulationRun, describeDistribution, reportData, scenarioParameters } from './data.ts';
export { formatNumber, formatPercent, formatSigned } from './format.ts';
export { renderReport } from './html.ts';
export { LABELS, type Lang, type ReportLabels } from './labels.ts';
export { type LimitOnAxis, type ProcedureInfo, procedureInfo } from './procedure-info.ts';
export { type SpecLookup, readReportJson } from './read.ts';
