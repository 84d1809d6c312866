/** The status model of a release page (its view types and HTML rendering live in shared/status/). */
export { buildStatus, ymdOf, type StatusOptions } from './build';
