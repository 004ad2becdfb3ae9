import { defineConfig } from 'wxt';

// The extension: content script on gov.cn pages, background for the toolbar badge,
// popup for the summary and copy actions. Nothing here may make a network request.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Shared folders stay explicit imports (no auto-imports) so a newcomer can follow every name.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: per-tab results and collapsed-panel memory; clipboardWrite: the popup's copy
    // buttons; scripting: the background injects the detector's second half (look.js) into
    // frames named like reports, the checker into frames that look like reports or that a
    // person asks to check (检查此页), and the overlay into those where a report is found. The only host permission is gov.cn (added by WXT from the checker's matches).
    permissions: ['storage', 'clipboardWrite', 'scripting'],
    // The detector (entrypoints/detector.ts, an unlisted script) runs on every gov.cn page
    // and frame and reads only the page's names; everything after it is injected where needed.
    content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['detector.js'], all_frames: true, run_at: 'document_idle' }],
    // Library (issue 9): sites beyond gov.cn a person adds in the settings are asked for one by
    // one at that moment (permissions.request); nothing beyond gov.cn is granted at install.
    // The options page (entrypoints/options, the library) becomes options_ui by itself.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    // "Next problem": the background forwards it to the tab's checkers (a person can change
    // the key at chrome://extensions/shortcuts).
    commands: {
      'next-problem': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandNextProblem__' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'gov-report-check@nianbao.local' } } }
      : {}),
  }),
  hooks: {
    // WXT takes the toolbar tooltip from the popup's <title>; make it follow the browser's
    // language instead (public/_locales).
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_extName__';
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
