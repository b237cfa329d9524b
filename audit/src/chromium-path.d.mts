// Types of chromium-path.mjs (plain JavaScript, so that Node loads it without tsx).

/** The path of the Chromium to launch: $CHROME_PATH, a system Chromium/Chrome, or @sparticuz/chromium's. */
export function chromiumPath(): Promise<string>;

/** Launch flags for headless runs as root on a closed network. */
export const CHROMIUM_ARGS: string[];
