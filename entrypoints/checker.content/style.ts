/**
 * Styles. Nothing of ours goes into the page's style sheets where it can be helped: a new sheet
 * makes the browser restyle every element of the page (5–10 ms on a 656 kB report). A marked
 * cell gets its outline in its own style attribute (CELL_OUTLINE: an outline inside the cell
 * moves nothing); only pages with tables written as text get a sheet, for the highlights
 * (TEXT_MARK_CSS), which can be styled from nowhere else. UI_CSS lives inside our shadow root.
 *
 * The page's own font family, and in what shows at first (chips, pill, the "应为" label) its
 * regular weight: every font the page has not used yet (another family, a bold) costs the first
 * frame after the overlay a font lookup and its Chinese glyphs. On a 14 kB report on the bench
 * machine, a bold weight added about 5 ms of layout, a family of our own 2–4 ms (generic
 * sans-serif) to 10–13 ms (a list of named fonts, each missing one looked up). Our shadow
 * root resets every inherited property but the font family (all: initial), and carries the
 * UI's language (lang), without which Chinese text is laid out with a fresh font lookup.
 */
import { COMPONENT_CSS } from '../../components/styles.ts';
import type { MarkStatus } from '../../components/marks.ts';
import type { Messages } from '../../utils/i18n.ts';

const RED = '#d93025';

/** The outline of a marked cell of each status (components/marks.ts), set `!important` on the cell. */
export const CELL_OUTLINE: Record<MarkStatus, [property: string, value: string][]> = {
  error: [['outline', `3px solid ${RED}`], ['outline-offset', '-3px']],
  warning: [['outline', '2px dashed #e37400'], ['outline-offset', '-2px']],
  related: [['outline', '1px dashed rgba(217, 48, 37, 0.5)'], ['outline-offset', '-2px']],
};

/**
 * The same marks as a style sheet, with "应为 N" as a pseudo-element, for a view of our own
 * (the options page's draft, entrypoints/options/draft/DraftPanel.tsx), where a sheet costs nothing.
 */
export function markedCellCss(t: Messages): string {
  const rules = Object.entries(CELL_OUTLINE).map(([status, outline]) => `[data-grc-status="${status}"] { ${outline.map(([p, v]) => `${p}: ${v} !important;`).join(' ')} }`);
  return `${rules.join('\n')}
[data-grc-expected] { position: relative; }
[data-grc-expected]::after { content: ${JSON.stringify(t.expectedLabel + ' ')} attr(data-grc-expected); position: absolute; top: -0.95em; right: -3px; z-index: 2;
  padding: 0 4px; border-radius: 3px; background: ${RED}; color: #fff; font-size: 11px; font-weight: normal; line-height: 1.5; white-space: nowrap; pointer-events: none; }
`;
}

/**
 * For values marked inside text (tables written as text), added only on such pages: a bare
 * ::highlight() or mark rule matches any element, so inserting it restyles the whole page
 * (beside a 20 000-row table, over a second).
 */
export const TEXT_MARK_CSS = `
::highlight(grc-error) { background-color: rgba(217, 48, 37, 0.22); text-decoration: underline 2px solid ${RED}; }
::highlight(grc-warning) { text-decoration: underline 2px dashed #e37400; }
::highlight(grc-related) { background-color: rgba(217, 48, 37, 0.07); }
::highlight(grc-flash) { background-color: #fde293; }
mark[data-grc-mark] { background: rgba(217, 48, 37, 0.22); color: inherit; }
mark[data-grc-mark="related"] { background: rgba(217, 48, 37, 0.07); }
mark[data-grc-mark="warning"] { background: none; text-decoration: underline dashed #e37400; }
`;

export const UI_CSS = COMPONENT_CSS + `
:host { all: initial !important; font-family: inherit !important; }
/* The host: at the document's top left, of no size (its parts are placed from there), in the top
   layer where the browser has one (a popover: see overlay.tsx), above the page where not. */
:host { display: block !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important;
  overflow: visible !important; z-index: 2147483645 !important; }
* { box-sizing: border-box; }
.grc { font-size: 13px; line-height: 1.5; color: #202124; }
button { font: inherit; cursor: pointer; }
button:focus-visible, li:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
/* A chip or label, placed at its table's or cell's top right corner in the document (place() in overlay.tsx). */
.grc-at { position: absolute; width: 0; height: 0; }
.grc-at[hidden] { display: none; }
/* The chip stands above its table's top right corner; its details open over the table. */
.grc-chip { position: absolute; right: 0; bottom: 3px; display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; padding: 2px 10px; border-radius: 12px; border: 1px solid; background: #fff; }
.grc-chip.ok { color: #137333; border-color: #137333; background: #e6f4ea; }
.grc-chip.warnings, .grc-chip.incomplete { color: #b06000; border-color: #e37400; background: #fef7e0; }
.grc-chip.errors { color: #c5221f; border-color: ${RED}; background: #fce8e6; }
.grc-chip-details { position: absolute; right: 0; top: 2px; z-index: 1; width: max-content; max-width: min(720px, 90vw); padding: 8px 12px; border: 1px solid #dadce0; border-radius: 8px;
  background: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.grc-chip-details > p { margin: 0 0 4px; color: #3c4043; }

.grc-dock { position: fixed; z-index: 2147483646; }
.grc-dock.br { right: 16px; bottom: 16px; } .grc-dock.bl { left: 16px; bottom: 16px; }
.grc-dock.tr { right: 16px; top: 16px; } .grc-dock.tl { left: 16px; top: 16px; }
/* Moved out of the report's way (see avoidReport in overlay.tsx): the other end of the same side. */
:host([data-flip]) .grc-dock.br, :host([data-flip]) .grc-dock.bl { bottom: auto; top: 16px; }
:host([data-flip]) .grc-dock.tr, :host([data-flip]) .grc-dock.tl { top: auto; bottom: 16px; }
.grc-pill { display: inline-flex; align-items: center; gap: 6px; padding: 3px 12px; border-radius: 14px; border: 1px solid #dadce0; background: #fff;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.grc-pill .grc-status { margin: 0; font-weight: normal; }
.grc-panel { width: 340px; max-height: min(70vh, 640px); overflow: auto; background: #fff; border: 1px solid #dadce0; border-radius: 10px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 12px 10px; }
.grc-panel header { display: flex; align-items: center; gap: 6px; }
.grc-panel h2 { font-size: 14px; margin: 0; flex: 1; }
.grc-panel header button, .grc-next { padding: 0 8px; border: 1px solid #dadce0; border-radius: 6px; background: #f8f9fa; }
.grc-identity { margin: 4px 0; color: #3c4043; }
.grc-panel h3 { font-size: 13px; margin: 8px 0 2px; }
.grc-tooltip { position: fixed; z-index: 2147483647; max-width: 380px; padding: 6px 10px; border-radius: 6px; background: #202124; color: #fff; pointer-events: none; }
.grc-tooltip p { margin: 2px 0; }
.grc-tooltip .grc-tip-head { font-weight: 600; }
.grc-tooltip .grc-rule-name { color: #bdc1c6; margin-left: 6px; font-size: 11px; }
.grc-label { width: auto; height: auto; padding: 0 4px; border-radius: 3px; background: ${RED}; color: #fff; font-size: 11px; line-height: 1.5;
  white-space: nowrap; pointer-events: none; }
/* Over a cell's top right corner; after a value written in text, a little above it. */
.grc-label[data-kind="cell"] { transform: translate(calc(3px - 100%), -0.95em); }
.grc-label[data-kind="text"] { transform: translate(2px, -14px); }
`;
