"""Schema of version 2: notes get a done flag (added once)."""
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
db.execute("create table if not exists notes (body text)")
columns = [row[1] for row in db.execute("pragma table_info(notes)")]
if "done" not in columns:
    db.execute("alter table notes add column done integer not null default 0")
    db.execute("insert into notes (body, done) values ('migrated to v2', 1)")
db.commit()
