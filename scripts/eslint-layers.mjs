// ESLint rule `layers/allowed-imports`: every import of a file in a zone of scripts/layers.mjs must be
// allowed there (an allow-list: an unlisted zone or package is an error).
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mayImport, mayUsePackage, zoneOf, ZONES } from './layers.mjs';

const root = normalize(join(dirname(fileURLToPath(import.meta.url)), '..'));

function repoPath(abs) {
  return relative(root, abs).split(sep).join('/');
}

/** The repository path an import names, with `.ts` added when the specifier has no extension. */
function targetOf(fromAbs, spec) {
  const abs = normalize(join(dirname(fromAbs), spec));
  const rel = repoPath(abs);
  if (/\.(ts|mjs|js|json|css)$/.test(rel)) return rel;
  // `../core` names the folder's index; `./x` names x.ts
  return zoneOf(`${rel}.ts`) === zoneOf(`${rel}/index.ts`)
    ? `${rel}.ts`
    : ZONES[zoneOf(`${rel}/index.ts`)]
      ? `${rel}/index.ts`
      : `${rel}.ts`;
}

const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'imports must follow the allow-list of scripts/layers.mjs (see docs/ARCHITECTURE.md)' },
    schema: [],
    messages: {
      zone: '{{from}} may not import {{to}} ({{target}}): {{from}} may import only {{allowed}}. See docs/ARCHITECTURE.md.',
      pkg: '{{from}} may not use the package "{{spec}}": {{from}} may use only {{allowed}}. See docs/ARCHITECTURE.md.',
    },
  },
  create(context) {
    const file = context.filename;
    if (!isAbsolute(file)) return {};
    const from = zoneOf(repoPath(file));
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        let target = targetOf(file, spec);
        // `core/index` is reached as `../core` or `../core/index`.
        if (target === 'server/src/core.ts') target = 'server/src/core/index.ts';
        const to = zoneOf(target) ?? `unzoned ${target}`;
        if (!ZONES[to] || !mayImport(from, to)) {
          context.report({ node, messageId: 'zone', data: { from, to, target, allowed: ZONES[from].may.join(', ') } });
        }
      } else if (!mayUsePackage(from, spec)) {
        context.report({ node, messageId: 'pkg', data: { from, spec, allowed: ZONES[from].packages.join(', ') || 'no package' } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal'
          ? check(node.source, node.source.value)
          : context.report({ node, messageId: 'pkg', data: { from, spec: '(computed)', allowed: 'literal specifiers only' } }),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal')
          check(node, node.arguments[0].value);
      },
      // `import x = require('…')` and `typeof import('…')` in a type reach a module too.
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression.value),
      TSImportType: (node) => {
        const arg = node.argument;
        const literal = arg.type === 'TSLiteralType' ? arg.literal : arg;
        if (literal.type === 'Literal') check(node, literal.value);
      },
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };
