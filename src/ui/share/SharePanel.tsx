/**
 * The Share dialog's content (loaded lazily): the link that carries the whole graph, the short
 * `?scenario=` link for an unchanged built-in, and the embed snippet generator. It shows the
 * document as it was when the dialog opened.
 */
import { useEffect, useMemo, useState } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import { encodeShareHash, unshareableHashProblem } from '../../share/share-link.ts';
import { appBaseUrl, type EmbedSource } from '../../share/embed-snippet.ts';
import { unmodifiedBuiltinId } from './builtin-match.ts';
import { CopyField } from './CopyField.tsx';
import { EmbedGenerator } from './EmbedGenerator.tsx';
import './share.css';

export function SharePanel() {
  const [document] = useState(() => useGraphStore.getState().document);
  const [hash, setHash] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const builtinId = useMemo(() => unmodifiedBuiltinId(document), [document]);
  const appLocation = window.location.href;
  const base = appBaseUrl(appLocation);

  useEffect(() => {
    let current = true;
    encodeShareHash(document).then(
      (encoded) => {
        if (!current) return;
        // A link the decoder would refuse is no link: say so, and point at the file instead.
        const tooBig = unshareableHashProblem(encoded);
        if (tooBig) setProblem(tooBig);
        else setHash(encoded);
      },
      (error: unknown) => current && setProblem(`the link could not be made (${String(error)})`),
    );
    return () => {
      current = false;
    };
  }, [document]);

  const source: EmbedSource | null = builtinId ? { builtinId } : hash ? { shareHash: hash } : null;
  return (
    <div className="fl-share">
      <section className="fl-share__section">
        {problem && <p className="fl-share__problem" role="alert">{problem}</p>}
        {hash === null && !problem && <p role="status">Packing the link…</p>}
        {hash !== null && (
          <>
            <CopyField label="Link to this graph" value={base + hash} />
            <p className="fl-share__note">
              The whole scenario travels in the link ({hash.length.toLocaleString('en')} characters), positions included; nothing is uploaded.
            </p>
          </>
        )}
        {builtinId && <CopyField label="Short link (the built-in, unchanged)" value={`${base}?scenario=${builtinId}`} />}
      </section>
      {source && <EmbedGenerator appLocation={appLocation} source={source} title={document.name} />}
    </div>
  );
}
