import { describe, expect, it } from 'vitest';
import { shortMemberId } from './format';

describe('shortMemberId', () => {
  it('keeps the client id and the first group of the UUID', () => {
    expect(shortMemberId('console-consumer-849a01b3-32eb-4f89-b31c-476ca4edd2df')).toBe(
      'console-consumer-849a01b3…',
    );
  });

  it('leaves a static member or other ids as they are', () => {
    expect(shortMemberId('worker-1')).toBe('worker-1');
  });
});
