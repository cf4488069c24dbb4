import { describe, expect, it } from 'vitest';
import { VirtualFs } from '../host/virtualFs';
import { expandPathname, hasUnquotedGlob } from './pathnameExpansion';

const fs = new VirtualFs({
  '/opt/kafka/bin/zookeeper-server-start.sh': '',
  '/opt/kafka/bin/kafka-server-start.sh': '',
  '/opt/kafka/config/server.properties': '',
  '/opt/kafka/config/kraft/server.properties': '',
  '/opt/kafka/.hidden': '',
});

describe('pathname expansion (bash §3.5.8)', () => {
  it('expands * and ? to sorted matches; `**` is `*` without globstar', () => {
    expect(expandPathname('/opt/kafka/bin/*-start.sh', fs, '/')).toEqual([
      '/opt/kafka/bin/kafka-server-start.sh',
      '/opt/kafka/bin/zookeeper-server-start.sh',
    ]);
    expect(expandPathname('/opt/kafka/bin/zookeeper-**server**-start.sh', fs, '/')).toEqual([
      '/opt/kafka/bin/zookeeper-server-start.sh',
    ]);
    expect(expandPathname('config/k????/*.properties', fs, '/opt/kafka')).toEqual([
      'config/kraft/server.properties',
    ]);
    expect(expandPathname('bin/[kz]*', fs, '/opt/kafka')).toHaveLength(2);
  });

  it('leaves a pattern that matches nothing as it is, and skips dot files', () => {
    expect(expandPathname('/opt/kafka/nothing*', fs, '/')).toEqual(['/opt/kafka/nothing*']);
    expect(expandPathname('/opt/kafka/*', fs, '/')).toEqual([
      '/opt/kafka/bin',
      '/opt/kafka/config',
    ]);
  });

  it('only unquoted glob characters count', () => {
    expect(hasUnquotedGlob('*.sh')).toBe(true);
    expect(hasUnquotedGlob("'*.sh'")).toBe(false);
    expect(hasUnquotedGlob('"a*"')).toBe(false);
    expect(hasUnquotedGlob('a\\*')).toBe(false);
  });
});
