import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { KeyPath, PlanError, UnlocatedError } from '../plan-error';
import { formatKeyPath } from './key-path';

/** A parsed YAML or JSON text that can say where any key path sits in it. */
export interface SourceDocument {
  file: string;
  data: unknown;
  syntaxErrors: PlanError[];
  locate(error: UnlocatedError): PlanError;
}

/** JSON is parsed as YAML (a superset), so both get the same line and column mapping. */
export function parseSourceDocument(text: string, file: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxErrors: PlanError[] = [...doc.errors].map((e) => ({
    file,
    ...position(e.pos[0]),
    path: '',
    message: `the file cannot be read as ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${firstLine(e.message)}`,
    code: 'yaml-syntax',
  }));
  const data = syntaxErrors.length === 0 ? doc.toJS() : undefined;
  return {
    file,
    data,
    syntaxErrors,
    locate: (error) => ({
      file: error.file,
      ...position(offsetOf(doc, error.path, error.atKey ?? false)),
      path: formatKeyPath(error.path),
      message: error.message,
      code: error.code,
    }),
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Walks the YAML tree along the path; a path that does not exist (a missing key) is located
 * at the deepest node that does, which is the map that should have held it.
 */
function offsetOf(doc: Document, path: KeyPath, atKey: boolean): number {
  let node: Node | null = doc.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    const child = childOf(node, segment);
    if (!child) break;
    node = child.value;
    keyNode = child.key;
  }
  const target = atKey && keyNode ? keyNode : (node ?? keyNode);
  return target?.range?.[0] ?? 0;
}

function childOf(node: Node | null, segment: string | number): { key: Node | null; value: Node | null } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
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
