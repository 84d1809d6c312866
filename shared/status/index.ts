/**
 * The status view model: what the status preview, the code lens and `release-pages report` show of a
 * page, typed once here and imported by the server (which builds it), the CLI (which renders the report)
 * and the webview (which renders and filters it). Pure and free of the core: it imports only `shared/`.
 */
export * from './model';
export * from './view';
export { isPageStatus } from './validate';
export { renderDashboard, renderHeader, renderReport, renderSummary, type ReportOptions } from './render';
export { renderAttention, renderCriteria, renderFeatureTable, renderPlan, renderProblems, type RenderOptions } from './render-sections';
export { renderTimeline } from './render-timeline';
export { renderReleases } from './render-releases';
export { hasStatusValues, renderStatusValues, statusGroupName } from './render-statuses';
export { bdi, colourName, esc, isolate } from './html';
export * from './changes';
export { changesSummary } from './changes-summary';
export { daysText, renderChanges, renderChangesBody, renderFeatureHistory, type ChangesRenderOptions } from './render-changes';
export { isFeatureHistory, isPageChanges } from './validate-changes';
