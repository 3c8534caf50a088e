/** Command-line options of the benchmarks. */

/** The number after `--NAME` on the command line, else `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

/** Whether `--NAME` is on the command line. */
export function flagArg(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`);
}
