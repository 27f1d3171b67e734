"""Notes, version 2: each note shows whether it is done."""
import configparser
import sqlite3
import sys

from flask import Flask

config = configparser.ConfigParser()
config.read(sys.argv[1] if len(sys.argv) > 1 else "notes.conf")
app = Flask(__name__)
app.secret_key = config["notes"]["secret_key"]


@app.route("/")
def index():
    db = sqlite3.connect(config["notes"]["database"])
    rows = db.execute("select body, done from notes order by rowid")
    return "".join(("[x] " if done else "[ ] ") + body + "\n" for body, done in rows)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(config["notes"]["port"]))
