// The "done when", as a blogger does it: open a scenario in the editor, copy the embed
// snippet from the Share dialog, paste it verbatim into a page on another origin — and it plays
// there by itself (autoplay=visible, the default). For both outages, and for an edited graph
// (whose snippet carries the whole scenario in the #s= hash).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { editApi2AndAddExternal, nodeIds, openEditor } from './editor-support.ts';
import { embedRun, startHostServer, type HostServer } from './embed-support.ts';
import { openShareDialog } from './share-support.ts';

/** A blog on its own origin whose post holds the snippet exactly as copied. */
const blogWith = (snippet: string): Promise<HostServer> =>
  startHostServer(() => `<!doctype html><html><head><meta charset="utf-8"><title>A post</title></head>
<body><p>What happened that day:</p>${snippet}</body></html>`);

async function copiedSnippet(page: Page): Promise<string> {
  const dialog = await openShareDialog(page);
  const snippet = await dialog.getByRole('textbox', { name: 'Embed snippet' }).inputValue();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  return snippet;
}

/** Opens the post on the blog's origin; resolves with the embed's frame once its run is moving. */
async function playsInPost(page: Page, blog: HostServer): Promise<{ title: string; nodeIds: string[] }> {
  await page.goto(blog.origin);
  // the pasted snippet's iframe, as the blog serves it (no id of ours on it)
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  if (frame === null) throw new Error('the post has no embed frame');
  await expect.poll(async () => (await embedRun(frame)).simulatedMs, { timeout: 30_000 }).toBeGreaterThan(0);
  expect((await embedRun(frame)).status).toBe('running');
  return {
    title: (await page.locator('iframe').getAttribute('title')) ?? '',
    nodeIds: await frame.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? '')),
  };
}

describe('an embed snippet copied from the Share dialog', () => {
  const chromium = useChromium();
  it.each(['key-removal-2021', 'mfa-outage-2019'])('plays %s by itself in a page on another origin', async (builtinId) => {
    const editor = await chromium.open(`?scenario=${builtinId}`);
    await expect.poll(() => nodeIds(editor.page)).not.toEqual([]);
    const expectedIds = await nodeIds(editor.page);
    const snippet = await copiedSnippet(editor.page);
    expect(snippet).toMatch(/^<iframe /);
    expect(snippet).toContain(`scenario=${builtinId}`);

    const blog = await blogWith(snippet);
    try {
      expect(blog.origin).not.toBe(new URL(editor.page.url()).origin);
      const reader = await chromium.newPage();
      const embedded = await playsInPost(reader.page, blog);
      expect(embedded.nodeIds.sort()).toEqual([...expectedIds].sort());
      expect(embedded.title).toContain('Faultline');
      expect(reader.pageErrors).toEqual([]);
      expect(editor.pageErrors).toEqual([]);
    } finally {
      await blog.close();
    }
  });

  it('carries an edited graph whole: the post shows the edit', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await editApi2AndAddExternal(page);
    const editedIds = await nodeIds(page);
    const snippet = await copiedSnippet(page);
    expect(snippet).toContain('#s=');

    const blog = await blogWith(snippet);
    try {
      const reader = await chromium.newPage();
      const embedded = await playsInPost(reader.page, blog);
      expect(embedded.nodeIds.sort()).toEqual([...editedIds].sort());
      expect(reader.pageErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await blog.close();
    }
  });
});
