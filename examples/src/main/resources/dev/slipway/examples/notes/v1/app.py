"""Notes, version 1: lists the notes of an SQLite database named in notes.conf."""
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
    return "".join(body + "\n" for (body,) in db.execute("select body from notes order by rowid"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(config["notes"]["port"]))
