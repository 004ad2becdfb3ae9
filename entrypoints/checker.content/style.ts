/**
 * Styles. PAGE_CSS goes into the page but only touches our prefixed attributes (an outline
 * does not move the layout); UI_CSS lives inside our shadow roots.
 */
import { COMPONENT_CSS } from '../../components/styles.ts';

export const PAGE_CSS = `
[data-grc-status="error"] { outline: 2px solid #d93025 !important; outline-offset: -2px !important; }
[data-grc-status="warning"] { outline: 2px dashed #e37400 !important; outline-offset: -2px !important; }
[data-grc-flash] { animation: grc-flash 0.5s ease-in-out 4 !important; }
@keyframes grc-flash { 50% { background-color: #fde293; } }
`;

export const UI_CSS = COMPONENT_CSS + `
:host { all: initial; }
* { box-sizing: border-box; }
.grc { font: 13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #202124; }
button { font: inherit; cursor: pointer; }
.grc-chip { display: inline-flex; align-items: center; gap: 4px; margin: 4px 0; padding: 2px 10px; border-radius: 12px; border: 1px solid; background: #fff; }
.grc-chip.pass { color: #137333; border-color: #137333; background: #e6f4ea; }
.grc-chip.warn { color: #b06000; border-color: #e37400; background: #fef7e0; }
.grc-chip.fail { color: #c5221f; border-color: #d93025; background: #fce8e6; }
.grc-chip:focus-visible, button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.grc-chip-details { margin: 4px 0 8px; padding: 8px 12px; border: 1px solid #dadce0; border-radius: 8px; background: #fff; max-width: 720px; }
.grc-panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; width: 320px; max-height: 70vh; overflow: auto;
  background: #fff; border: 1px solid #dadce0; border-radius: 10px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; }
.grc-panel.collapsed { width: auto; max-height: none; padding: 4px 8px; }
.grc-panel header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.grc-panel h2 { font-size: 14px; margin: 0; }
.grc-status.fail { color: #c5221f; } .grc-status.pass { color: #137333; }
.grc-identity { margin: 6px 0; color: #3c4043; }
.grc-tooltip { position: fixed; z-index: 2147483647; max-width: 360px; padding: 6px 10px; border-radius: 6px; background: #202124; color: #fff; pointer-events: none; }
.grc-tooltip p { margin: 2px 0; }
.grc-tooltip .grc-rule { color: #bdc1c6; }
`;
