#!/usr/bin/env node
// The headless Kafka Workbench shell (DESIGN §4). Runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/headless/main.ts');
main(process.argv.slice(2));
