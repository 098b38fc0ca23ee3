/**
 * Scenario markdown (a description, a guide step). Formatted off the page's thread within
 * limits (render-markdown.ts); until the worker answers, and for good when a limit is passed,
 * the text shows as plain text — so the reader always has the words, and the page never waits.
 */
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { plainChunks } from './plain-chunks.ts';
import { markdownRenderer, toShown, type ShownMarkdown } from './render-markdown.ts';
import './markdown.css';

function useShownMarkdown(text: string): ShownMarkdown {
  const renderer = markdownRenderer();
  const [formatted, setFormatted] = useState(() => ({ text, result: renderer.peek(text) }));
  // Runs when the text changes; reads the latest formatted state without re-running on it.
  const format = useEffectEvent((isLive: () => boolean) => {
    if (formatted.text === text && formatted.result !== undefined) return;
    const known = renderer.peek(text);
    if (known) setFormatted({ text, result: known });
    else void renderer.render(text).then((result) => isLive() && setFormatted({ text, result }));
  });
  useEffect(() => {
    let live = true;
    format(() => live);
    return () => {
      live = false;
    };
  }, [text]);
  const result = formatted.text === text ? formatted.result : renderer.peek(text);
  return useMemo(() => toShown(result), [result]);
}

function PlainText({ text }: { text: string }) {
  const chunks = useMemo(() => plainChunks(text), [text]);
  return (
    <div className="fl-markdown__plain">
      {chunks.map((chunk, i) => (
        <div key={i} className="fl-markdown__chunk">{chunk}</div>
      ))}
    </div>
  );
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  const shown = useShownMarkdown(text);
  const classes = `fl-markdown${shown.kind === 'html' ? '' : ` fl-markdown--${shown.kind}`}${className ? ` ${className}` : ''}`;
  if (shown.kind === 'html') {
    // Safe: the worker's HTML passed DOMPurify with a prose-only allow-list (render-markdown.ts).
    return <div className={classes} dangerouslySetInnerHTML={{ __html: shown.html }} />;
  }
  return (
    <div className={classes} aria-busy={shown.kind === 'pending' || undefined}>
      {shown.kind === 'plain' && <p className="fl-markdown__note">Shown as plain text: {shown.reason}.</p>}
      <PlainText text={text} />
    </div>
  );
}
