// The four consent managers under test: where their fixture page is, and how to find the
// "reject" button of their first layer once it is on screen.

/**
 * Each `reject` is a function run in the page (sent as source text): the reject button, or null.
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
      return buttons.find((b) => /\breject\b/.test(b.getAttribute('part') ?? '')) ?? buttons.find((b) => b.textContent.trim() === 'Reject all') ?? null;
    },
  },
  {
    name: 'vanilla-cookieconsent',
    page: '/fixtures/cookieconsent/',
    reject: () => document.querySelector('#cc-main .cm__btn[data-role="necessary"]'),
  },
  {
    name: 'klaro',
    page: '/fixtures/klaro/',
    reject: () => document.querySelector('.klaro .cookie-notice .cn-decline'),
  },
  {
    name: 'tarteaucitron',
    page: '/fixtures/tarteaucitron/',
    reject: () => document.getElementById('tarteaucitronAllDenied2'),
  },
];

/** Library files (not the page, its stylesheet, config or gated content) are served from here. */
export const LIBRARY_PATH = /^\/(dist|node_modules)\//;
