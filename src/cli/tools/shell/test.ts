/**
 * `test EXPR` and `[ EXPR ]` as bash's builtins (test.c): status 0 when true, 1 when false, 2 with
 * a message on a malformed expression (`bash: [: missing `]'`).
 */
import type { Tool } from '../../runtime/types';
import { runTest } from '../../shell/conditional';

function testTool(name: 'test' | '['): Tool {
  return {
    name,
    summary: 'Evaluate conditional expression.',
    run(ctx) {
      const result = runTest(name, ctx.argv.slice(1), { fs: ctx.fs, cwd: ctx.cwd });
      if ('error' in result) {
        ctx.stderr(`bash: ${result.error}\n`);
        return ctx.exit(2);
      }
      ctx.exit(result.value ? 0 : 1);
    },
  };
}

/** `test` and `[`. */
export const testTools: Tool[] = [testTool('test'), testTool('[')];
