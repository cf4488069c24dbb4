/**
 * `tar xvf kafka_2.13-X.Y.Z.tgz`: unpacks a Kafka binary distribution, as the notes do after
 * downloading it. The simulated machine has every Kafka release archive cached, so any
 * `kafka_<scala>-<version>.tgz` unpacks into a directory with `bin/`, `config/` and `libs/`
 * (the cluster itself always behaves as Kafka 3.9). Other archives do not exist here.
 */
import { VirtualFs } from '../../host/virtualFs';
import { kafkaHome } from '../../host/kafkaDistribution';
import type { Tool } from '../../runtime/types';

const distribution = /^kafka_(\d+\.\d+)-(\d+\.\d+\.\d+)\.(tgz|tar\.gz)$/;

export const tarTool: Tool = {
  name: 'tar',
  summary: 'Unpack Kafka distribution archives (kafka_2.13-3.9.0.tgz).',
  run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = (args[0] ?? '').replace(/^-/, '');
    if (
      !/^[xtvzf]+$/.test(flags) ||
      !flags.includes('f') ||
      !(flags.includes('x') || flags.includes('t'))
    ) {
      ctx.stderr(
        "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n",
      );
      return ctx.exit(2);
    }
    const archive = args[1];
    if (!archive) {
      ctx.stderr(
        "tar: option requires an argument -- 'f'\nTry 'tar --help' or 'tar --usage' for more information.\n",
      );
      return ctx.exit(2);
    }
    const base = archive.slice(archive.lastIndexOf('/') + 1);
    if (!distribution.test(base)) {
      ctx.stderr(
        `tar: ${archive}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n`,
      );
      return ctx.exit(2);
    }
    const dirName = base.replace(/\.(tgz|tar\.gz)$/, '');
    const entries = [
      `${dirName}/`,
      `${dirName}/LICENSE`,
      `${dirName}/NOTICE`,
      `${dirName}/bin/`,
      `${dirName}/config/`,
      `${dirName}/libs/`,
      `${dirName}/licenses/`,
      `${dirName}/site-docs/`,
    ];
    const target = VirtualFs.resolve(ctx.cwd, dirName);
    if (flags.includes('x')) {
      for (const name of ctx.fs.list(kafkaHome)) {
        const from = `${kafkaHome}/${name}`;
        copyTree(ctx.fs, from, `${target}/${name}`);
      }
      ctx.fs.write(`${target}/LICENSE`, 'Apache License, Version 2.0\n');
      ctx.fs.write(`${target}/NOTICE`, 'Apache Kafka\nCopyright The Apache Software Foundation.\n');
      ctx.fs.mkdir(`${target}/libs`);
    }
    if (flags.includes('v') || flags.includes('t')) for (const e of entries) ctx.stdout(`${e}\n`);
    ctx.exit(0);
  },
};

function copyTree(fs: VirtualFs, from: string, to: string): void {
  const text = fs.read(from);
  if (text !== undefined) {
    fs.write(to, text);
    return;
  }
  fs.mkdir(to);
  for (const name of fs.list(from)) copyTree(fs, `${from}/${name}`, `${to}/${name}`);
}
