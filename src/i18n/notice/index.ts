// The wording of <garde-notice>, by language: only its own bundle (dist/garde-notice.js) carries it.
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export type { NoticeTranslation } from './notice-translation.js';

/** `<garde-notice>`'s built-in wording, by language. */
export const noticeTranslations = { fr, nl, de, en };
