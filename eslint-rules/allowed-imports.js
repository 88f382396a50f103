// A local ESLint rule in the style of VS Code's `code-import-patterns`: each layer (a set of
// folders) lists what it MAY import; any other import is an error. Relative imports are
// resolved to a path under the project root and matched against the allow-list's path globs
// ("src/shared/**", "src/core/index"); bare imports are matched by package name ("react",
// "@noble/*", "*" for any package) and "node:*" stands for Node's built-in modules, with or
// without the prefix. An entry starting with "!" takes a package back out ("!electron").
// A file may always import files of its own layer (the first layer whose folders hold it). Type-only imports count too: a layer that
// names another's types depends on it as much as one that calls it.
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** "**" any number of folders, "*" one name (no "/"); a glob matches the path or a file below it. */
export function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** `src/core/library/scan` for '../library/scan' from src/core/tags/x.ts: no extension, a folder as its index. */
export function resolveSource(fromFile, specifier, root) {
  const abs = path.resolve(path.dirname(fromFile), specifier);
  let rel = path.relative(root, abs).split(path.sep).join('/');
  rel = rel.replace(/\.(?:[cm]?[jt]sx?|d\.ts)$/, '');
  if (!/\.[a-z]+$/i.test(rel)) {
    try {
      if (fs.statSync(abs).isDirectory()) rel = `${rel}/index`;
    } catch {
      // not a folder (a file named without its extension)
    }
  }
  return rel;
}

/** Package names: "*" matches any name, scoped ones too ("@scope/*" those of one scope). */
function packageGlob(glob) {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The allow-list as a sentence: "src/shared/**, Node built-ins, any package but electron". */
function describeAllow(allow) {
  const shown = allow.filter((a) => !a.startsWith('!')).map((a) => (a === 'node:*' ? 'Node built-ins' : a === '*' ? 'any package' : a));
  const but = allow.filter((a) => a.startsWith('!')).map((a) => a.slice(1));
  return `${shown.join(', ') || 'nothing outside it'}${but.length ? ` but ${but.join(', ')}` : ''}`;
}

function compileLayer(layer) {
  const paths = [];
  const packages = [];
  const notPackages = [];
  let node = false;
  for (const entry of layer.allow) {
    if (entry === 'node:*') node = true;
    else if (entry.startsWith('!')) notPackages.push(packageGlob(entry.slice(1)));
    else if (entry.startsWith('src/') || entry.startsWith('./')) paths.push(globToRegExp(entry.replace(/^\.\//, '')));
    else packages.push(packageGlob(entry));
  }
  return { ...layer, own: layer.files.map(globToRegExp), paths, packages, notPackages, node };
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'each layer imports only what its allow-list names (DESIGN.md layers, src/*/README.md)' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                files: { type: 'array', items: { type: 'string' } },
                allow: { type: 'array', items: { type: 'string' } },
              },
              required: ['name', 'files', 'allow'],
              additionalProperties: false,
            },
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      notAllowed: '{{layer}} may not import "{{source}}" ({{what}}); it may import: {{allowed}}.',
    },
  },
  create(context) {
    const options = context.options[0];
    const root = options.root ?? context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/').replace(/\.(?:[cm]?[jt]sx?)$/, '');
    // The first layer whose folders hold the file: list the narrower layers first.
    const layers = options.layers.map(compileLayer);
    const ownerOf = (target) => layers.find((l) => l.own.some((re) => re.test(target)));
    const layer = ownerOf(file);
    if (!layer) return {};

    function check(node, source) {
      if (typeof source !== 'string') return;
      let what;
      if (source.startsWith('.') || source.startsWith('/')) {
        const target = resolveSource(context.filename, source, root);
        if (ownerOf(target) === layer || layer.paths.some((re) => re.test(target))) return;
        what = target;
      } else if (source.startsWith('node:') || NODE_BUILTINS.has(packageName(source))) {
        if (layer.node) return;
        what = 'a Node built-in';
      } else {
        const name = packageName(source);
        if (layer.packages.some((re) => re.test(name)) && !layer.notPackages.some((re) => re.test(name))) return;
        what = `the package ${name}`;
      }
      context.report({ node, messageId: 'notAllowed', data: { layer: layer.name, source, what, allowed: describeAllow(layer.allow) } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      TSImportType: (node) => {
        const arg = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        if (arg?.type === 'Literal') check(node, arg.value);
      },
    };
  },
};
