#!/usr/bin/env python3
"""WAL pages a bot turn writes on SQLite, by schema variant (docs/benchmarks.md, "What the end-of-turn write costs").

Takes the schema of the turn's four tables from a migrated database (default: the one ./run.sh makes), fills 40,000
conversations of history, then plays 16 conversations taking turns (a claim, then state + 2 events + 3 transcript lines +
the claim's completion; 5 turns a conversation), 3 writes a commit as under load, with the automatic checkpoint off, and
prints the WAL frames (4 KB pages) per turn for each variant, and for the echo bot's claim and completion alone.

    scripts/wal-pages-per-turn.py [path/to/selfservicebot.db]
"""
import json, os, random, sqlite3, subprocess, sys, tempfile

TABLES = ["ConversationEvents", "ConversationTranscriptLines", "ProcessedActivities", "ConversationStates"]
ANSWER = "To track your order, sign in, open Orders and select the order. " * 6
VARIANTS = [
    ("as shipped", {}),
    ("without AUTOINCREMENT", {"noauto"}),
    ("without the two per-conversation indexes", {"noconvidx"}),
    ("without the two unique idempotency-key indexes", {"nokeyidx"}),
    ("a turn's transcript lines in one row", {"onerow"}),
    ("the first, second and fifth together", {"noauto", "noconvidx", "onerow"}),
    ("as shipped, 6 writes a commit", {"group6"}),
    ("as shipped, 2 writes a commit", {"group2"}),
    ("the echo bot: claim and completion only", {"echo"}),
]


def schema_of(db_path):
    out = subprocess.run(["sqlite3", db_path] + [f".schema {t}" for t in TABLES], capture_output=True, text=True, check=True).stdout
    if not out.strip():
        sys.exit(f"{db_path}: no schema (run ./run.sh once, or name a migrated database)")
    return out


def event(db, conv, turn, kind, at):
    db.execute('INSERT INTO ConversationEvents (IdempotencyKey,ChannelId,ConversationId,UserId,Type,OccurredAt,Locale,ArticleId,Confidence,Reason,Text,DataJson) '
               'VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
               (f"emulator/{conv}/a-{turn}/{kind}/0", "emulator", conv, "user-x", kind, at, "en", "track-order", 80, None, "How do I track my order?", None))


def lines(db, conv, turn, one_row):
    texts = ["How do I track my order?", ANSWER, "Did this answer your question?"]
    rows = [(f"emulator/{conv}/a-{turn}/lines", json.dumps(texts))] if one_row else [(f"emulator/{conv}/a-{turn}/line/{i}", t) for i, t in enumerate(texts)]
    for key, text in rows:
        db.execute('INSERT INTO ConversationTranscriptLines (ConversationKey,TranscriptId,IdempotencyKey,"From",Text,At) VALUES (?,?,?,?,?,?)',
                   ("emulator|" + conv, "a" * 32, key, "bot", text, 1))


def run(schema, flags, folder):
    path = os.path.join(folder, "t.db")
    for f in (path, path + "-wal", path + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(schema.replace(" AUTOINCREMENT", "") if "noauto" in flags else schema)
    if "noconvidx" in flags:
        db.execute("DROP INDEX IX_ConversationEvents_ChannelId_ConversationId_OccurredAt")
        db.execute("DROP INDEX IX_ConversationTranscriptLines_ConversationKey_TranscriptId_Id")
    if "nokeyidx" in flags:
        db.execute("DROP INDEX IX_ConversationEvents_IdempotencyKey")
        db.execute("DROP INDEX IX_ConversationTranscriptLines_IdempotencyKey")
    db.execute("BEGIN")
    for i in range(40000):
        conv = f"conv-{i:08x}-0"
        db.execute("INSERT INTO ConversationStates VALUES (?,?,?,?)", ("emulator|" + conv, '{"locale":"en","stage":"AwaitingFeedback"}' * 6, 3, 0))
        for t in range(5):
            for kind in ("customer_message", "answer_shown"):
                event(db, conv, t, kind, i * 10 + t)
            lines(db, conv, t, "onerow" in flags)
            db.execute("INSERT INTO ProcessedActivities (ChannelId,ConversationId,ActivityId,ClaimedAt,CompletedAt) VALUES (?,?,?,?,?)", ("emulator", conv, f"a-{t}", 0, 1))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA wal_autocheckpoint=0")

    group = 6 if "group6" in flags else 2 if "group2" in flags else 3
    rng = random.Random(1)
    conversations = [[f"c{k:04d}-{rng.randrange(16 ** 8):08x}", 0, 0] for k in range(16)]
    pending = []

    def flush():
        db.execute("BEGIN")
        for kind, conv, turn in pending:
            if kind == "claim":
                db.execute("INSERT INTO ProcessedActivities (ChannelId,ConversationId,ActivityId,ClaimedAt,CompletedAt) VALUES (?,?,?,?,NULL)", ("emulator", conv, f"a-{turn}", 1))
                continue
            if "echo" in flags:
                db.execute("UPDATE ProcessedActivities SET CompletedAt=2 WHERE ChannelId=? AND ConversationId=? AND ActivityId=?", ("emulator", conv, f"a-{turn}"))
                continue
            if turn == 0:
                db.execute("INSERT INTO ConversationStates VALUES (?,?,?,?)", ("emulator|" + conv, '{"x":1}' * 30, 1, 1))
            else:
                db.execute("UPDATE ConversationStates SET Json=?,Version=Version+1,UpdatedAt=? WHERE ConversationKey=?", ('{"x":2}' * 30, 2, "emulator|" + conv))
            for kind2 in ("customer_message", "answer_shown"):
                event(db, conv, turn, kind2, 2)
            lines(db, conv, turn, "onerow" in flags)
            db.execute("UPDATE ProcessedActivities SET CompletedAt=2 WHERE ChannelId=? AND ConversationId=? AND ActivityId=?", ("emulator", conv, f"a-{turn}"))
        db.execute("COMMIT")
        pending.clear()

    turns = 3000
    for _ in range(turns):
        c = rng.choice(conversations)
        conv, turn = f"{c[0]}-{c[1]}", c[2]
        for kind in ("claim", "end"):
            pending.append((kind, conv, turn))
            if len(pending) >= group:
                flush()
        c[2] += 1
        if c[2] == 5:
            c[1], c[2] = c[1] + 1, 0
    flush()
    frames = (os.path.getsize(path + "-wal") - 32) / (4096 + 24)
    db.close()
    return frames / turns


def main():
    db_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src", "SelfServiceBot.Web", "data", "selfservicebot.db")
    schema = schema_of(db_path)
    with tempfile.TemporaryDirectory() as folder:
        print("schema variant                                      WAL frames per turn")
        for name, flags in VARIANTS:
            print(f"{name:<52}{run(schema, flags, folder):6.1f}")


if __name__ == "__main__":
    main()
