import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e build differs from the release build only by host permissions for local fixture pages:
// a browser test cannot press the toolbar button that grants activeTab.
export default defineConfig({
  // The panel's review worker is an ES module: jieba-wasm's loader refers to import.meta.url.
  vite: () => ({ plugins: [preact()], worker: { format: 'es' } }),
  hooks: {
    // WXT titles Firefox's sidebar from the page's <title>; the localized extension name reads better in both languages.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ mode, browser, manifestVersion }) => {
    const firefox = browser === 'firefox';
    // Firefox shows the panel as a sidebar (sidebar_action, generated from entrypoints/sidepanel) and has no
    // sidePanel permission; its Manifest V2 toolbar button command is _execute_browser_action.
    const executeAction = manifestVersion === 2 ? '_execute_browser_action' : '_execute_action';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'zh_CN',
      permissions: ['activeTab', 'scripting', ...(firefox ? [] : ['sidePanel']), 'storage', 'contextMenus'],
      ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] } : {}),
      // A column audit (栏目审查) reads the pages of one portal: access to that origin is asked for at the officer's
      // click, for that origin only, never granted at install.
      ...(firefox && manifestVersion === 2 ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
      content_security_policy: {
        extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
      },
      // No popup: a click on the button reaches action.onClicked, which opens the panel and grants activeTab.
      action: { default_title: '__MSG_actionTitle__' },
      commands: {
        [executeAction]: {
          suggested_key: { default: 'Alt+Shift+R', mac: 'Alt+Shift+R' },
          description: '__MSG_commandReview__',
        },
      },
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'normlint@normlint.local',
                strict_min_version: '115.0',
                // Nothing leaves the machine.
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
