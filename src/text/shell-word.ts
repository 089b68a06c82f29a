/**
 * One argument of a command scnc suggests (`scnc runbook FILE --from DIR`), written so that pasting
 * the line into a POSIX shell passes it unchanged: as it is when it holds only characters no shell
 * treats specially, else in single quotes (a quote inside becomes '\''). A customer folder named
 * `delta corp` would otherwise reach the shell as two arguments.
 */
export function shellWord(argument: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(argument)) return argument;
  return `'${argument.replace(/'/g, "'\\''")}'`;
}
