#!/usr/bin/env node
/** The `scoresheet` binary: the process's streams and environment handed to `main`, its result the exit status. */
import { main } from './cli/main.js';
import { exitQuietlyOnBrokenPipe } from './cli/io.js';

exitQuietlyOnBrokenPipe(process);
main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`scoresheet: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
