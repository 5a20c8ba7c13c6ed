"""Runs the documented operations of CnosDB's Python connector (cnos-connector, PyPI) against a
running CnosDB and prints what each returned, for the README's "Coming from cnos-connector"
table. CnosConnectorParityTests runs the starter's equivalents against the same server.

    pip install cnos-connector==0.1.9
    CNOSDB_URL=http://127.0.0.1:8902 python3 cnos_connector_parity.py

The CSV import needs a file path the server can read (the connector makes the server read it),
so it only works where server and script share a file system.
"""
import datetime
import json
import os
import tempfile
import time

from cnosdb_connector import connect

url = os.environ.get("CNOSDB_URL", "http://127.0.0.1:8902").rstrip("/") + "/"
user = os.environ.get("CNOSDB_USER", "root")
password = os.environ.get("CNOSDB_PASSWORD", "")
conn = connect(url=url, user=user, password=password)
# Times inside the databases' TTL: CnosDB refuses older points.
now = time.time_ns() // 1_000_000_000 * 1_000_000_000


def show(name, call):
    try:
        result = call()
        print(f"{name}: {json.dumps(result, default=str)}")
    except Exception as ex:  # the connector raises for some failures and swallows others
        print(f"{name}: raised {type(ex).__name__}: {ex}")


show("execute SHOW DATABASES", lambda: conn.execute("SHOW DATABASES"))
show("drop_database (cleanup)", lambda: conn.drop_database("ParityDb"))
show("create_database MixedCase", lambda: conn.create_database("ParityDb"))
show("list_database", lambda: conn.list_database())
show("create_database_with_ttl", lambda: conn.create_database_with_ttl("parity_ttl", "30d"))
show("create_database_with_ttl decimal", lambda: conn.create_database_with_ttl("parity_ttl2", "1.5d"))
show("create_database twice", lambda: conn.create_database("parity_ttl"))
conn.switch_database("parity_ttl")
show("write_lines", lambda: conn.write_lines([
    f"air,station=XiaoMaiDao visibility=56,temperature=69,pressure=77 {now}",
    f"air,station=XiaoMaiDao visibility=72,temperature=71,pressure=71 {now + 1000}"]))
show("write_lines bad line", lambda: conn.write_lines(["air,station=a"]))
show("execute SELECT", lambda: conn.execute("SELECT * FROM air ORDER BY time"))
show("execute INSERT", lambda: conn.execute(
    f"INSERT INTO air (TIME, station, visibility, temperature, pressure) VALUES ({now + 2000}, 'XiaoMaiDao', 56, 69, 77)"))
show("execute bad SQL", lambda: conn.execute("SELEC 1"))
show("execute missing table", lambda: conn.execute("SELECT * FROM missing"))
show("list_table", lambda: conn.list_table())
csv = os.path.join(tempfile.mkdtemp(), "air.csv")
with open(csv, "w") as f:
    f.write("time,station,visibility,temperature,pressure\n"
            + datetime.datetime.fromtimestamp(now // 1_000_000_000, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            + ".000000003,LianYunGang,50,60,70\n")
show("write_csv", lambda: conn.write_csv("air", csv))
show("execute after write_csv", lambda: conn.execute("SELECT count(*) AS n FROM air"))
cursor = conn.cursor()
show("cursor.execute", lambda: cursor.execute("SELECT station, visibility FROM air ORDER BY time"))
show("cursor.description", lambda: cursor.description)
show("cursor.fetchone", lambda: cursor.fetchone())
show("cursor.fetchall", lambda: cursor.fetchall())
show("cursor.execute with %(name)s", lambda: cursor.execute(
    "SELECT station FROM air WHERE station = %(s)s", {"s": "it's"}))
show("drop_table", lambda: conn.drop_table("air"))
show("create_user", lambda: conn.create_user("parity_user", "'pw'"))
show("create_user unquoted password", lambda: conn.create_user("parity_user2", "pw"))
show("drop_user", lambda: conn.drop_user("parity_user"))
conn.switch_database("public")
show("drop_database", lambda: conn.drop_database("parity_ttl"))
show("drop_database MixedCase", lambda: conn.drop_database("ParityDb"))
show("drop_database missing", lambda: conn.drop_database("parity_missing"))
