import type { Rule } from './rule';

const LINK = /\[([^[\]\n]*)\]\(([^()\n]*)\)/g;
const TITLE = /^(?:"[^"]*"|'[^']*'|\([^)]*\))$/;

/** Masks code spans (`…`) on one line with spaces so links inside them are not read. */
function maskCode(line: string): string {
  return line.replace(/(`+)([^`]|(?!\1)`)*?\1/g, (m) => ' '.repeat(m.length));
}

export const rule: Rule = {
  meta: {
    id: 'link-target-space',
    description:
      '`[x](Features/RAM Snapshots)`: a link target with a space is not a link in CommonMark and renders as text (fix: `<…>` or underscores).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { lines, literalLines } = ctx.page;
    for (const [from, to] of ctx.lines)
      for (let l = from; l < to; l++) {
        const text = lines[l].text;
        if (literalLines.has(l) || !text.includes('](')) continue;
        const scanned = text.includes('`') ? maskCode(text) : text;
        LINK.lastIndex = 0;
        for (let m = LINK.exec(scanned); m !== null; m = LINK.exec(scanned)) {
          const target = m[2];
          const trimmed = target.trim();
          // `{{< ref page.md >}}`: a site generator's shortcode (Hugo), replaced before the Markdown is rendered.
          if (!/\s/.test(trimmed) || trimmed.startsWith('<') || /^\{\{.*\}\}$/.test(trimmed)) continue;
          const ws = trimmed.search(/\s/);
          if (TITLE.test(trimmed.slice(ws).trim())) continue;
          // A title after the destination stays as it is: only the destination is wrapped.
          const titled = /^(.*?)\s+("[^"]*"|'[^']*')$/.exec(trimmed);
          const dest = titled ? titled[1] : trimmed;
          if (!/\s/.test(dest)) continue;
          const start = m.index + m[1].length + 3 + (target.length - target.trimStart().length);
          const range = { start: { line: l, character: start }, end: { line: l, character: start + dest.length } };
          ctx.report({
            range,
            message: `The link target "${dest}" contains a space, so "[${m[1]}](…)" is not a link: it renders as plain text.`,
            // Pages have thousands of these: the fixes are made when an editor or --fix asks for them.
            fixes: () => [
              { title: `Wrap the target in <…>: <${dest}>`, edits: [{ range, newText: `<${dest}>` }], preferred: true },
              { title: `Use underscores: ${dest.replace(/\s+/g, '_')}`, edits: [{ range, newText: dest.replace(/\s+/g, '_') }] },
            ],
          });
        }
      }
  },
};
