// The project's own ESLint rules (plugin `project`, used by eslint.config.js):
// - project/allowed-imports: a file may import only the folders and packages its layer lists (eslint.config.js
//   says which layer a file is in and what that layer may import).
// - project/explained-disable: an eslint-disable comment names the rules it turns off and says why.
//
// ESLint's own no-restricted-imports matches the specifier as written, so '../main/index' means electron/main
// from electron/preload/x.ts but electron/preload/main from a file one folder deeper. This rule resolves a
// relative specifier against the importing file first and compares project paths, whatever the depth.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** @typedef {{ root: string, layer: string, folders: string[], packages: string[], why: string }} Options */

/** `node:*` and `@tiptap/extension-*` match by prefix; any other name matches itself and its subpaths ('react-dom/client'). */
function packageAllowed(specifier, packages) {
  return packages.some((name) =>
    name.endsWith('*') ? specifier.startsWith(name.slice(0, -1)) : specifier === name || specifier.startsWith(`${name}/`),
  );
}

/** A project path in '/' form, or null when the import leaves the project. */
function projectPathOf(root, fromFile, specifier) {
  const target = relative(root, isAbsolute(specifier) ? specifier : resolve(dirname(fromFile), specifier));
  if (target === '..' || target.startsWith(`..${sep}`) || isAbsolute(target)) return null;
  return target.split(sep).join('/');
}

function folderAllowed(path, folders) {
  return folders.some((folder) => path.startsWith(folder) || `${path}/` === folder);
}

/** The module a node imports when it names one with a string literal (imports, re-exports, import(), require(), import('x').T). */
function specifierOf(node) {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
      return node.source?.type === 'Literal' && typeof node.source.value === 'string' ? node.source : null;
    case 'TSImportEqualsDeclaration':
      return node.moduleReference.type === 'TSExternalModuleReference' ? node.moduleReference.expression : null;
    case 'TSImportType': {
      const argument = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
      return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument : null;
    }
    case 'CallExpression':
      return node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments[0]?.type === 'Literal' &&
        typeof node.arguments[0].value === 'string'
        ? node.arguments[0]
        : null;
    default:
      return null;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Allow each layer only the folders and packages eslint.config.js lists for it' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layer: { type: 'string' },
          folders: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
          why: { type: 'string' },
        },
        required: ['root', 'layer', 'folders', 'packages', 'why'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: "{{layer}} may not import '{{specifier}}' ({{target}}): it may import only {{folders}}. {{why}}",
      outside: "{{layer}} may not import '{{specifier}}': it resolves outside the project.",
      package: "{{layer}} may not import the package '{{specifier}}': it may import only {{packages}}. {{why}}",
    },
  },
  create(context) {
    /** @type {Options} */
    const { root, layer, folders, packages, why } = context.options[0];
    const check = (node) => {
      const literal = specifierOf(node);
      if (literal === null) return;
      const specifier = literal.value;
      if (specifier.startsWith('.') || isAbsolute(specifier)) {
        const target = projectPathOf(root, context.filename, specifier);
        if (target === null) context.report({ node: literal, messageId: 'outside', data: { layer, specifier } });
        else if (!folderAllowed(target, folders)) {
          context.report({ node: literal, messageId: 'folder', data: { layer, specifier, target, folders: folders.join(', '), why } });
        }
      } else if (!packageAllowed(specifier, packages)) {
        context.report({ node: literal, messageId: 'package', data: { layer, specifier, packages: packages.join(', ') || 'none', why } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
      TSImportEqualsDeclaration: check,
      TSImportType: check,
      CallExpression: check,
    };
  },
};

const directive = /^\s*eslint-disable(?:-next-line|-line)?(?=\s|$)(.*)$/s;

/** @type {import('eslint').Rule.RuleModule} */
export const explainedDisable = {
  meta: {
    type: 'suggestion',
    docs: { description: "Require every eslint-disable comment to name its rules and give a reason after ' -- '" },
    schema: [],
    messages: {
      noRule: 'Name the rule(s) this comment turns off: a bare eslint-disable silences every rule.',
      noReason: "Say why after ' -- ' (eslint-disable-line rule-name -- reason).",
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const match = directive.exec(comment.value);
          if (match === null) continue;
          const [rules, reason] = match[1].split(/\s-{2,}\s/, 2);
          if (rules.trim() === '') context.report({ loc: comment.loc, messageId: 'noRule' });
          else if (reason === undefined || reason.trim() === '') context.report({ loc: comment.loc, messageId: 'noReason' });
        }
      },
    };
  },
};

/** The project's rules as an ESLint plugin. */
export const projectPlugin = {
  meta: { name: 'project' },
  rules: { 'allowed-imports': allowedImports, 'explained-disable': explainedDisable },
};
