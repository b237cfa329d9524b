// The analytics ids in the visitor's storage, which exist only with analytics consent and the
// extras that want them: read and erased by the tracker, erased by a refusal (integrations), and
// by the drop-in while its tracker is not loaded (tracker.script.ts).
import { eraseStorage } from './erase.js';
import { uuid } from './uuid.js';

/** sessionStorage key of the session id (extra `session`); erased while analytics is off. */
export const SESSION_KEY = 'garde.sid';
/** localStorage key of the persistent id (extra `persistentId`); erased while analytics is off. */
export const UID_KEY = 'garde.uid';

/**
 * Reads (creating on first use) the id under `key`, or removes it when `keep` is false. Storage
 * may be disabled or throw (Safari private mode, sandboxed iframes): then there is simply no id.
 */
export function storedId(
  area: 'sessionStorage' | 'localStorage',
  key: string,
  keep: boolean,
): string | undefined {
  try {
    const storage = window[area];
    if (!keep) {
      storage.removeItem(key);
      return undefined;
    }
    const existing = storage.getItem(key);
    if (existing) return existing;
    const created = uuid();
    storage.setItem(key, created);
    return created;
  } catch {
    return undefined;
  }
}

/**
 * Removes the session and persistent ids (done by every hit made without analytics consent), from
 * both storage areas: erase.ts's loop, already in the drop-in, rather than a second one, so that
 * the drop-in, which only forgets them (the tracker's file makes them), holds none of the code
 * that reads and makes them.
 */
export const forgetAnalyticsIds = (): void => eraseStorage([SESSION_KEY, UID_KEY]);
