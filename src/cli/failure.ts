/** scnc could not do its job (exit code 2): bad usage, unreadable input, unwritable output. The
 * message is one line that names the path or option concerned; it is printed without a stack. */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
  /** @param file the path the message is about, when it is about one (SARIF notifications locate it) */
  constructor(message: string, readonly file?: string) {
    super(message);
  }
}

export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_FAILURE = 2;
