// The five consent managers under test: where their fixture page is, and how to find the
// "reject" button of their first layer once it is on screen.

/**
 * `reject` and `accept` are functions run in the page (sent as source text): the button, or null.
 * garde's button is inside <garde-banner>'s shadow root; the others are in the light DOM.
 */
export const SYSTEMS = [
  {
    name: 'garde',
    page: '/fixtures/garde/',
    reject: () => {
      const root = document.querySelector('garde-banner')?.shadowRoot;
      if (!root) return null;
      const buttons = [...root.querySelectorAll('button')];
      return (
        buttons.find((b) => /\breject\b/.test(b.getAttribute('part') ?? '')) ??
        buttons.find((b) => b.textContent.trim() === 'Reject all') ??
        null
      );
    },
    accept: () => {
      const root = document.querySelector('garde-banner')?.shadowRoot;
      if (!root) return null;
      const buttons = [...root.querySelectorAll('button')];
      return (
        buttons.find((b) => /\baccept\b/.test(b.getAttribute('part') ?? '')) ??
        buttons.find((b) => b.textContent.trim() === 'Accept all') ??
        null
      );
    },
  },
  {
    name: 'vanilla-cookieconsent',
    page: '/fixtures/cookieconsent/',
    reject: () => document.querySelector('#cc-main .cm__btn[data-role="necessary"]'),
    accept: () => document.querySelector('#cc-main .cm__btn[data-role="all"]'),
  },
  {
    name: 'orejime',
    page: '/fixtures/orejime/',
    reject: () => document.querySelector('.orejime-Banner .orejime-Banner-declineButton'),
    accept: () => document.querySelector('.orejime-Banner .orejime-Banner-saveButton'),
  },
  {
    name: 'klaro',
    page: '/fixtures/klaro/',
    reject: () => document.querySelector('.klaro .cookie-notice .cn-decline'),
    accept: () => document.querySelector('.klaro .cookie-notice .cm-btn-success'),
  },
  {
    name: 'tarteaucitron',
    page: '/fixtures/tarteaucitron/',
    reject: () => document.getElementById('tarteaucitronAllDenied2'),
    accept: () => document.getElementById('tarteaucitronPersonalize2'),
  },
];

/**
 * The page's own share, in the start-up table only: the same page with no consent manager, a plain
 * banner of about 2 KB (bench/fixtures/baseline/), shown by a deferred script.
 */
export const BASELINE = {
  name: 'no consent manager (2 KB banner)',
  page: '/fixtures/baseline/',
  reject: () =>
    [...document.querySelectorAll('.banner button')].find(
      (b) => b.textContent.trim() === 'Reject all',
    ) ?? null,
};

/**
 * The same page without its empty frame, as Orejime's page is before consent (its frame waits in a
 * `<template>`, where the others keep an `<iframe>` without `src`, which Chromium gives a browsing
 * context while it parses): what that frame costs each start-up figure. Its script is the
 * baseline's (`own`).
 */
export const BASELINE_NO_FRAME = {
  ...BASELINE,
  name: 'no consent manager, no frame',
  page: '/fixtures/baseline-no-frame/',
  own: '/fixtures/baseline/',
};

/**
 * garde on the same page with its video frame gated as an `<iframe data-src>` (which keeps its box
 * but gets a browsing context from the parser on) in place of the `<template data-category>` of
 * garde's bench page (which needs a box kept for it): what that markup costs each start-up figure.
 */
export const GARDE_FRAME = {
  ...SYSTEMS[0],
  name: 'garde, frame as iframe data-src',
  page: '/fixtures/garde-frame/',
};

/**
 * Other builds of garde measured beside dist/ in the same run, in the start-up table only, so that
 * a change is compared with the build before it under the same load: `BENCH_BUILDS=main=/tmp/dist`
 * (comma-separated `name=directory`) adds the system "garde main", the garde fixture page with
 * that directory's garde.js (served at /dist/build-main/ by server.mjs).
 */
export const BUILDS = (process.env.BENCH_BUILDS ?? '')
  .split(',')
  .filter(Boolean)
  .map((entry) => {
    const [name, dir] = entry.split('=');
    return { name, dir, system: { ...SYSTEMS[0], name: `garde ${name}`, page: `/build-${name}/` } };
  });

/**
 * The systems a run measures: all of them, or those whose names start with one of the
 * comma-separated words of BENCH_SYSTEMS (e.g. `BENCH_SYSTEMS=garde,orejime,no`); the baseline
 * and the other builds (BUILDS) only where `withBaseline`.
 */
export function selectedSystems({ withBaseline = false } = {}) {
  const wanted = process.env.BENCH_SYSTEMS?.split(',').filter(Boolean);
  const startup = withBaseline
    ? [...BUILDS.map((build) => build.system), GARDE_FRAME, BASELINE, BASELINE_NO_FRAME]
    : [];
  return [...SYSTEMS, ...startup].filter(
    (s) => !wanted || wanted.some((w) => s.name.startsWith(w)),
  );
}

/** Library files (not the page, its stylesheet, config or gated content) are served from here. */
export const LIBRARY_PATH = /^\/(dist|node_modules)\//;

/**
 * Whether a script (by its URL path) is the system's: a library file, or one of its fixture's own
 * (the config.js of the others, the baseline's banner.js). The shared tracker is nobody's.
 */
export const isSystemScript = (system, pathname) =>
  pathname.endsWith('.js') &&
  (LIBRARY_PATH.test(pathname) || pathname.startsWith(system.own ?? system.page));
