"""What the consumer scripts (test_consumers.py, test_stats_formats.py) share:
the command line (IOM SOURCE_DIR), running iom, and collecting failures."""
import subprocess
import sys

iom, src = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    result = subprocess.run([iom, *args], capture_output=True, check=False)
    check(result.returncode == 0, f"iom {' '.join(args)} exited {result.returncode}: {result.stderr!r}")
    check(result.stderr == b"", f"iom {' '.join(args)} wrote to stderr: {result.stderr!r}")
    return result.stdout
