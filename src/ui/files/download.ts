/** Saves text as a file through a temporary blob link (no server, allowed by the CSP). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(window.document.createElement('a'), { href: url, download: fileName });
  link.click();
  // Revoked later: Chromium reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Checkout: crash behind a balancer" → "checkout-crash-behind-a-balancer". */
export function fileStem(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'scenario';
}
