/**
 * The Content-Security-Policy of the built app, as a <meta> tag written into index.html by a
 * build-only Vite plugin (the dev server injects an inline React-refresh preamble, which this
 * policy would block). Each directive's reason is in docs/security.md.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'", // no inline script, no eval
  "worker-src 'self'",
  // style *attributes* set from JS go through CSSOM and need no 'unsafe-inline'; nothing injects <style>
  "style-src 'self'",
  "img-src 'self' data: blob:", // the data: favicon, exported PNG/SVG previews
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(policy = CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'faultline:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
    },
  };
}
