/** Resolves `target` against the folder of `fromFile`, with "/" separators; no file system involved. */
export function resolveRelativeTo(fromFile: string, target: string): string {
  if (target.startsWith('/')) return normalise(target);
  const slash = fromFile.lastIndexOf('/');
  return normalise(slash < 0 ? target : `${fromFile.slice(0, slash)}/${target}`);
}

function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return `${absolute ? '/' : ''}${parts.join('/')}`;
}
