import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/bus';
import { Prng } from '../random/prng';
import { Scheduler } from '../time/scheduler';
import { Network } from './network';
import { rpc } from './rpc';

function setup() {
  const scheduler = new Scheduler();
  const network = new Network(scheduler, new Prng(1), new EventBus(scheduler));
  network.setUp('client', true);
  network.setUp('broker-1', true);
  const outcome: { at?: number; result?: string } = {};
  const call = (answerAfterMs: number) =>
    rpc<string>(
      network,
      scheduler,
      'client',
      'broker-1',
      'Produce',
      (respond) =>
        scheduler.schedule(answerAfterMs, () => network.isUp('broker-1') && respond('ok')),
      (r) => Object.assign(outcome, { at: scheduler.now, result: r }),
      (e) => Object.assign(outcome, { at: scheduler.now, result: e }),
      30_000,
    );
  return { scheduler, network, outcome, call };
}

describe('request/response over the simulated network', () => {
  it('answers after the round trip', () => {
    const { scheduler, outcome, call } = setup();
    call(5);
    scheduler.advance(100);
    expect(outcome.result).toBe('ok');
    expect(outcome.at).toBeGreaterThanOrEqual(7);
  });

  it('a stopped receiver refuses the connection: NETWORK_EXCEPTION after one round trip', () => {
    const { scheduler, network, outcome, call } = setup();
    network.setUp('broker-1', false);
    call(5);
    scheduler.advance(100);
    expect(outcome.result).toBe('NETWORK_EXCEPTION');
    expect(outcome.at).toBeLessThanOrEqual(4);
  });

  it('a receiver that crashes while handling the request closes the connection: NETWORK_EXCEPTION at once', () => {
    const { scheduler, network, outcome, call } = setup();
    call(1_000);
    scheduler.advance(500);
    network.setUp('broker-1', false);
    scheduler.advance(1);
    expect(outcome).toEqual({ at: 500, result: 'NETWORK_EXCEPTION' });
  });

  it('a cut link loses the request silently: REQUEST_TIMED_OUT after request.timeout.ms', () => {
    const { scheduler, network, outcome, call } = setup();
    network.cut('client', 'broker-1');
    call(5);
    scheduler.advance(29_999);
    expect(outcome.result).toBeUndefined();
    scheduler.advance(1);
    expect(outcome).toEqual({ at: 30_000, result: 'REQUEST_TIMED_OUT' });
  });
});
