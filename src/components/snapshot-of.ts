// The snapshot the dialog and the placeholder render: buildSnapshot()'s (src/i18n/snapshot.ts),
// whose canonical JSON init() hashes into each receipt's `shown`, built by the same function from
// the same config and strings (those of the element's LocalizeController, uiStrings()): the
// on-demand files carry that function, not a copy of every language.
import type { Garde, Snapshot } from '../core/types.js';
import type { UiStrings } from '../i18n/index.js';
import { snapshotFrom } from '../i18n/snapshot.js';

/** The snapshots built, by config and language (a config is fixed once init() has it). */
const built = new WeakMap<Garde['config'], Record<string, Snapshot>>();

/**
 * What the visitor is shown in `garde.lang`, `strings` being uiStrings(garde.config, garde.lang):
 * built once per config and language, not at each render. The structure that is hashed: rendered
 * as it is, it cannot drift from the hash. Not to be changed by its readers.
 */
export function snapshotOf({ config, lang }: Garde, strings: UiStrings): Snapshot {
  let byLang = built.get(config);
  if (!byLang) built.set(config, (byLang = {}));
  return (byLang[lang] ??= snapshotFrom(config, lang, strings));
}
