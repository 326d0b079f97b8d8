// Checkpoints a SQLite database in WAL mode from a thread of its own, on a connection
// of its own, so that copying the WAL into the database file and its fsyncs never run
// on the server's event loop (store/sqlite/driver.ts starts it). Plain JavaScript: a
// worker thread does not get the TypeScript loader the server runs under.
//
// workerData: { file, intervalMs }. Every intervalMs it runs a PASSIVE checkpoint, which
// copies what no reader still needs while the server goes on reading and writing, and
// reports SQLite's answer ({ busy, log, checkpointed }) to the driver. The message
// 'close' closes the connection and ends the thread.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });

const timer = setInterval(() => {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage(result);
}, intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
