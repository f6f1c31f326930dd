// The message protocol's guards, and how injection errors become advice.
import { describe, expect, test } from 'vitest';
import { classifyInjectionError, fromAgent, fromExtensionPage, isAgentEvent, isAgentRequest, isMessage } from '../../utils/protocol';
import { decodeCsv } from '../../utils/register/read';

describe('message guards', () => {
  test('accept our kinds only', () => {
    expect(isMessage({ kind: 'agent/ping' })).toBe(true);
    expect(isAgentRequest({ kind: 'agent/capture', mode: 'auto', watch: true })).toBe(true);
    expect(isAgentRequest({ kind: 'page/changed' })).toBe(false);
    expect(isAgentEvent({ kind: 'page/changed', captureId: 1, version: 1, doc: { text: '', metadata: {}, source: 'editor' } })).toBe(true);
    expect(isMessage({ kind: 'wxt:reload' })).toBe(false);
    expect(isMessage('agent/ping')).toBe(false);
    expect(isMessage(null)).toBe(false);
  });
});

describe('messages a hostile sender could forge', () => {
  const fix = { kind: 'agent/apply-fix', captureId: 1, start: 2, end: 4, replacement: '，', expected: ',' };
  const mark = { kind: 'agent/mark', captureId: 1, version: 0, marks: [{ key: 'a', start: 0, end: 3, severity: 'error' }] };
  test('a request with the right kind but the wrong shape is not ours', () => {
    expect(isAgentRequest(fix)).toBe(true);
    expect(isAgentRequest(mark)).toBe(true);
    expect(isAgentRequest({ ...fix, replacement: { toString: () => '<img src=x onerror=alert(1)>' } })).toBe(false);
    expect(isAgentRequest({ ...fix, start: 5, end: 4 })).toBe(false);
    expect(isAgentRequest({ ...fix, start: -1 })).toBe(false);
    expect(isAgentRequest({ ...fix, captureId: '1' })).toBe(false);
    expect(isAgentRequest({ ...mark, marks: [{ key: 'a', start: 0, end: 3, severity: '<b>' }] })).toBe(false);
    expect(isAgentRequest({ ...mark, marks: 'all' })).toBe(false);
    expect(isAgentRequest({ kind: 'agent/capture', mode: 'javascript:alert(1)', watch: true })).toBe(false);
    expect(isMessage({ kind: 'panel/review', trigger: { id: 'x', tabId: '3', mode: 'auto', at: 0 } })).toBe(false);
    expect(isMessage({ kind: 'panel/review', trigger: { id: 'x', tabId: 3, mode: 'auto', at: 0 } })).toBe(true);
    expect(isAgentEvent({ kind: 'page/changed', captureId: 1, version: 1, doc: { text: 1 } })).toBe(false);
    expect(isMessage([{ kind: 'agent/ping' }])).toBe(false);
  });
  test('only the extension\'s own pages command the agent; only its agent reports page events', () => {
    const id = 'abcdefghijklmnop';
    const origin = `chrome-extension://${id}/`;
    expect(fromExtensionPage({ id, url: `${origin}sidepanel.html` }, id, origin)).toBe(true);
    // The panel opened in a tab of its own (the fallback window) is still the extension's page.
    expect(fromExtensionPage({ id, tab: { id: 4 }, url: `${origin}sidepanel.html?tab=3` }, id, origin)).toBe(true);
    expect(fromExtensionPage({ id, tab: { id: 3 }, url: 'https://example.gov.cn/' }, id, origin)).toBe(false);
    expect(fromExtensionPage({ id: 'another-extension', url: `${origin}sidepanel.html` }, id, origin)).toBe(false);
    expect(fromExtensionPage(undefined, id, origin)).toBe(false);
    expect(fromAgent({ id, tab: { id: 3 }, url: 'https://example.gov.cn/' }, id, origin)).toBe(true);
    expect(fromAgent({ id, url: `${origin}background.js` }, id, origin)).toBe(false);
    expect(fromAgent({ id, tab: { id: 4 }, url: `${origin}sidepanel.html` }, id, origin)).toBe(false);
    expect(fromAgent({ id: 'another-extension', tab: { id: 3 } }, id, origin)).toBe(false);
  });
});

describe('classifyInjectionError', () => {
  test.each([
    ['Cannot access a chrome:// URL', 'restricted'],
    ['Cannot access contents of url "edge://settings/". Extension manifest must request permission to access this host.', 'restricted'],
    ['The extensions gallery cannot be scripted.', 'web-store'],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', 'no-permission'],
    ['Missing host permission for the tab', 'no-permission'],
    ['Cannot access contents of url "file:///home/u/a.html". Extension manifest must request permission to access this host.', 'file-url'],
    ['Cannot access contents of url "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html".', 'pdf'],
    ['No tab with id: 12.', 'tab-gone'],
    ['Something else', 'unknown'],
  ])('%s → %s', (message, code) => {
    expect(classifyInjectionError(message)).toBe(code);
  });
});

describe('decodeCsv', () => {
  test('reads UTF-8, and GBK when the bytes are not UTF-8 (Excel exports from Chinese offices)', () => {
    const text = '文号,登记号\n东政发〔2024〕5号,DSDR-1\n';
    expect(decodeCsv(new TextEncoder().encode(text).buffer as ArrayBuffer)).toBe(text);
    // 文号 in GBK.
    const gbk = new Uint8Array([0xce, 0xc4, 0xba, 0xc5]);
    expect(decodeCsv(gbk.buffer)).toBe('文号');
  });
});
