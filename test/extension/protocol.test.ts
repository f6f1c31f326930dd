// The message protocol's guards, and how injection errors become advice.
import { describe, expect, test } from 'vitest';
import { classifyInjectionError, isAgentEvent, isAgentRequest, isMessage } from '../../utils/protocol';
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
