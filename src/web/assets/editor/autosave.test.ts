import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveScheduler, browserTimers, type SaveOutcome } from './autosave.js';

/** A save the test finishes by hand, to look at the scheduler while a request is in flight. */
function controlledSave() {
  const pending: ((o: SaveOutcome) => void)[] = [];
  const save = vi.fn(() => new Promise<SaveOutcome>((resolve) => pending.push(resolve)));
  const finish = async (outcome: SaveOutcome) => {
    pending.shift()?.(outcome);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { save, finish };
}

const options = { idleMs: 3000, retryMs: (n: number) => 5000 * n, timers: browserTimers };

describe('AutosaveScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once the author has been idle for the delay, not while typing', async () => {
    const { save, finish } = controlledSave();
    const s = new AutosaveScheduler(save, options);
    s.changed();
    await vi.advanceTimersByTimeAsync(2000);
    s.changed();
    await vi.advanceTimersByTimeAsync(2999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(s.busy).toBe(true);
    await finish('saved');
    expect(s.dirty).toBe(false);
    expect(s.busy).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('never has two requests in flight, and saves changes made during one right after it', async () => {
    const { save, finish } = controlledSave();
    const s = new AutosaveScheduler(save, options);
    s.changed();
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).toHaveBeenCalledTimes(1);
    s.changed();
    await vi.advanceTimersByTimeAsync(3000);
    // The second save is due, but the first has not answered.
    expect(save).toHaveBeenCalledTimes(1);
    await finish('saved');
    expect(s.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    await finish('saved');
    expect(s.dirty).toBe(false);
  });

  it('retries after a network failure, waiting longer each time', async () => {
    const { save, finish } = controlledSave();
    const s = new AutosaveScheduler(save, options);
    s.changed();
    await vi.advanceTimersByTimeAsync(3000);
    await finish('retry');
    await vi.advanceTimersByTimeAsync(4999);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(2);
    await finish('retry');
    await vi.advanceTimersByTimeAsync(9999);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    await finish('saved');
    expect(s.dirty).toBe(false);
  });

  it('treats a save that throws as a failure to retry', async () => {
    const save = vi
      .fn<() => Promise<SaveOutcome>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue('saved');
    const s = new AutosaveScheduler(save, options);
    s.changed();
    await vi.advanceTimersByTimeAsync(3000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(s.dirty).toBe(false);
  });

  it('stops for good after a conflict', async () => {
    const { save, finish } = controlledSave();
    const s = new AutosaveScheduler(save, options);
    s.changed();
    await vi.advanceTimersByTimeAsync(3000);
    await finish('conflict');
    expect(s.isStopped).toBe(true);
    s.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(s.dirty).toBe(true);
  });

  it('waits for the next change after the server refuses the data', async () => {
    const { save, finish } = controlledSave();
    const s = new AutosaveScheduler(save, options);
    s.changed();
    await vi.advanceTimersByTimeAsync(3000);
    await finish('rejected');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(s.dirty).toBe(true);
    s.changed();
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('only tracks changes where there is nowhere to autosave', async () => {
    const s = new AutosaveScheduler(null, options);
    expect(s.dirty).toBe(false);
    s.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.dirty).toBe(true);
    expect(s.busy).toBe(false);
  });

  it('tells when the request in flight has ended', async () => {
    const { save, finish } = controlledSave();
    const s = new AutosaveScheduler(save, options);
    s.changed();
    await vi.advanceTimersByTimeAsync(3000);
    let settled = false;
    void s.settled().then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await finish('saved');
    expect(settled).toBe(true);
  });
});
