"""Schema of version 1: a table of notes, with a first note in a new database."""
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
db.execute("create table if not exists notes (body text)")
if db.execute("select count(*) from notes").fetchone()[0] == 0:
    db.execute("insert into notes values ('first note')")
db.commit()
