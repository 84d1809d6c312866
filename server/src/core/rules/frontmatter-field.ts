import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'frontmatter-field',
    description:
      'A known front matter field of the wrong shape (`title` missing or empty, `authors` neither list nor string, `wiki_revision_count` not an integer).',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const fm = ctx.page.frontMatter;
    if (!fm || fm.errors.length > 0) return;
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const title = fm.fields.get('title');
    if (!title) ctx.report({ range: top, message: 'Front matter has no `title`.' });
    else if (title.type === 'null' || String(title.value).trim() === '')
      ctx.report({ range: title.keyRange, message: '`title` is empty: give the page a title.' });
    else if (title.type !== 'string')
      ctx.report({ range: title.valueRange, message: `\`title\` should be text; quote it: title: "${title.raw}"` });
    const authors = fm.fields.get('authors');
    if (authors) {
      const ok =
        authors.type === 'string' ||
        (authors.type === 'list' && Array.isArray(authors.value) && authors.value.every((a) => typeof a === 'string'));
      if (!ok)
        ctx.report({
          range: authors.valueRange.start.line === authors.valueRange.end.line && authors.raw ? authors.valueRange : authors.keyRange,
          message: '`authors` should be a list of names or a comma-separated string.',
        });
    }
    const revisions = fm.fields.get('wiki_revision_count');
    if (revisions && revisions.type !== 'integer') {
      ctx.report({
        range: revisions.raw ? revisions.valueRange : revisions.keyRange,
        message: `\`wiki_revision_count\` should be a whole number, not ${revisions.raw ? `"${revisions.raw}"` : 'empty'}.`,
      });
    }
  },
};
