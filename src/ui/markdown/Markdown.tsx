/** Scenario markdown (a description, a guide step), rendered through render-markdown.ts's sanitizer. */
import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown.ts';

export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  // Safe: renderMarkdown's output passed DOMPurify with a prose-only allow-list.
  return <div className={className ? `fl-markdown ${className}` : 'fl-markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
