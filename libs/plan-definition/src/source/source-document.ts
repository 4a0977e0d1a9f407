import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type CST, type Document, type Node, type Pair } from 'yaml';
import type { KeyPath, PlanError, UnlocatedError } from '../plan-error';
import { checkShape } from './check-shape';
import { parseJsonSourceDocument } from './json-source-document';
import { formatKeyPath } from './key-path';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits';

/** A parsed YAML or JSON text that can say where any key path sits in it. */
export interface SourceDocument {
  file: string;
  data: unknown;
  syntaxErrors: PlanError[];
  locate(error: UnlocatedError): PlanError;
}

/**
 * JSON is parsed as YAML (a superset), so both get the same line and column mapping. The text is
 * checked against the limits in stages that each cost time linear in its size: its length, then
 * the shape of the syntax tree (before any document is built), then duplicate keys, then aliases
 * while values are built.
 */
export function parseSourceDocument(text: string, file: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): SourceDocument {
  const lineCounter = new LineCounter();
  const position = (offset: number) => {
    if (lineCounter.lineStarts.length === 0) return { line: 1, column: offset + 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const format = file.endsWith('.json') ? 'JSON' : 'YAML';
  const refused = (offset: number, message: string): SourceDocument => ({
    file,
    data: undefined,
    syntaxErrors: [{ file, ...position(offset), path: '', message, code: 'yaml-syntax' }],
    locate: (error) => ({ file: error.file, line: 0, column: 0, path: formatKeyPath(error.path), message: error.message, code: error.code }),
  });
  if (text.length > limits.maxCharacters) {
    return refused(0, `the file has ${text.length.toLocaleString('en')} characters: at most ${limits.maxCharacters.toLocaleString('en')} are accepted`);
  }

  if (file.endsWith('.json')) return parseJsonSourceDocument(text, file, limits);

  const tokens: CST.Token[] = [...new Parser(lineCounter.addNewLine).parse(text)];
  const violation = checkShape(tokens, limits);
  if (violation) return refused(violation.offset, `the file is too large to be a plan: ${violation.message}`);

  const doc = firstDocument(tokens, text.length);
  // `name: "实验"小学` inside { … }: the quotes close before the value ends.
  const quoteHint = '; a value with quotes or an ASCII comma inside { … } must be quoted whole, e.g. name: \'"实验"小学\'';
  // A tab used for indentation derails the parser: the lines after it give follow-on errors
  // that point nowhere useful. Report only the tabs, one message each.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const syntaxErrors: PlanError[] = (tabs.length > 0 ? tabs : [...doc.errors]).map((e) => ({
    file,
    ...position(e.pos[0]),
    path: '',
    message:
      e.code === 'TAB_AS_INDENT'
        ? `the file cannot be read as ${format}: a tab is used to indent this line; indent with spaces only`
        : `the file cannot be read as ${format}: ${firstLine(e.message)}${e.code === 'UNEXPECTED_TOKEN' && /scalar/i.test(e.message) ? quoteHint : ''}`,
    code: 'yaml-syntax',
  }));
  const duplicate = syntaxErrors.length === 0 ? firstDuplicateKey(doc) : undefined;
  if (duplicate) syntaxErrors.push({ file, ...position(duplicate.range?.[0] ?? 0), path: '', message: `the file cannot be read as ${format}: Map keys must be unique`, code: 'yaml-syntax' });

  let data: unknown;
  if (syntaxErrors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: limits.maxAliases });
    } catch (error) {
      // yaml refuses aliases whose expansion would exceed the budget ("billion laughs").
      return refused(0, `the file cannot be read as ${format}: its aliases expand to too much data (${firstLine((error as Error).message)})`);
    }
  }
  const children = new ChildIndex();
  return {
    file,
    data,
    syntaxErrors,
    locate: (error) => ({
      file: error.file,
      ...position(offsetOf(doc, children, error.path, error.atKey ?? false)),
      path: formatKeyPath(error.path),
      message: error.message,
      code: error.code,
    }),
  };
}

/** As yaml's parseDocument: the first document, and an error if the text holds more. */
function firstDocument(tokens: CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

/**
 * yaml's own unique-keys check compares every key with every earlier one (minutes for a mapping
 * of 40,000 keys); a set per mapping does the same in one pass.
 */
function firstDuplicateKey(doc: Document): Node | undefined {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) return pair.key as Node;
        seen.add(key);
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Key lookups in mappings, indexed once per mapping so that locating every problem stays linear. */
class ChildIndex {
  private readonly byMap = new WeakMap<object, Map<string, Pair>>();

  pairOf(map: { items: Pair[] }, segment: string | number): Pair | undefined {
    let index = this.byMap.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (!index.has(key)) index.set(key, pair);
      }
      this.byMap.set(map, index);
    }
    return index.get(String(segment));
  }
}

/**
 * Walks the YAML tree along the path; a path that does not exist (a missing key) is located
 * at the deepest node that does, which is the map that should have held it.
 */
function offsetOf(doc: Document, children: ChildIndex, path: KeyPath, atKey: boolean): number {
  let node: Node | null = doc.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    const child = childOf(node, children, segment);
    if (!child) break;
    node = child.value;
    keyNode = child.key;
  }
  const target = atKey && keyNode ? keyNode : (node ?? keyNode);
  return target?.range?.[0] ?? 0;
}

function childOf(node: Node | null, children: ChildIndex, segment: string | number): { key: Node | null; value: Node | null } | undefined {
  if (isMap(node)) {
    const pair = children.pairOf(node, segment);
    if (!pair) return undefined;
    const key = isScalar(pair.key) ? pair.key : null;
    const value = (pair.value as Node | null) ?? key;
    return { key, value };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { key: null, value: item } : undefined;
  }
  return undefined;
}
