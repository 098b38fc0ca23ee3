/**
 * Copies text with the async clipboard; where that is refused (no permission, an insecure
 * origin, an iframe without clipboard-write) the field's text is selected so Ctrl+C works.
 */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field?.focus();
    field?.select();
    return 'selected';
  }
}
