/**
 * One feature's status over the revisions of its page (the preview's history strip, `changes
 * --feature`). Pure: the revisions' texts come in, newest first. One `Engine` models them in turn, so
 * neighbouring revisions share their unchanged lines, regions and feature rows (the engine's line
 * sharing and the status rows cache): a revision costs about what changed since the one before. The
 * feature is followed through renames: each revision is matched against the feature as the newer
 * revision named it.
 */
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/merge';
import { dayNumber, type YMD } from '../dates';
import { Engine } from '../engine';
import { featureVocabulary } from '../vocabulary';
import { readFeatures } from './features';
import { matchFeatures, normalisedLink, normalisedName } from './match';
import type { FeatureHistory, FeatureHistoryPoint } from '../../../../shared/status/changes';
import type { FeatureStatus } from '../../../../shared/status/model';

export interface PageVersion {
  commit: string;
  date: string | null;
  text: string;
}

export interface HistoryOptions {
  today: YMD;
  config?: ResolvedConfig;
}

/** The feature (as the newest version names it: `name`, and `link` when it has one) at each version, oldest first. */
export function featureHistory(
  versions: Iterable<PageVersion>,
  feature: Pick<FeatureStatus, 'name' | 'link'>,
  options: HistoryOptions,
): FeatureHistory {
  const engine = new Engine();
  const config = options.config ?? DEFAULT_CONFIG;
  const today = dayNumber(options.today.year, options.today.month, options.today.day);
  let current: Pick<FeatureStatus, 'name' | 'link'> = feature;
  const points: FeatureHistoryPoint[] = [];
  const finder = new FeatureFinder();
  for (const v of versions) {
    const page = engine.model(v.text, config);
    const features = readFeatures(page, featureVocabulary(page, config), today);
    const found = finder.find(features, current);
    if (found) current = found;
    points.push({
      commit: v.commit,
      date: v.date,
      colour: found?.colour ?? 'unset',
      statusLabel: found?.statusLabel ?? '',
      target: found?.target ? (found.target.iso ?? found.target.text) : null,
      absent: !found,
    });
  }
  return { name: feature.name, points: points.reverse() };
}

/**
 * Finds one feature in a version's list: by link, then by normalised name, else by similarity (through
 * `matchFeatures`). Speed: the names of neighbouring revisions are mostly the same strings, so their
 * normalised forms are kept for the whole history (one finder per history, dropped with it).
 */
class FeatureFinder {
  private readonly names = new Map<string, string>();

  private norm(name: string): string {
    let n = this.names.get(name);
    if (n === undefined) this.names.set(name, (n = normalisedName(name)));
    return n;
  }

  find(features: readonly FeatureStatus[], probe: Pick<FeatureStatus, 'name' | 'link'>): FeatureStatus | undefined {
    if (probe.link !== undefined) {
      const link = normalisedLink(probe.link);
      const byLink = features.filter((f) => f.link !== undefined && normalisedLink(f.link) === link);
      if (byLink.length === 1) return byLink[0];
    }
    const name = this.norm(probe.name);
    const byName = features.find((f) => this.norm(f.name) === name);
    if (byName) return byName;
    const pair = matchFeatures(features, [{ ...SHAPE, name: probe.name }]).at(0);
    return pair ? features[pair.base] : undefined;
  }
}

/** The fields of a feature a match does not read. */
const SHAPE: FeatureStatus = {
  line: 0,
  endLine: 0,
  table: 0,
  team: null,
  name: '',
  owner: null,
  priority: null,
  colour: 'unset',
  statusLabel: '',
  statusComment: '',
  statusHistory: [],
  target: null,
  targetHistory: [],
  overdue: false,
  overdueDays: 0,
  mustNotGreen: false,
  malformed: false,
  repaired: false,
};
