/** Import a scenario file (laid out if it has no positions) and download the current one. */
import { useRef, type ChangeEvent } from 'react';
import { graphActions, useGraphStore } from '../../store/graph-store.ts';
import { parseJsonText } from '../../scenario/json-text.ts';

function fileName(name: string): string {
  return `${name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario'}.json`;
}

export function DocumentFile() {
  const input = useRef<HTMLInputElement>(null);
  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file again still fires change
    if (!file) return;
    const json = parseJsonText(await file.text());
    const result = json.ok ? graphActions.load(json.value) : { ok: false as const, reason: `invalid JSON at line ${json.line}, column ${json.column}: ${json.message}` };
    if (!result.ok) useGraphStore.setState({ notice: { tone: 'error', text: `${file.name} was not opened: ${result.reason}.` } });
  };
  const download = () => {
    const { document } = useGraphStore.getState();
    const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
    const link = Object.assign(window.document.createElement('a'), { href: url, download: fileName(document.name) });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="fl-toolbar__group" role="group" aria-label="File">
      <button type="button" className="fl-button" onClick={() => input.current?.click()}>Open file…</button>
      <input ref={input} type="file" accept=".json,application/json" hidden onChange={open} aria-label="Scenario file" />
      <button type="button" className="fl-button" onClick={download}>Download</button>
    </div>
  );
}
