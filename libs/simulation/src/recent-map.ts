/**
 * A Map keyed by id that remembers its last hit. One event's cascade asks for the same assignment
 * several times in a row (decide, fold, the workflow's timers, the people's reaction), and a
 * lookup in a map of a county plan's 138,000 assignments is a cache miss each time.
 */
export class RecentMap<V> {
  private readonly map = new Map<string, V>();
  private lastKey: string | undefined;
  private lastValue: V | undefined;

  get(key: string): V | undefined {
    if (key === this.lastKey) return this.lastValue;
    const value = this.map.get(key);
    if (value !== undefined) {
      this.lastKey = key;
      this.lastValue = value;
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.set(key, value);
    this.lastKey = key;
    this.lastValue = value;
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }
}
