import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e build differs from the release build only by host permissions for local fixture pages:
// a browser test cannot press the toolbar button that grants activeTab.
export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'sidePanel', 'storage', 'contextMenus'],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] } : {}),
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
  }),
});
