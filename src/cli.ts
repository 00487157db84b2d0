#!/usr/bin/env node
/** argv → API → stdout/stderr → exit code. No logic of its own: each command lives in src/cli/. */
import { Command, CommanderError, Option } from 'commander';
import { runCheck } from './cli/check.js';
import { processOutput } from './cli/io.js';
import { SCORESHEET_VERSION } from './version.js';

/** Exit codes (as ESLint): 0 ok, 1 problems found, 2 could not run. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('scoresheet')
    .description('Score inspections against YAML standards.')
    .version(SCORESHEET_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const lang = () => new Option('--lang <locale>', 'language of messages').choices(['en', 'zh-CN']).default('en');

  program
    .command('check')
    .description('validate standards: every error with file:line:col, all at once')
    .argument('<standards...>', 'standard files, or directories of *.yaml standards')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(lang())
    .option('--no-frame', 'no code frame under each diagnostic')
    .action(async (paths: string[], opts: { format: 'text' | 'json'; lang: 'en' | 'zh-CN'; frame: boolean }) => {
      exitCode = await runCheck(paths, { format: opts.format, lang: opts.lang, frames: opts.frame && process.stdout.isTTY === true }, processOutput);
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every usage error is "could not run".
      return error.exitCode === 0 ? 0 : 2;
    }
    processOutput.err(`scoresheet: internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`scoresheet: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
