// The drop-in's one way to load its on-demand files (garde-ui.js, garde-embed.js,
// garde-analytics.js, garde-integrations.js), beside garde.js unless the site says where each is: an asset pipeline that
// renames them, or a CMS that aggregates garde.js into another file, names them on the script tag,
// `<script src="…" data-garde-ui="/assets/garde-ui.3f2a.js" data-garde-embed="…">`, relative to
// the page. Each script keeps garde.js's nonce (strict CSP) and sends no Referer.

// Taken while garde.js runs: `document.currentScript` is null later.
const current = document.currentScript as HTMLScriptElement | null;
/** Each file's load while it is on its way or done; a failed one is forgotten, to be tried again. */
const loads = new Map<string, Promise<void>>();

/**
 * Resolves once `file` has run; rejects when it fails (404, offline, blocked by a
 * Content-Security-Policy) with the error it prints, `garde: could not load <url>`. A file on its
 * way is never requested twice.
 */
export function loadScript(file: string): Promise<void> {
  let loaded = loads.get(file);
  if (!loaded) {
    // `garde-ui.js` → `data-garde-ui`, `garde-embed.js` → `data-garde-embed`; a per-language
    // drop-in's `garde-ui.fr.js` → `data-garde-ui` too (one attribute per file, whatever its build).
    const given =
      current?.dataset[file.replace(/-(\w)|\..*/g, (_, letter = '') => letter.toUpperCase())];
    const url = new URL(given || file, (!given && current?.src) || document.baseURI).href;
    const script = document.createElement('script');
    script.src = url;
    script.nonce = current?.nonce ?? '';
    // No request of garde's carries the page's URL: not even this one, to the site's own server.
    script.referrerPolicy = 'no-referrer';
    loaded = new Promise<void>((resolve, reject) => {
      script.onload = () => resolve();
      script.onerror = () => {
        loads.delete(file);
        const message = `garde: could not load ${url}`;
        console.error(message);
        reject(new Error(message));
      };
    });
    loads.set(file, loaded);
    document.head.append(script);
  }
  return loaded;
}
