'use strict';
// The backend's driver (better-sqlite3) holding one lock state at a time for the lock tests:
// opened like the backend's connection module, then driven by one command per line on stdin.
//
//   node lockholder.js DB_PATH          (NODE_PATH pointing at the installed node_modules)
// Environment: KALITO_HOLDER_TIMEOUT_MS  busy timeout (default 5000, the backend's)
// Commands, each answered by one line "ok [RESULT]" or "error CODE MESSAGE":
//   exec SQL          run SQL (several statements allowed)
//   read              BEGIN and read a row: the read transaction stays open until "exec COMMIT"
//   checkpoint MODE   PRAGMA wal_checkpoint(MODE); answers "ok BUSY|LOG|CHECKPOINTED"
const readline = require('readline');
const Database = require('better-sqlite3');

const db = new Database(process.argv[2], {
    timeout: Number(process.env.KALITO_HOLDER_TIMEOUT_MS || 5000),
    fileMustExist: true,
});
db.pragma('foreign_keys = ON');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = 1000');
db.pragma('temp_store = MEMORY');
process.stdout.write('ready\n');

readline.createInterface({input: process.stdin}).on('line', (line) => {
    const space = line.indexOf(' ');
    const command = space < 0 ? line : line.slice(0, space);
    const argument = space < 0 ? '' : line.slice(space + 1);
    try {
        let result = '';
        if (command === 'exec') {
            db.exec(argument);
        } else if (command === 'read') {
            db.exec('BEGIN');
            result = String(db.prepare('SELECT count(*) AS n FROM sqlite_schema').get().n);
        } else if (command === 'checkpoint') {
            const row = db.pragma(`wal_checkpoint(${argument})`)[0];
            result = `${row.busy}|${row.log}|${row.checkpointed}`;
        } else {
            throw Object.assign(new Error('unknown command ' + command), {code: 'USAGE'});
        }
        process.stdout.write(`ok ${result}\n`);
    } catch (e) {
        process.stdout.write(`error ${e.code || 'UNKNOWN'} ${String(e.message).replace(/\n/g, ' ')}\n`);
    }
});
