// Politeness: one run of the archiver or the link checker never sends two requests to one host
// closer together than `minGapMs` (docs/decisions/0028). Each call reserves the next free slot for
// its host before it sleeps, so concurrent callers queue one behind another instead of all waking
// at the same moment.
export class HostSpacing {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly minGapMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when a request to `host` may be sent; the slot is taken when the call is made. */
  async wait(host: string): Promise<void> {
    const key = host.toLowerCase();
    const now = this.now();
    const slot = Math.max(now, this.nextFree.get(key) ?? now);
    this.nextFree.set(key, slot + this.minGapMs);
    const delay = slot - now;
    if (delay > 0) await new Promise<void>((resolve) => setTimeout(resolve, delay));
  }
}
