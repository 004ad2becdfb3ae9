/**
 * How the page walker (page.ts) turns a page's text into blocks, as far as the overlay must
 * count alike to find a value again in the text (utils/dom/highlight.ts). A module of its own so
 * that the overlay does not load the walker.
 */

/** Elements whose text is never read. */
export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'select', 'textarea', 'button']);

/** Runs of these collapse into one space in a block's text (line breaks stay). */
export const COLLAPSED_SPACE = /[ \t\r\f\v\u00a0]+/g;
