"""B6's and B7's Python contender: CnosDB's own connector, cnos-connector (PyPI, 0.1.9),
used as its README shows. The Java suite runs it and reads what it prints.

    python3 cnos_connector_bench.py write  <url> <database> <lines file> <lines per call>
    python3 cnos_connector_bench.py format <url> <database> <values file> <lines per call>
    python3 cnos_connector_bench.py query  <url> <database> <sql>

write:  the lines, read from the file before the clock starts, passed to write_lines in
        calls of <lines per call>; the same bytes the plain POST sends.
format: each line formatted from its raw values with an f-string (the values read before
        the clock starts), as a user of write_lines must, then written the same way.
query:  execute(sql), which returns every row as a dict.

Prints "key value" lines: wall_ns and cpu_ns (this process's CPU time: time.process_time_ns,
all threads, the garbage collector included) of the timed part, the lines written or rows
read, and max_rss_kb, the process's peak resident memory (VmHWM: getrusage's ru_maxrss would
carry over the peak of the JVM that started this process, which Linux keeps across exec). Credentials come from
CNOSDB_USER and CNOSDB_PASSWORD, never from the command line.
"""
import os
import sys
import time

from cnosdb_connector import connect


def connection(url, database):
    conn = connect(url=url.rstrip("/") + "/", user=os.environ.get("CNOSDB_USER", "root"),
                   password=os.environ.get("CNOSDB_PASSWORD", ""))
    conn.switch_database(database)
    return conn


def batches(lines, size):
    return [lines[i:i + size] for i in range(0, len(lines), size)]


def timed(work):
    cpu = time.process_time_ns()
    start = time.perf_counter_ns()
    result = work()
    wall = time.perf_counter_ns() - start
    return result, wall, time.process_time_ns() - cpu


def write(conn, path, size):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    calls = batches(lines, size)

    def send():
        for call in calls:
            conn.write_lines(call)
        return len(lines)

    return timed(send)


def format_and_write(conn, path, size):
    # One point per line: host,region,usage_user,usage_system,count,timestamp
    with open(path, encoding="utf-8") as f:
        rows = [line.split(",") for line in f.read().splitlines()]
    values = [(h, r, float(u), float(s), int(c), int(t)) for h, r, u, s, c, t in rows]
    del rows

    def send():
        written = 0
        for start in range(0, len(values), size):
            lines = [f"cpu,host={h},region={r} usage_user={u!r},usage_system={s!r},count={c}i {t}"
                     for h, r, u, s, c, t in values[start:start + size]]
            conn.write_lines(lines)
            written += len(lines)
        return written

    return timed(send)


def query(conn, sql):
    def run():
        return len(conn.execute(sql))

    return timed(run)


def peak_resident_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    mode, url, database = sys.argv[1:4]
    conn = connection(url, database)
    if mode == "write":
        count, wall, cpu = write(conn, sys.argv[4], int(sys.argv[5]))
    elif mode == "format":
        count, wall, cpu = format_and_write(conn, sys.argv[4], int(sys.argv[5]))
    elif mode == "query":
        count, wall, cpu = query(conn, sys.argv[4])
    else:
        raise SystemExit(f"Unknown mode '{mode}': use write, format or query")
    print(f"wall_ns {wall}")
    print(f"cpu_ns {cpu}")
    print(f"count {count}")
    print(f"max_rss_kb {peak_resident_kib()}")


if __name__ == "__main__":
    main()
