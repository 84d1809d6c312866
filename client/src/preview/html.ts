/**
 * The preview webview's document: a Content Security Policy that allows nothing but our script (by a
 * fresh nonce) and our stylesheet (from the extension's media/ and dist/ folders). No page text is in
 * this document; the script draws the dashboard from the status model it receives. No `vscode` import.
 */
import { esc } from '../../../shared/status';

export interface ShellOptions {
  /** `webview.cspSource`: the origin `asWebviewUri` URIs are served from. */
  cspSource: string;
  /** `asWebviewUri` of dist/preview.js and media/status.css. */
  scriptUri: string;
  styleUri: string;
  /** `asWebviewUri` of media/changes.css (the "Changes" section). */
  changesStyleUri?: string;
  /** A fresh random nonce for this render (base64 or hex). */
  nonce: string;
  /** VS Code's display language (`en` when absent or not a language tag). */
  lang?: string;
  /** The document's title and the text shown until the first model arrives (translated by the caller; English when absent). */
  title?: string;
  loading?: string;
}

/** `default-src 'none'`: scripts only with the nonce, styles only from the extension's resources. */
export function contentSecurityPolicy(o: Pick<ShellOptions, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    `img-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewHtml(o: ShellOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(o.nonce)) throw new Error('the nonce must be at least 16 base64 characters');
  // `cspSource` is a source list such as `'self' https://*.vscode-cdn.net`: no directive separator, no quote ending the attribute.
  if (/[;"<>\r\n]/.test(o.cspSource) || /'unsafe-/.test(o.cspSource)) throw new Error(`unexpected CSP source: ${o.cspSource}`);
  const lang = o.lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(o.lang) ? o.lang : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${esc(o.styleUri)}">${o.changesStyleUri ? `\n<link rel="stylesheet" href="${esc(o.changesStyleUri)}">` : ''}
<title>${esc(o.title ?? 'Release status')}</title>
</head>
<body>
<main id="rp-app" class="rp-dashboard"><p class="rp-empty">${esc(o.loading ?? 'Loading the release status…')}</p></main>
<script nonce="${esc(o.nonce)}" src="${esc(o.scriptUri)}"></script>
</body>
</html>
`;
}
