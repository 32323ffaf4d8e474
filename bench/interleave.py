"""Wall time of several commands run in turn, round after round, so that a shared
machine's slow spells fall on all of them alike: prints each command's median in
seconds, one per line. (hyperfine runs all of one command, then all of the next: on a
VM whose speed drifts by a factor of two over a minute, its ratios measure the drift.)

Usage: python3 bench/interleave.py ROUNDS 'COMMAND' ['COMMAND'...]   (output to /dev/null)
"""
import shlex
import statistics
import subprocess
import sys
import time

rounds = int(sys.argv[1])
commands = [shlex.split(c) for c in sys.argv[2:]]
times = [[] for _ in commands]
for command in commands:  # warm-up
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(rounds):
    for command, spent in zip(commands, times):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        spent.append(time.perf_counter() - start)
for spent in times:
    print(statistics.median(spent))
