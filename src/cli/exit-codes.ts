// The exit codes are part of the command's interface: scripts and supervisors
// (systemd's RestartPreventExitStatus, CI steps) branch on them. They are listed
// in `keyplane --help` and docs/cli.md; change them only with both.

export const ExitCode = {
  /** Done; or a long-running command (serve, agent) stopped by Ctrl-C / SIGTERM. */
  OK: 0,
  /** The API answered with an error (not found, forbidden, bad input), or something unexpected. */
  ERROR: 1,
  /** The command line itself is wrong: unknown command or option, bad value. */
  USAGE: 2,
  /** No usable key: none found, a malformed key (bad checksum), or an unreadable config file. Nothing was sent. */
  NO_USABLE_KEY: 3,
  /** The API refused the key: revoked, expired, unknown, or its service account was removed. */
  KEY_REJECTED: 4,
  /** The API could not be reached at the URL given (auth commands; the agent retries instead). */
  UNREACHABLE: 5,
  /** A one-shot command interrupted by Ctrl-C (128 + SIGINT, as shells report it). */
  INTERRUPTED: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODES_HELP = `Exit codes:
  0    done; serve or agent stopped by Ctrl-C or SIGTERM
  1    the API answered with an error (not found, forbidden, bad input), or an unexpected failure
  2    usage error: unknown command or option, or a bad option value
  3    no usable key: none found, a malformed key (bad checksum), or an unreadable config file;
       nothing was sent to the server
  4    the API refused the key: revoked, expired, unknown, or its service account removed
       (a running agent stops with this code: start it again with a new key)
  5    the API could not be reached at the URL (auth commands; the agent retries instead)
  130  an auth command interrupted by Ctrl-C
  agent run exits with its command's code (128+N if signal N ended it; 127 if it could not start)`;

/** An error the command reports in one plain message and a documented exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
