import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

// Which Keyplane servers have a database open. SQLite cannot say (an idle connection
// holds no lock), and a restore that replaced the file under a running server would
// leave it writing into the file it had open, so `keyplane serve` leaves a note per
// process in <database>.servers/ while it runs, and `keyplane restore` refuses while
// a noted process is alive. A note whose process is gone (killed -9, a crash) is stale
// and ignored. One note per process, not one lock: two servers may share a database.

export interface ServerNote {
  pid: number;
  host: string;
  started: string;
  url?: string;
}

const notesDir = (dbPath: string) => `${dbPath}.servers`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Notes that this process serves dbPath; returns the function that removes the note. */
export function noteServing(dbPath: string, url?: string): () => void {
  const dir = notesDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, String(process.pid));
  const note: ServerNote = { pid: process.pid, host: hostname(), started: new Date().toISOString(), ...(url && { url }) };
  writeFileSync(file, `${JSON.stringify(note)}\n`);
  return () => rmSync(file, { force: true });
}

/** The live servers noted for dbPath on this machine; stale notes are removed on the way. */
export function runningServers(dbPath: string): ServerNote[] {
  const dir = notesDir(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const running: ServerNote[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let note: ServerNote;
    try {
      note = JSON.parse(readFileSync(file, 'utf8')) as ServerNote;
    } catch {
      continue;
    }
    // A note from another machine (a shared disk) cannot be checked: it counts as running.
    if (note.host !== hostname() || isAlive(note.pid)) running.push(note);
    else rmSync(file, { force: true });
  }
  return running;
}
