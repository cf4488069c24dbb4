import { describe, expect, it } from 'vitest';
import { OptionError } from './optionError';
import type { OptionSpec } from './optionSpec';
import { withDefaultOptions } from './optionSpec';
import type { ParsedOptions, ParseResult } from './parseOptions';
import { parseOptions } from './parseOptions';
import { topicCommandOptions39 } from './testdata/topicCommandOptions';

/** kafka-topics' table (TopicCommand.java, 3.9). */
const topics = topicCommandOptions39();

/** The part of ConsoleProducer.scala (3.9) that uses requiredUnless, plus a `--property` option. */
const producer: OptionSpec[] = withDefaultOptions([
  {
    name: 'broker-list',
    description:
      'DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified.',
    argument: { kind: 'required', describedAs: 'broker-list', type: 'String' },
  },
  {
    name: 'bootstrap-server',
    description: 'REQUIRED unless --broker-list(deprecated) is specified.',
    requiredUnless: ['broker-list'],
    argument: { kind: 'required', describedAs: 'server to connect to', type: 'String' },
  },
  {
    name: 'topic',
    description: 'REQUIRED: The topic id to produce messages to.',
    argument: { kind: 'required', describedAs: 'topic', type: 'String' },
  },
  {
    name: 'property',
    description: 'A mechanism to pass user-defined properties.',
    argument: { kind: 'required', describedAs: 'prop', type: 'String' },
  },
  {
    name: 'timeout',
    description: 'linger.ms',
    argument: {
      kind: 'required',
      describedAs: 'timeout_ms',
      type: 'Long',
      defaultValues: ['1000'],
    },
  },
]);

/** A console-consumer-like table with `--from-beginning`. */
const consumer: OptionSpec[] = withDefaultOptions([
  { name: 'from-beginning', description: 'Start with the earliest message.' },
  {
    name: 'topic',
    description: 'The topic to consume on.',
    argument: { kind: 'required', describedAs: 'topic', type: 'String' },
  },
]);

function ok(result: ParseResult): ParsedOptions {
  if (result instanceof OptionError) throw new Error(`unexpected ${result.toString()}`);
  return result;
}

function fail(result: ParseResult): OptionError {
  if (!(result instanceof OptionError)) throw new Error('expected an OptionError');
  return result;
}

function thrown(fn: () => unknown): OptionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OptionError) return e;
    throw e;
  }
  throw new Error('expected an OptionError to be thrown');
}

