// What the package check reads in README.md: its fenced code blocks (which must reach the .vsix unchanged)
// and the relative link and image targets outside code (which must resolve to files inside the .vsix, where
// VS Code's extension view resolves them).

/** The fenced code blocks of a Markdown text, each with its fence lines, in order. */
export function fences(markdown: string): string[] {
  const out: string[] = [];
  let open: { marker: string; lines: string[] } | null = null;
  for (const line of markdown.split('\n')) {
    if (open) {
      open.lines.push(line);
      if (new RegExp(`^ {0,3}${open.marker[0]}{${open.marker.length},}\\s*$`).test(line)) {
        out.push(open.lines.join('\n'));
        open = null;
      }
      continue;
    }
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (m) open = { marker: m[1], lines: [line] };
  }
  if (open) out.push(open.lines.join('\n'));
  return out;
}

/** Relative link and image targets outside fenced code and code spans, without `#fragment`; URLs and anchors skipped. */
export function relativeTargets(markdown: string): string[] {
  let prose = markdown;
  for (const f of fences(markdown)) prose = prose.replace(f, '');
  prose = prose.replace(/(`+)[^`]*?\1/g, '');
  const targets = new Set<string>();
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1].split('#')[0];
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    targets.add(decodeURI(target));
  }
  return [...targets].sort();
}
