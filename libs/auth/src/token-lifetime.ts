/** `30d`, `12h`, `90m`, `3600s` → seconds. Tokens are bounded: at most ten years. */
export function parseTokenLifetime(text: string): number {
  const match = /^(\d{1,6})\s*([smhdw])$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a lifetime: a number and s, m, h, d or w (e.g. 30d, 12h)`);
  const unit = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[match[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  const seconds = Number(match[1]) * unit;
  if (seconds < 1 || seconds > 10 * 366 * 86_400) throw new RangeError(`"${text}": a lifetime between 1 second and 10 years`);
  return seconds;
}
