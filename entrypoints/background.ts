// Turns the three triggers (toolbar button, shortcut, context menu) into a review in the panel.
// Each trigger is a user gesture, which is what grants activeTab on the page; the panel then injects the
// capture script itself. Nothing here reads pages or talks to the network.
import { browser, type Browser } from 'wxt/browser';
import { fromExtensionPage, isMessage, type PanelEvent, type Trigger, type TriggerMode } from '../utils/protocol';


const MENU_SELECTION = 'normlint-review-selection';

// Triggers waiting for their panel to open and ask. Kept in memory: the panel asks within milliseconds.
const pending = new Map<number, Trigger>();

interface FirefoxSidebar {
  open(): Promise<void>;
}

export default defineBackground(() => {
  // Menus persist in Chromium but not in every browser's event pages: made afresh on install and on startup.
  const setup = () => {
    Promise.resolve(browser.contextMenus.removeAll())
      .catch(() => {})
      .then(() => {
        browser.contextMenus.create({ id: MENU_SELECTION, title: browser.i18n.getMessage('menuReviewSelection'), contexts: ['selection'] });
      });
    // The button opens the panel through onClicked below, so that the click grants activeTab and names the tab.
    browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
  };
  browser.runtime.onInstalled.addListener(setup);
  browser.runtime.onStartup.addListener(setup);

  // The shortcut is `_execute_action` (`_execute_browser_action` in Firefox's Manifest V2): it lands here too.
  // Firefox's Manifest V2 build has browserAction where Chromium has action.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  action.onClicked.addListener((tab) => trigger(tab, 'auto'));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SELECTION && tab) trigger(tab, 'selection', info.selectionText);
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // A trigger is handed only to this extension's own panel (never to a content script in a tab).
    if (!fromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/')) || !isMessage(message) || message.kind !== 'bg/panel-ready') return;
    const windowId = message.windowId;
    let found: Trigger | undefined;
    if (windowId !== undefined) {
      found = pending.get(windowId);
      pending.delete(windowId);
    } else if (pending.size === 1) {
      [found] = pending.values();
      pending.clear();
    }
    sendResponse({ trigger: found });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    for (const [w, tr] of pending) if (tr.tabId === tabId) pending.delete(w);
  });
});

function trigger(tab: Browser.tabs.Tab, mode: TriggerMode, selectionText?: string) {
  if (tab.id === undefined || tab.id < 0) return;
  const tr: Trigger = {
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    tabId: tab.id,
    windowId: tab.windowId,
    mode,
    selectionText,
    at: Date.now(),
  };
  // Open first, synchronously inside the gesture: sidePanel.open and sidebarAction.open refuse to run after an await.
  const opened = openPanel(tab);
  if (tab.windowId !== undefined) pending.set(tab.windowId, tr);
  // A panel already open in this window hears of the trigger at once; a new one asks with bg/panel-ready.
  const event: PanelEvent = { kind: 'panel/review', trigger: tr };
  opened.then(() => browser.runtime.sendMessage(event)).catch(() => {});
}

function openPanel(tab: Browser.tabs.Tab): Promise<unknown> {
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  if (sidebar) return sidebar.open();
  if (browser.sidePanel?.open && tab.windowId !== undefined) {
    return browser.sidePanel.open({ windowId: tab.windowId }).catch(() => openWindow(tab));
  }
  // Older Chromium browsers (many government machines) have no side panel: the same page in a small window.
  return openWindow(tab);
}

async function openWindow(tab: Browser.tabs.Tab) {
  const url = `${browser.runtime.getURL('/sidepanel.html')}?tab=${tab.id}`;
  await browser.windows.create({ url, type: 'popup', width: 440, height: 760, focused: true });
  // The window reviews its tab from the URL; no handshake needed.
  if (tab.windowId !== undefined) pending.delete(tab.windowId);
}
