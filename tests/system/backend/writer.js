'use strict';
// A stand-in for the Kalito backend: the same driver (better-sqlite3), opened the way the backend's
// connection module opens kalito.db, writing chat sessions and messages in small transactions.
//
//   node writer.js DB_PATH
// Environment:
//   KALITO_WRITER_SECONDS   how long to write (default 60)
//   KALITO_WRITER_PAUSE_MS  pause between transactions (default 5), so two shared cores stay usable
//   KALITO_WRITER_LOG       file receiving one line per commit (default: stdout). A file, because a
//                           test busy with SQL may not drain a pipe, and a full pipe would stall us.
// Output lines:
//   ready                              after the five pragmas
//   commit SESSION_ID MSG_ID[,MSG_ID]  after each committed transaction (the session may be new)
//   error CODE MESSAGE                 any error (SQLITE_BUSY included); writing continues
//   done TRANSACTIONS MESSAGES ERRORS  at the end (also after SIGTERM)
// Exit status: 0 when no error was seen, 1 otherwise.
const fs = require('fs');
const Database = require('better-sqlite3');

const dbPath = process.argv[2];
const seconds = Number(process.env.KALITO_WRITER_SECONDS || 60);
const pauseMs = Number(process.env.KALITO_WRITER_PAUSE_MS || 5);
const logFd = process.env.KALITO_WRITER_LOG ? fs.openSync(process.env.KALITO_WRITER_LOG, 'a') : 1;

function out(line) {
    fs.writeSync(logFd, line + '\n');
}

let errors = 0;
function reportError(e) {
    errors++;
    const text = `error ${e.code || 'UNKNOWN'} ${String(e.message).replace(/\n/g, ' ')}`;
    out(text);
    if (logFd !== 1) fs.writeSync(2, text + '\n');
}

let db;
try {
    // The backend's connection module: timeout 5000 (better-sqlite3's default, set explicitly),
    // then these five pragmas in this order.
    db = new Database(dbPath, {timeout: 5000, fileMustExist: true});
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = 1000');
    db.pragma('temp_store = MEMORY');
} catch (e) {
    reportError(e);
    out('done 0 0 ' + errors);
    process.exit(1);
}

const insertSession = db.prepare(
    'INSERT INTO sessions (id, name, model, persona_id, created_at, updated_at, saved, session_type) ' +
    "VALUES (?, ?, 'gpt-4o-mini', 'default-cloud', ?, ?, 0, 'chat')");
const insertMessage = db.prepare(
    'INSERT INTO messages (session_id, role, text, model_id, token_usage, importance_score, created_at) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?)');
const touchSession = db.prepare('UPDATE sessions SET updated_at = ? WHERE id = ?');

const words = ['the', 'patient', 'asked', 'about', 'medication', 'schedule', 'ok', 'café', 'naïve',
               'Grüße', 'привет', '你好', 'مرحبا', '🙂', '**bold**', '<b>not html</b>', 'and', 'then'];
let seed = 12345;
function random(n) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
}
function text() {
    const n = 3 + random(200);
    const parts = [];
    for (let i = 0; i < n; i++) parts.push(words[random(words.length)]);
    return parts.join(' ');
}

let sessionId = null;
let sessionNumber = 0;
let transactions = 0;
let messages = 0;
const write = db.transaction(() => {
    const now = new Date().toISOString();
    if (sessionId === null || random(10) === 0) {
        sessionNumber++;
        sessionId = `writer-${process.pid}-${sessionNumber}`;
        insertSession.run(sessionId, `Writer session ${sessionNumber}`, now, now);
    }
    const ids = [];
    const count = 1 + random(3);
    for (let i = 0; i < count; i++) {
        const role = i % 2 === 0 ? 'user' : 'assistant';
        const r = insertMessage.run(sessionId, role, text(), role === 'user' ? null : 'gpt-4o-mini',
                                    random(2000), random(100) / 100, now);
        ids.push(Number(r.lastInsertRowid));
    }
    touchSession.run(now, sessionId);
    return ids;
});

let stopping = false;
function finish() {
    if (stopping) return;
    stopping = true;
    try {
        db.close();
    } catch (e) {
        reportError(e);
    }
    out(`done ${transactions} ${messages} ${errors}`);
    process.exit(errors === 0 ? 0 : 1);
}
process.on('SIGTERM', finish);
process.on('SIGINT', finish);

const deadline = Date.now() + seconds * 1000;
function step() {
    if (stopping) return;
    if (Date.now() >= deadline) return finish();
    const session = sessionId;
    try {
        const ids = write();
        transactions++;
        messages += ids.length;
        // A session created in a transaction that failed was rolled back with it.
        out(`commit ${sessionId} ${ids.join(',')}`);
    } catch (e) {
        if (sessionId !== session) sessionId = session;
        reportError(e);
    }
    setTimeout(step, pauseMs);
}

fs.writeSync(1, 'ready\n');
step();
