// dexie-export-import is written for browsers: it reads blobs with FileReader and looks at `self`. Node 20 has
// Blob but neither of those; give it just enough. Import this before anything that loads the library.
const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;

class NodeFileReader {
  result: ArrayBuffer | string | null = null;
  error: unknown = null;
  onload: ((ev: { target: NodeFileReader }) => void) | null = null;
  onerror: ((ev: { target: NodeFileReader }) => void) | null = null;
  onabort: ((ev: { target: NodeFileReader }) => void) | null = null;
  private listeners: Record<string, ((ev: { target: NodeFileReader }) => void)[]> = {};
  addEventListener(type: string, fn: (ev: { target: NodeFileReader }) => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  private fire(type: 'load' | 'error') {
    const ev = { target: this };
    (type === 'load' ? this.onload : this.onerror)?.(ev);
    for (const fn of this.listeners[type] ?? []) fn(ev);
  }
  readAsArrayBuffer(blob: Blob) {
    blob.arrayBuffer().then(
      (buf) => {
        this.result = buf;
        this.fire('load');
      },
      (e) => {
        this.error = e;
        this.fire('error');
      },
    );
  }
  readAsBinaryString(blob: Blob) {
    blob.arrayBuffer().then((buf) => {
      this.result = String.fromCharCode(...new Uint8Array(buf));
      this.fire('load');
    });
  }
}
g.FileReader ??= NodeFileReader;
