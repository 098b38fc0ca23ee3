/** The embed snippet generator: choices for the embed parameters → an `<iframe>` to paste. */
import { useId, useState } from 'react';
import { EMBED_CHOICES, EMBED_DEFAULTS, DEFAULT_EMBED_HEIGHT_PX, elementSnippet, embedSnippet, embedUrl, readEmbedOrigin, type EmbedChoices, type EmbedSource } from '../../share/embed-snippet.ts';
import { CopyField } from './CopyField.tsx';

const LABELS: Record<keyof EmbedChoices, string> = {
  autoplay: 'Autoplay',
  controls: 'Controls',
  speed: 'Speed',
  caption: 'Caption',
  theme: 'Theme',
  motion: 'Motion',
};

interface Props {
  appLocation: string;
  source: EmbedSource;
  title: string;
}

export function EmbedGenerator({ appLocation, source, title }: Props) {
  const id = useId();
  const [choices, setChoices] = useState<EmbedChoices>(EMBED_DEFAULTS);
  const [originText, setOriginText] = useState('');
  const [heightPx, setHeightPx] = useState(DEFAULT_EMBED_HEIGHT_PX);
  const origin = readEmbedOrigin(originText);
  const url = embedUrl(appLocation, source, { ...choices, origin: origin.ok ? origin.origin : undefined });
  return (
    <section className="fl-share__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="fl-share__heading">Embed in a page</h3>
      <div className="fl-share__choices">
        {(Object.keys(EMBED_CHOICES) as (keyof EmbedChoices)[]).map((key) => (
          <label key={key}>
            {LABELS[key]}{' '}
            <select value={choices[key]} onChange={(e) => setChoices({ ...choices, [key]: e.target.value })}>
              {EMBED_CHOICES[key].map((value) => (
                <option key={value} value={value}>{value}{value === EMBED_DEFAULTS[key] ? ' (default)' : ''}</option>
              ))}
            </select>
          </label>
        ))}
        <label>
          Height (px){' '}
          <input type="number" min={200} max={2000} step={10} value={heightPx} onChange={(e) => setHeightPx(e.target.valueAsNumber)} />
        </label>
        <label className="fl-share__origin">
          Page allowed to control it (optional){' '}
          <input type="url" placeholder="https://your-blog.example" value={originText} onChange={(e) => setOriginText(e.target.value)} aria-invalid={!origin.ok} />
        </label>
      </div>
      {!origin.ok && <p className="fl-share__problem" role="alert">Not used: {origin.problem}.</p>}
      <CopyField label="Embed snippet" value={embedSnippet(url, title, heightPx)} multiline />
      {/* The same embed for MDX, Astro, Docusaurus pages (docs/embedding.md); it names its page's origin itself. */}
      <CopyField label="Or as an element (<faultline-embed>)" value={elementSnippet(appLocation, source, choices, title, heightPx)} multiline />
      <a href={url} target="_blank" rel="noopener noreferrer">Open the embed in a new tab</a>
    </section>
  );
}
