// The markdown policy (src/ui/markdown/markdown-policy.ts); the sanitizer itself runs in Chromium (tests/e2e/guide.e2e.ts).
import { describe, expect, it } from 'vitest';
import { escapeHtml, isAllowedLink, MARKDOWN_ATTRIBUTES, MARKDOWN_TAGS } from '../../src/ui/markdown/markdown-policy.ts';

describe('markdown policy', () => {
  it('allows absolute http(s) and mailto links', () => {
    for (const href of ['https://example.com/a', 'http://example.com', 'mailto:ops@example.com', ' HTTPS://EXAMPLE.COM']) {
      expect(isAllowedLink(href), href).toBe(true);
    }
  });

  it('refuses script, data, relative and protocol-relative links', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x', '//evil.example', '/local', '#top', 'file:///etc/passwd']) {
      expect(isAllowedLink(href), href).toBe(false);
    }
  });

  it('keeps no tag or attribute that can load or run anything', () => {
    const dangerous = ['script', 'img', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'input', 'link', 'meta', 'video', 'audio', 'source'];
    for (const tag of dangerous) expect(MARKDOWN_TAGS as readonly string[], tag).not.toContain(tag);
    const attributes: readonly string[] = MARKDOWN_ATTRIBUTES;
    expect(attributes.some((a) => a.startsWith('on') || ['src', 'srcset', 'style', 'xlink:href'].includes(a))).toBe(false);
  });
});

describe('raw HTML in markdown', () => {
  it('is escaped to text before any parser sees it', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
  });
});
