// Where focus goes in and out of the dialog, and after a decision: never to <body>, where a
// keyboard or screen-reader user would have to start the page again.

/** The element focused in the page, looking through shadow roots (the opener is often in one). */
export const focusedElement = (): HTMLElement | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
};

/**
 * The start of the page's main content, made focusable (`tabindex="-1"`, unless it has a
 * tabindex) for when the element that had focus is gone: `<main>` or `[role=main]`, else the
 * first heading; null in a page with neither.
 */
export const mainContent = (): HTMLElement | null => {
  const target =
    document.querySelector<HTMLElement>('main,[role=main]') ??
    document.querySelector<HTMLElement>('h1,h2,h3,h4,h5,h6');
  if (target && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  return target;
};
