// Time comes from a clock object so tests can move it; nothing else calls Date.now().
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(t: number): void {
    this.current = t;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
