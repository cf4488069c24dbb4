/** The lines that end a coreutils tool's `--help` (coreutils 9.1's `emit_ancillary_info`). */
export function coreutilsFooter(name: string): string {
  return (
    '\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    `Full documentation <https://www.gnu.org/software/coreutils/${name}>\n` +
    `or available locally via: info '(coreutils) ${name} invocation'\n`
  );
}

/** The two standard option lines of a coreutils `--help`. */
export const helpVersionLines =
  '      --help        display this help and exit\n' +
  '      --version     output version information and exit\n';

/** The multiplier paragraph of `head`/`tail --help`. */
export const multiplierHelp =
  '\nNUM may have a multiplier suffix:\n' +
  'b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,\n' +
  'GB 1000*1000*1000, G 1024*1024*1024, and so on for T, P, E, Z, Y.\n' +
  'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n';
