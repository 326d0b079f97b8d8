import { createProcessContext } from './context.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './program.js';

// The process entry (bin/keyplane.js imports this). The first Ctrl-C or SIGTERM
// asks the running command to stop cleanly; a second one ends the process at once.

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stop.signal.aborted) process.exit(ExitCode.INTERRUPTED);
    stop.abort(signal);
  });
}

process.exitCode = await runCli(process.argv.slice(2), createProcessContext(stop.signal));
// Nothing should keep the process alive once the command is done (an open
// keep-alive socket, a forgotten timer): leave with the code it chose.
process.exit();
