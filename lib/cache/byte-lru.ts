// A least-recently-used map bounded by the bytes its values hold, not by their number: one CSV
// export can weigh as much as a thousand API pages. Map keeps insertion order, so re-inserting on
// every hit makes its first key the least recently used.

export type Sized = { bytes: number };

export class ByteLru<V extends Sized> {
  private readonly entries = new Map<string, V>();
  private held = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** False, and nothing stored, when the value alone is larger than the whole budget. */
  set(key: string, value: V): boolean {
    if (value.bytes > this.maxBytes) return false;
    this.delete(key);
    this.entries.set(key, value);
    this.held += value.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.held <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.held -= old.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.held -= value.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.held;
  }
}