// Golden messages: jopt-simple 5.0.4 src/main/resources/joptsimple/ExceptionMessages.properties.
describe('parseOptions (joptsimple/OptionParser.java with allowAbbreviations=false)', () => {
  it('accepts --name value, --name=value and a single-dash full name (-partitions 1)', () => {
    const spaced = ok(parseOptions(topics, ['--create', '--topic', 'orders', '--partitions', '3']));
    expect(spaced.intValueOf('partitions')).toBe(3);
    expect(spaced.valueOf('topic')).toBe('orders');

    const equals = ok(
      parseOptions(topics, ['--create', '--partitions=3', '--bootstrap-server=localhost:9092']),
    );
    expect(equals.intValueOf('partitions')).toBe(3);
    expect(equals.valueOf('bootstrap-server')).toBe('localhost:9092');

    const singleDash = ok(parseOptions(topics, ['-create', '-partitions', '1', '-topic=foo']));
    expect(singleDash.has('create')).toBe(true);
    expect(singleDash.intValueOf('partitions')).toBe(1);
    expect(singleDash.valueOf('topic')).toBe('foo');
  });

  it('splits --name=value at the first = only (KeyValuePair.valueOf)', () => {
    const parsed = ok(
      parseOptions(producer, ['--bootstrap-server', 'b:9092', '--property=parse.key=true']),
    );
    expect(parsed.valueOf('property')).toBe('parse.key=true');
  });

  it('--from-begining is "from-begining is not a recognized option" (UnrecognizedOptionException)', () => {
    const error = fail(parseOptions(consumer, ['--topic', 't', '--from-begining']));
    expect(error.javaClass).toBe('joptsimple.UnrecognizedOptionException');
    expect(error.message).toBe('from-begining is not a recognized option');
    expect(error.toString()).toBe(
      'joptsimple.UnrecognizedOptionException: from-begining is not a recognized option',
    );
  });

  it('-from-begining is a short-option cluster whose first unknown char is reported: "f is not a recognized option"', () => {
    const error = fail(parseOptions(consumer, ['-from-begining']));
    expect(error.javaClass).toBe('joptsimple.UnrecognizedOptionException');
    expect(error.message).toBe('f is not a recognized option');
  });

  it('rejects abbreviations: --partition is not --partitions', () => {
    const error = fail(parseOptions(topics, ['--alter', '--partition', '3']));
    expect(error.message).toBe('partition is not a recognized option');
  });

  it('reports the key of --name=value when the name is unknown', () => {
    expect(fail(parseOptions(topics, ['--partition=3'])).message).toBe(
      'partition is not a recognized option',
    );
  });

  it('a required argument missing at the end is "Option partitions requires an argument"', () => {
    const error = fail(parseOptions(topics, ['--create', '--topic', 't', '--partitions']));
    expect(error.javaClass).toBe('joptsimple.OptionMissingRequiredArgumentException');
    expect(error.message).toBe('Option partitions requires an argument');
  });

  it('--partitions= (empty after =) takes the next argument as its value', () => {
    expect(ok(parseOptions(topics, ['--partitions=', '7'])).intValueOf('partitions')).toBe(7);
    expect(fail(parseOptions(topics, ['--partitions='])).message).toBe(
      'Option partitions requires an argument',
    );
  });

  it('a required argument is the next argument even when it looks like an option', () => {
    const parsed = ok(parseOptions(topics, ['--topic', '--partitions', '--create']));
    expect(parsed.valueOf('topic')).toBe('--partitions');
    expect(parsed.has('partitions')).toBe(false);
    expect(parsed.has('create')).toBe(true);
  });

  it('converts ofType(Integer) values when read: "Cannot parse argument \'abc\' of option partitions"', () => {
    const parsed = ok(parseOptions(topics, ['--create', '--partitions', 'abc']));
    expect(parsed.has('partitions')).toBe(true);
    expect(parsed.valuesOf('topic')).toEqual([]);
    const error = thrown(() => parsed.intValueOf('partitions'));
    expect(error.javaClass).toBe('joptsimple.OptionArgumentConversionException');
    expect(error.message).toBe("Cannot parse argument 'abc' of option partitions");
    expect(thrown(() => parsed.valueOf('partitions')).message).toBe(
      "Cannot parse argument 'abc' of option partitions",
    );
  });

  it('Integer values follow Integer.parseInt: sign, range', () => {
    const parse = (v: string) => ok(parseOptions(topics, ['--partitions', v]));
    expect(parse('+5').intValueOf('partitions')).toBe(5);
    expect(parse('-1').intValueOf('partitions')).toBe(-1);
    expect(parse('2147483647').intValueOf('partitions')).toBe(2147483647);
    expect(thrown(() => parse('2147483648').intValueOf('partitions')).message).toBe(
      "Cannot parse argument '2147483648' of option partitions",
    );
    expect(thrown(() => parse('1.5').intValueOf('partitions')).message).toBe(
      "Cannot parse argument '1.5' of option partitions",
    );
  });

  it('uses defaultsTo values when the option is absent, without counting it as present', () => {
    const parsed = ok(parseOptions(producer, ['--bootstrap-server', 'b:9092', '--topic', 't']));
    expect(parsed.has('timeout')).toBe(false);
    expect(parsed.longValueOf('timeout')).toBe(1000n);
    expect(parsed.valueOf('timeout')).toBe('1000');
    expect(parsed.valueOf('topic')).toBe('t');
    expect(parsed.valueOf('broker-list')).toBeUndefined();
  });

  it('requiredUnless: "Missing required option(s) [bootstrap-server]" (MissingRequiredOptionsException)', () => {
    const error = fail(parseOptions(producer, ['--topic', 't']));
    expect(error.javaClass).toBe('joptsimple.MissingRequiredOptionsException');
    expect(error.message).toBe('Missing required option(s) [bootstrap-server]');
    expect(
      ok(parseOptions(producer, ['--broker-list', 'b:9092', '--topic', 't'])).has('broker-list'),
    ).toBe(true);
  });

  it('a forHelp option (--help, --version) switches the required checks off', () => {
    expect(ok(parseOptions(producer, ['--help'])).has('help')).toBe(true);
    expect(ok(parseOptions(producer, ['--version'])).has('version')).toBe(true);
  });

  it('required(): missing options are listed once each, in the parser HashMap order', () => {
    const specs: OptionSpec[] = [
      { name: 'b', description: '', required: true, argument: { kind: 'required' } },
      { name: 'a', description: '', required: true, argument: { kind: 'required' } },
    ];
    // "a".hashCode() = 97 (bucket 1) comes before "b".hashCode() = 98 (bucket 2).
    expect(fail(parseOptions(specs, [])).message).toBe('Missing required option(s) [a, b]');
    expect(fail(parseOptions(specs, ['-a', 'x'])).message).toBe('Missing required option(s) [b]');
  });

  it('requiredIf and availableUnless', () => {
    const specs: OptionSpec[] = [
      { name: 'execute', description: '' },
      { name: 'dry-run', description: '', availableUnless: ['execute'] },
      { name: 'group', description: '', requiredIf: ['execute'], argument: { kind: 'required' } },
    ];
    expect(fail(parseOptions(specs, ['--execute'])).message).toBe(
      'Missing required option(s) [group]',
    );
    const unavailable = fail(parseOptions(specs, ['--execute', '--group', 'g', '--dry-run']));
    expect(unavailable.javaClass).toBe('joptsimple.UnavailableOptionException');
    expect(unavailable.message).toBe(
      'Option(s) [dry-run] are unavailable given other options on the command line',
    );
  });

  it('repeated --property options collect their values in order', () => {
    const parsed = ok(
      parseOptions(producer, [
        '--bootstrap-server',
        'b:9092',
        '--property',
        'parse.key=true',
        '--property=key.separator=:',
      ]),
    );
    expect(parsed.valuesOf('property')).toEqual(['parse.key=true', 'key.separator=:']);
    const error = thrown(() => parsed.valueOf('property'));
    expect(error.javaClass).toBe('joptsimple.MultipleArgumentsForOptionException');
    expect(error.message).toBe(
      'Found multiple arguments for option property, but you asked for only one',
    );
  });

  it('-- ends the options: everything after it is a non-option argument', () => {
    const parsed = ok(parseOptions(topics, ['--list', '--', '--partitions', '3', '-x']));
    expect(parsed.has('partitions')).toBe(false);
    expect(parsed.nonOptionArguments()).toEqual(['--partitions', '3', '-x']);
  });

  it('keeps non-option arguments (and a lone -) in order between options', () => {
    const parsed = ok(parseOptions(topics, ['first', '--list', '-', 'second']));
    expect(parsed.nonOptionArguments()).toEqual(['first', '-', 'second']);
    expect(parsed.argv).toEqual(['first', '--list', '-', 'second']);
  });

  it('an option without an argument ignores =value (NoArgumentOptionSpec)', () => {
    const parsed = ok(parseOptions(topics, ['--list=yes']));
    expect(parsed.has('list')).toBe(true);
    expect(parsed.hasArgument('list')).toBe(false);
    expect(parsed.nonOptionArguments()).toEqual([]);
  });

  it('withOptionalArg takes the next argument unless it looks like an option (numbers excepted)', () => {
    const specs: OptionSpec[] = [
      { name: 'name', description: '', argument: { kind: 'optional' } },
      { name: 'count', description: '', argument: { kind: 'optional', type: 'Integer' } },
      { name: 'list', description: '' },
    ];
    const withValue = ok(parseOptions(specs, ['--name', 'x', '--count', '-5']));
    expect(withValue.valueOf('name')).toBe('x');
    expect(withValue.intValueOf('count')).toBe(-5);

    const withoutValue = ok(parseOptions(specs, ['--name', '--list', '--count', 'abc']));
    expect(withoutValue.has('name')).toBe(true);
    expect(withoutValue.valueOf('name')).toBeUndefined();
    expect(withoutValue.has('list')).toBe(true);
    expect(withoutValue.intValueOf('count')).toBeUndefined();
    expect(withoutValue.nonOptionArguments()).toEqual(['abc']);
  });

  it('short-option clusters: -abc, and an argument glued to a one-letter option', () => {
    const specs: OptionSpec[] = [
      { name: 'a', description: '' },
      { name: 'b', description: '' },
      { name: 'c', description: '', argument: { kind: 'required' } },
    ];
    const parsed = ok(parseOptions(specs, ['-abcvalue']));
    expect(parsed.has('a') && parsed.has('b')).toBe(true);
    expect(parsed.valueOf('c')).toBe('value');
    expect(ok(parseOptions(specs, ['-ac', 'next'])).valueOf('c')).toBe('next');
    expect(fail(parseOptions(specs, ['-abx'])).message).toBe('x is not a recognized option');
  });

  it('synonyms (acceptsAll) share values; messages join them with /', () => {
    const specs: OptionSpec[] = [
      {
        name: 'partitions',
        aliases: ['p'],
        description: '',
        argument: { kind: 'required', type: 'Integer' },
      },
    ];
    const parsed = ok(parseOptions(specs, ['-p', 'x']));
    expect(parsed.has('partitions')).toBe(true);
    expect(thrown(() => parsed.intValueOf('partitions')).message).toBe(
      "Cannot parse argument 'x' of option p/partitions",
    );
    expect(fail(parseOptions(specs, ['--partitions'])).message).toBe(
      'Option p/partitions requires an argument',
    );
  });

  it('withValuesSeparatedBy splits one argument into several values', () => {
    const specs: OptionSpec[] = [
      {
        name: 'ids',
        description: '',
        argument: { kind: 'required', type: 'Integer', valuesSeparatedBy: ',' },
      },
    ];
    expect(ok(parseOptions(specs, ['--ids', '1,2,,3', '--ids', '4'])).intValuesOf('ids')).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('treats an undeclared name or a wrong accessor type as a programming error', () => {
    const parsed = ok(parseOptions(topics, ['--list']));
    expect(() => parsed.has('nope')).toThrow('option "nope" is not declared');
    expect(() => parsed.intValueOf('topic')).toThrow(
      'option "topic" is of type String, not Integer',
    );
    expect(() => parseOptions([{ name: '-x', description: '' }], [])).toThrow(
      '-x is not a legal option character',
    );
  });
});
