// The shared busy-and-error controller: one run at a time, a failure in the host's words, `fail`
// for work that goes beside the runs, and `latest` runs that replace the one on its way.
import { describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AsyncAction } from '../../../../src/client/core/async-action.js';

/** A host that counts the updates it is asked for (AsyncAction needs nothing else of Lit). */
function host() {
  const controllers: ReactiveController[] = [];
  const self = {
    updates: 0,
    controllers,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void self.updates++,
    updateComplete: Promise.resolve(true),
  };
  return self satisfies ReactiveControllerHost;
}

const say = (error: unknown, doing: string) => `We couldn't ${doing}: ${String(error)}`;

/** A promise the test settles by hand. */
function later<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('AsyncAction', () => {
  it('is busy while a run goes, refuses a second one meanwhile, and says a failure', async () => {
    const h = host();
    const action = new AsyncAction(h, say);
    expect(h.controllers).toContain(action);
    const gate = later();
    const first = action.run('save', () => gate.promise);
    expect(action.busy).toBe(true);
    let secondRan = false;
    expect(
      await action.run('save', async () => {
        secondRan = true;
      }),
    ).toBe(false);
    expect(secondRan).toBe(false);
    gate.reject('boom');
    expect(await first).toBe(false);
    expect(action.busy).toBe(false);
    expect(action.error).toBe("We couldn't save: boom");
    // The next run starts with the error cleared, and a success says nothing.
    expect(await action.run('save', async () => undefined)).toBe(true);
    expect(action.error).toBe('');
  });

  it('words a failure beside the runs with fail, without taking busy', () => {
    const h = host();
    const action = new AsyncAction(h, say);
    const before = h.updates;
    action.fail('down', 'load the list');
    expect(action.busy).toBe(false);
    expect(action.error).toBe("We couldn't load the list: down");
    expect(h.updates).toBe(before + 1);
    action.fail('down', 'load the list');
    expect(action.error).toBe("We couldn't load the list: down");
  });

  it('with latest, a new run replaces the one on its way: only the newest counts', async () => {
    const action = new AsyncAction(host(), say, { latest: true });
    const first = later();
    const second = later();
    let firstSignal!: AbortSignal;
    const a = action.run('load the report', (signal) => {
      firstSignal = signal;
      return first.promise;
    });
    const b = action.run('load the report', () => second.promise);
    expect(firstSignal.aborted).toBe(true);
    first.reject('too late');
    expect(await a).toBe(false);
    // The replaced run's failure is not said, and the newest is still going.
    expect(action.error).toBe('');
    expect(action.busy).toBe(true);
    second.resolve();
    expect(await b).toBe(true);
    expect(action.busy).toBe(false);
  });

  it('with latest, leaving the page aborts the run on its way and says nothing', async () => {
    const action = new AsyncAction(host(), say, { latest: true });
    const gate = later();
    let seen!: AbortSignal;
    const run = action.run('load the report', (signal) => {
      seen = signal;
      return gate.promise;
    });
    action.hostDisconnected();
    expect(seen.aborted).toBe(true);
    gate.reject('aborted');
    expect(await run).toBe(false);
    expect(action.error).toBe('');
    expect(action.busy).toBe(false);
  });

  it('without latest, leaving the page lets a run finish and count', async () => {
    const action = new AsyncAction(host(), say);
    const gate = later();
    const run = action.run('save', () => gate.promise);
    action.hostDisconnected();
    gate.resolve();
    expect(await run).toBe(true);
  });
});
