import { describe, expect, it } from 'vitest';
import { lineBreakSegments } from './lineBreaks';

// JDK BreakIterator.getLineInstance(): sun/text/resources/BreakIteratorRules.java LineBreakRules.
// Each case is a wrap point visible in published Kafka help screens.
describe('line-break opportunities (JDK LineBreakRules)', () => {
  it('breaks after spaces, keeping them with the word before', () => {
    expect(lineBreakSegments('REQUIRED: The Kafka server')).toEqual([
      'REQUIRED: ',
      'The ',
      'Kafka ',
      'server',
    ]);
  });

  it('breaks after a run of dashes: "with --" / "create", "--" / "bootstrap-" / "server"', () => {
    expect(lineBreakSegments('with --create.')).toEqual(['with ', '--', 'create.']);
    expect(lineBreakSegments('--bootstrap-server <String: server')).toEqual([
      '--',
      'bootstrap-',
      'server ',
      '<String: ',
      'server',
    ]);
  });

  it('breaks after sentence punctuation inside a word: "e." / "g.", "throttled." / "replicas"', () => {
    expect(lineBreakSegments('e.g. "test\\.topic".')).toEqual(['e.', 'g. ', '"test\\.', 'topic".']);
    expect(lineBreakSegments('\tfollower.replication.throttled.replicas')).toEqual([
      '\t',
      'follower.',
      'replication.',
      'throttled.',
      'replicas',
    ]);
  });

  it('keeps numbers together: "-1", "1.5", "0-3,"', () => {
    expect(lineBreakSegments('-1 or 1.5 topic2:0-3,topic3')).toEqual([
      '-1 ',
      'or ',
      '1.5 ',
      'topic2:',
      '0-',
      '3,',
      'topic3',
    ]);
  });

  it("joins quotes through $ and ' (hack3) and keeps an opening bracket with its word", () => {
    expect(lineBreakSegments("use the '\\' prefix (WARNING: If")).toEqual([
      'use ',
      'the ',
      "'\\' ",
      'prefix ',
      '(WARNING: ',
      'If',
    ]);
  });
});
