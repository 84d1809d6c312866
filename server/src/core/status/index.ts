/** The status model of a release page and its HTML rendering (preview panel and `report`). */
export { buildStatus, ymdOf, type StatusOptions } from './build';
export { renderDashboard, renderHeader, renderReport, renderSummary, type ReportOptions } from './render';
export { renderAttention, renderCriteria, renderFeatureTable, renderPlan, renderProblems, type RenderOptions } from './render-sections';
export { renderTimeline } from './render-timeline';
export { esc } from './html';
export * from './types';
export * from './view';
