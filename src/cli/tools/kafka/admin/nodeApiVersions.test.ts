import { describe, expect, it } from 'vitest';
import { brokerApiVersions } from '../../../../sim/protocol/apiKeys';
import { nodeApiVersionsText } from './nodeApiVersions';

describe('nodeApiVersionsText (NodeApiVersions.toString, Kafka 3.9)', () => {
  it('fills in every client API the broker left out as UNSUPPORTED, in id order', () => {
    const text = nodeApiVersionsText([{ apiKey: 18, minVersion: 0, maxVersion: 3 }], false);
    expect(text.startsWith('(Produce(0): UNSUPPORTED, Fetch(1): UNSUPPORTED, ')).toBe(true);
    expect(text).toContain(
      ', ApiVersions(18): 0 to 3 [usable: 3], CreateTopics(19): UNSUPPORTED, ',
    );
    expect(text.endsWith(', ReadShareGroupStateSummary(87): UNSUPPORTED)')).toBe(true);
  });

  it('marks ranges this client cannot use and names APIs it does not know', () => {
    const text = nodeApiVersionsText(
      [
        { apiKey: 0, minVersion: 12, maxVersion: 13 },
        { apiKey: 1, minVersion: 0, maxVersion: 0 },
        { apiKey: 3, minVersion: 0, maxVersion: 13 },
        { apiKey: 99, minVersion: 0, maxVersion: 2 },
      ],
      true,
    );
    expect(text).toContain('(\n\tProduce(0): 12 to 13 [unusable: node too new],\n\t');
    expect(text).toContain('\tMetadata(3): 0 to 13 [usable: 12],\n');
    expect(text.endsWith('\tUNKNOWN(99): 0 to 2\n)')).toBe(true);
  });

  it('lets a 3.9 client use everything a 3.9 broker advertises, up to the broker maximum', () => {
    for (const listener of ['zkBroker', 'broker'] as const) {
      const text = nodeApiVersionsText(brokerApiVersions(listener), false);
      expect(text).not.toContain('unusable');
      expect(text).toContain('Fetch(1): 0 to 17 [usable: 17]');
    }
  });
});
