/**
 * The look of the shared components (FindingList, FigureList, CopyButtons, StatusBlock),
 * once: the overlay puts it in its shadow roots, the popup in its document.
 */
export const COMPONENT_CSS = `
.grc-findings button, .grc-copy button, .grc-link { font: inherit; cursor: pointer; }
.grc-findings h3 { font-size: 13px; margin: 6px 0 2px; }
.grc-findings ul { margin: 0; padding-left: 18px; }
.grc-findings li { margin: 3px 0; }
.grc-findings li.grc-suspect > .grc-message { font-weight: 600; }
.grc-findings li.grc-suspect > .grc-where { display: block; color: #3c4043; }
.grc-findings ul.grc-explains { padding-left: 14px; color: #3c4043; font-size: 12px; }
.grc-error h3 { color: #c5221f; } .grc-warning h3, .grc-incomplete h3 { color: #b06000; } .grc-info h3 { color: #1967d2; }
.grc-count { font-weight: normal; }
.grc-findings details.grc-rule { margin: 1px 0; color: #3c4043; font-size: 12px; }
.grc-findings details.grc-rule summary { cursor: pointer; color: #5f6368; }
.grc-findings details.grc-rule p { margin: 2px 0 2px 12px; }
.grc-ids { display: block; color: #80868b; font-size: 11px; word-break: break-all; }
.grc-dismissed { color: #80868b; } .grc-reason { margin-left: 6px; font-size: 12px; }
.grc-locate { margin-left: 6px; font-size: 12px; padding: 0 6px; }
.grc-figures { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 12px; margin: 6px 0; }
.grc-figures div { display: flex; justify-content: space-between; gap: 6px; }
.grc-figures dt { color: #5f6368; } .grc-figures dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.grc-copy { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.grc-copy button { padding: 2px 8px; border: 1px solid #dadce0; border-radius: 6px; background: #f8f9fa; }
.grc-ok { color: #137333; margin: 4px 0 0; width: 100%; } .grc-bad { color: #c5221f; margin: 4px 0 0; width: 100%; }
.grc-status { font-weight: 600; margin: 4px 0 0; }
.grc-status.errors { color: #c5221f; } .grc-status.warnings, .grc-status.incomplete { color: #b06000; } .grc-status.ok { color: #137333; }
.grc-counts { margin: 0 0 4px; color: #5f6368; font-size: 12px; }
.grc-not-checked h3 { color: #b06000; font-size: 13px; margin: 4px 0 0; }
.grc-not-checked ul, .grc-table-lines { margin: 2px 0; padding-left: 18px; }
.grc-table-lines { list-style: none; padding-left: 0; }
.grc-table-lines li.errors .grc-table-status { color: #c5221f; } .grc-table-lines li.ok .grc-table-status { color: #137333; }
.grc-table-lines li.warnings .grc-table-status, .grc-table-lines li.incomplete .grc-table-status { color: #b06000; }
.grc-table-lines small { color: #5f6368; }
.grc-link { border: none; background: none; padding: 0; color: #1a73e8; text-decoration: underline; }
`;
