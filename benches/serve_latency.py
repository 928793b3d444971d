#!/usr/bin/env python3
"""How fast `stateside serve` turns a save into a reload: write -> reload event.

    python3 benches/serve_latency.py                 # N = 50 and 500, 20 saves each
    python3 benches/serve_latency.py --states 50 --saves 40

For each N: generates a corpus (cargo run --release --example gen_corpus), starts the
release binary's `serve --port 0` on it, listens to the server-sent events a page listens
to, then saves one state file at a time (a question's text changed, written to a temporary
file and renamed over the old one, as editors do) and measures the time from just before
the write to the arrival of the reload event, which is when an open page starts to reload.
The server's own "Built in X ms" lines give the rebuild time. Prints the medians and the
90th percentiles. A benchmark, not a test: nothing here fails on a slow machine.
"""

import argparse
import http.client
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "stateside")


def lines_into(stream, out):
    for line in iter(stream.readline, b""):
        out.put(line.decode("utf-8", "replace").rstrip("\n"))


def build_events(port, out):
    """Puts (arrival time, build id) of every `state` event into `out`."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/__stateside/events")
    response = conn.getresponse()
    event = None
    for raw in iter(response.fp.readline, b""):
        line = raw.decode().rstrip("\r\n")
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:") and event == "state":
            match = re.search(r'"build":"([^"]*)"', line)
            out.put((time.perf_counter(), match.group(1) if match else None))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(states, saves, work):
    corpus = os.path.join(work, f"corpus-{states}")
    shutil.rmtree(corpus, ignore_errors=True)
    subprocess.run(
        ["cargo", "run", "--release", "-q", "--example", "gen_corpus", "--",
         "--states", str(states), "--out", corpus],
        cwd=ROOT, check=True)
    server = subprocess.Popen(
        [BIN, "serve", "--root", corpus, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        output = queue.Queue()
        threading.Thread(target=lines_into, args=(server.stdout, output), daemon=True).start()
        port = None
        deadline = time.time() + 60
        while port is None and time.time() < deadline:
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", output.get(timeout=60))
            port = match and int(match.group(1))
        events = queue.Queue()
        threading.Thread(target=build_events, args=(port, events), daemon=True).start()
        _, build = events.get(timeout=10)

        state_dir = os.path.join(corpus, "content", "states")
        files = sorted(os.listdir(state_dir))
        latencies, rebuilds = [], []
        for i in range(saves):
            path = os.path.join(state_dir, files[(i * 7) % len(files)])
            with open(path, encoding="utf-8") as f:
                text = f.read()
            # The first question gets a new word, so its text (and its page) changes.
            edited = re.sub(r"^(1\. )", rf"\g<1>Edit {i}: ", text, count=1, flags=re.M)
            time.sleep(0.3)
            while not output.empty():
                output.get()
            started = time.perf_counter()
            with open(path + ".tmp", "w", encoding="utf-8") as f:
                f.write(edited)
            os.replace(path + ".tmp", path)
            while True:
                arrived, new_build = events.get(timeout=30)
                if new_build != build:
                    build = new_build
                    break
            latencies.append((arrived - started) * 1000)
            line = output.get(timeout=10)
            match = re.search(r"Built in (\d+) ms", line)
            if match:
                rebuilds.append(int(match.group(1)))
        print(f"N = {states}: {saves} saves, write -> reload event "
              f"median {statistics.median(latencies):.0f} ms, p90 {percentile(latencies, 90):.0f} ms; "
              f"rebuild median {statistics.median(rebuilds):.0f} ms, p90 {percentile(rebuilds, 90):.0f} ms")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--states", type=int, action="append")
    parser.add_argument("--saves", type=int, default=20)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory(prefix="stateside-serve-bench-") as work:
        for states in args.states or [50, 500]:
            run(states, args.saves, work)


if __name__ == "__main__":
    sys.exit(main())
