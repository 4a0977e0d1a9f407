import { parseTree, printParseErrorCode, visit, type Node as JsonNode } from 'jsonc-parser';
import { LineCounter } from 'yaml';
import type { KeyPath, PlanError } from '../plan-error';
import { formatKeyPath } from './key-path';
import type { ParseLimits } from './parse-limits';
import type { SourceDocument } from './source-document';

class LimitReached extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

interface Frame {
  isMap: boolean;
  entries: number;
  keys?: Set<string>;
}

/**
 * JSON files are read with a JSON scanner rather than as YAML: several times faster on large
 * files. The limits are checked while scanning (the scan stops at the first excess, before any
 * value is built); values then come from the native JSON.parse, and locations from a syntax tree
 * built only when there is a problem to locate.
 */
export function parseJsonSourceDocument(text: string, file: string, limits: ParseLimits): SourceDocument {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = (offset: number, message: string): PlanError => ({ file, ...position(offset), path: '', message, code: 'yaml-syntax' });
  const syntaxErrors: PlanError[] = [];
  try {
    scan(text, limits, (offset, message) => {
      syntaxErrors.push(problem(offset, `the file cannot be read as JSON: ${message}`));
      if (syntaxErrors.length >= limits.maxErrors) throw new LimitReached(offset, '');
    });
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    if (error.message) syntaxErrors.push(problem(error.offset, `the file is too large to be a plan: ${error.message}`));
  }
  const data = syntaxErrors.length === 0 ? JSON.parse(text) : undefined;
  let tree: JsonNode | undefined;
  const index = new WeakMap<JsonNode, Map<string, JsonNode>>();
  return {
    file,
    data,
    syntaxErrors,
    locate: (error) => {
      tree ??= parseTree(text, undefined, { disallowComments: true }) ?? undefined;
      return { file: error.file, ...position(offsetOf(tree, index, error.path, error.atKey ?? false)), path: formatKeyPath(error.path), message: error.message, code: error.code };
    },
  };
}

function scan(text: string, limits: ParseLimits, onSyntaxError: (offset: number, message: string) => void): void {
  const stack: Frame[] = [];
  const countEntry = (offset: number) => {
    const parent = stack[stack.length - 1];
    if (!parent || parent.isMap) return;
    if (++parent.entries > limits.maxItemsPerList) throw new LimitReached(offset, `a list with more than ${limits.maxItemsPerList.toLocaleString('en')} entries`);
  };
  const open = (isMap: boolean, offset: number) => {
    countEntry(offset);
    if (stack.length + 1 > limits.maxDepth) throw new LimitReached(offset, `nested deeper than ${limits.maxDepth} levels`);
    stack.push({ isMap, entries: 0, keys: isMap ? new Set() : undefined });
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => open(true, offset),
      onArrayBegin: (offset) => open(false, offset),
      onObjectEnd: () => void stack.pop(),
      onArrayEnd: () => void stack.pop(),
      onLiteralValue: (_value, offset) => countEntry(offset),
      onObjectProperty: (property, offset) => {
        const frame = stack[stack.length - 1];
        if (++frame.entries > limits.maxKeysPerMap) throw new LimitReached(offset, `a mapping with more than ${limits.maxKeysPerMap} keys`);
        if (frame.keys!.has(property)) onSyntaxError(offset, `the key "${property}" appears twice in one mapping`);
        frame.keys!.add(property);
      },
      onError: (code, offset) => onSyntaxError(offset, printParseErrorCode(code)),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
}

/** As for YAML: a path that does not exist is located at the deepest node that does. */
function offsetOf(root: JsonNode | undefined, index: WeakMap<JsonNode, Map<string, JsonNode>>, path: KeyPath, atKey: boolean): number {
  let node = root;
  let keyNode: JsonNode | undefined;
  for (const segment of path) {
    if (!node) break;
    if (node.type === 'object') {
      let properties = index.get(node);
      if (!properties) {
        properties = new Map();
        for (const property of node.children ?? []) {
          const key = property.children?.[0];
          if (key && !properties.has(String(key.value))) properties.set(String(key.value), property);
        }
        index.set(node, properties);
      }
      const property = properties.get(String(segment));
      if (!property) break;
      keyNode = property.children?.[0];
      node = property.children?.[1] ?? keyNode;
    } else if (node.type === 'array' && typeof segment === 'number') {
      const item = node.children?.[segment];
      if (!item) break;
      keyNode = undefined;
      node = item;
    } else break;
  }
  const target = atKey && keyNode ? keyNode : node;
  return target?.offset ?? 0;
}

