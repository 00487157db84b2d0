// Preloaded into the measured process (node --require bench/maxrss.cjs …): on exit, report its peak
// resident set size (kB) on stderr, where the bench picks it up.
process.on('exit', () => {
  process.stderr.write(`\nbench:maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
