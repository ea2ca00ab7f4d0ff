#!/usr/bin/env python3
"""Writes a synthetic posts CSV in coordination-network-toolkit's format, for bench/social.

A week of posts by accounts with heavy-tailed activity: original posts (some with URLs drawn
from a heavy-tailed pool, some texts repeated), reposts of popular messages, replies, and
planted cells of 4-15 accounts posting the same URL, repost or text within 30 seconds.
Deterministic for a given --seed.

    gen_posts.py OUT.csv --posts 1000000 [--users 50000] [--seed 1] [--weeks 1] [--stream]

--weeks spreads the posts over that many weeks (more posts over the same weeks make every
time window busier, and coordination networks grow with the square of that).

--stream writes rows as they are made, in memory that does not grow with --posts (for 50M
posts: the default holds every row, some 20 GB in Python). It draws the same kinds of rows
from the same distributions, but not the same rows for a seed: post times come from
exponential gaps instead of sorting uniform draws, authors are drawn row by row.
"""

import argparse
import csv
import random

SPAN = 7 * 24 * 3600
WORDS = (
    "the a to of and in is for on with this that news now read watch join support brothers "
    "video new live share donate help free truth war peace world people today breaking"
).split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--posts", type=int, default=1_000_000)
    ap.add_argument("--users", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stream", action="store_true")
    ap.add_argument("--weeks", type=float, default=1.0)
    args = ap.parse_args()
    global SPAN
    SPAN = round(args.weeks * 7 * 24 * 3600)
    rng = random.Random(args.seed)
    if args.stream:
        stream(args, rng)
        return

    n = args.posts
    # Heavy-tailed activity: user k posts with weight 1/(k+1).
    user_weights = [1.0 / (k + 1) for k in range(args.users)]
    authors = rng.choices(range(args.users), weights=user_weights, k=n)
    n_urls = max(n // 5, 10)
    times = sorted(rng.uniform(0, SPAN) for _ in range(n))
    texts = [" ".join(rng.choices(WORDS, k=8)) for _ in range(max(n // 20, 10))]

    rows = []
    i = 0
    while i < n:
        t = round(times[i])
        if rng.random() < 0.004:
            i += plant_cell(rng, rows, i, t, args.users, n_urls, texts)
            continue
        kind = rng.random()
        repost = reply = ""
        urls = ""
        if kind < 0.3 and i > 0:
            repost = f"m{popular(rng, i)}"
        elif kind < 0.4 and i > 0:
            reply = f"m{popular(rng, i)}"
        if not repost and rng.random() < 0.4:
            urls = " ".join(f"https://x.example/{popular(rng, n_urls)}" for _ in range(rng.choice([1, 1, 1, 2])))
        text = rng.choice(texts) if rng.random() < 0.3 else " ".join(rng.choices(WORDS, k=12))
        if rng.random() < 0.2:
            text = f"@user{rng.randrange(args.users)} {text}"
        rows.append((f"m{i}", f"u{authors[i]}", f"name{authors[i]}", repost, reply, text, t, urls))
        i += 1

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["message_id", "user_id", "username", "repost_id", "reply_id", "message", "timestamp", "urls"])
        w.writerows(rows[:n])


def stream(args, rng):
    """The rows of main(), written as they are made (see --stream)."""
    n = args.posts
    cum, total = [], 0.0
    for k in range(args.users):
        total += 1.0 / (k + 1)
        cum.append(total)
    n_urls = max(n // 5, 10)
    texts = [" ".join(rng.choices(WORDS, k=8)) for _ in range(max(n // 20, 10))]
    # Sorted uniform times on [0, SPAN] are the normalised running sums of n + 1 exponentials.
    t_now, scale = 0.0, SPAN / (n + 1)
    written = 0
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["message_id", "user_id", "username", "repost_id", "reply_id", "message", "timestamp", "urls"])
        rows = []
        while written < n:
            t_now += rng.expovariate(1.0) * scale
            t = round(min(t_now, SPAN))
            i = written
            if rng.random() < 0.004:
                plant_cell(rng, rows, i, t, args.users, n_urls, texts)
            else:
                author = rng.choices(range(args.users), cum_weights=cum, k=1)[0]
                kind = rng.random()
                repost = reply = urls = ""
                if kind < 0.3 and i > 0:
                    repost = f"m{popular(rng, i)}"
                elif kind < 0.4 and i > 0:
                    reply = f"m{popular(rng, i)}"
                if not repost and rng.random() < 0.4:
                    urls = " ".join(f"https://x.example/{popular(rng, n_urls)}" for _ in range(rng.choice([1, 1, 1, 2])))
                text = rng.choice(texts) if rng.random() < 0.3 else " ".join(rng.choices(WORDS, k=12))
                if rng.random() < 0.2:
                    text = f"@user{rng.randrange(args.users)} {text}"
                rows.append((f"m{i}", f"u{author}", f"name{author}", repost, reply, text, t, urls))
            rows = rows[: n - written]
            w.writerows(rows)
            written += len(rows)
            rows.clear()


def popular(rng, below):
    """An index in [0, below), heavy-tailed towards small indices."""
    return min(int(rng.paretovariate(1.2)) - 1, below - 1) if rng.random() < 0.5 else rng.randrange(below)


def plant_cell(rng, rows, i, t, users, n_urls, texts):
    size = rng.randint(4, 15)
    members = rng.sample(range(users), size)
    what = rng.randrange(3)
    url = f"https://x.example/cell{i}"
    target = f"m{rng.randrange(max(i, 1))}"
    text = rng.choice(texts) + f" cell{i}"
    for k, user in enumerate(members):
        ts = t + rng.randint(0, 30)
        rows.append((
            f"m{i + k}", f"u{user}", f"name{user}",
            target if what == 1 else "", "",
            text if what == 2 else "cell post",
            ts,
            url if what == 0 else "",
        ))
    return size


if __name__ == "__main__":
    main()
