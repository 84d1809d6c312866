/** The status model of a release page (its view types and HTML rendering live in shared/status/). */
export { buildStatus, ymdOf, type StatusOptions } from './build';
export { compareStatus, daysBetween, type CompareSides } from './compare';
export { matchFeatures, normalisedName, similarity } from './match';
export { featureHistory, type HistoryOptions, type PageVersion } from './history';
