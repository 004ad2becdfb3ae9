/**
 * The look of the shared components (FindingList, FigureList, CopyButtons), once: the
 * overlay puts it in its shadow roots, the popup in its document.
 */
export const COMPONENT_CSS = `
.grc-findings button, .grc-copy button { font: inherit; cursor: pointer; }
.grc-findings h3 { font-size: 13px; margin: 6px 0 2px; }
.grc-findings ul { margin: 0; padding-left: 18px; }
.grc-findings li { margin: 2px 0; }
.grc-error h3 { color: #c5221f; } .grc-warning h3 { color: #b06000; } .grc-info h3 { color: #1967d2; }
.grc-rule { color: #5f6368; font-size: 11px; margin-left: 6px; }
.grc-locate { margin-left: 6px; font-size: 12px; padding: 0 6px; }
.grc-figures { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 12px; margin: 6px 0; }
.grc-figures div { display: flex; justify-content: space-between; gap: 6px; }
.grc-figures dt { color: #5f6368; } .grc-figures dd { margin: 0; font-weight: 600; }
.grc-copy { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.grc-copy button { padding: 2px 8px; border: 1px solid #dadce0; border-radius: 6px; background: #f8f9fa; }
.grc-ok { color: #137333; margin: 4px 0 0; width: 100%; } .grc-bad { color: #c5221f; margin: 4px 0 0; width: 100%; }
`;
