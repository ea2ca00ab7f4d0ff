#!/usr/bin/env python3
"""Write a synthetic transactions file in the IBM AMLworld CSV format (HI-Small lookalike).

The file has AMLworld's exact header and row shape, e.g.

    Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,...
    2022/09/01 00:20,010,8000EBD30,010,8000EBD30,3697.34,US Dollar,3697.34,US Dollar,Reinvestment,0

and roughly HI-Small's statistics, scaled to --rows (5M rows: ~500k accounts, ~30k banks, ~450 MB):
timestamps to the minute over 18 days from 2022/09/01, non-decreasing except ~1% of rows stamped
minutes to hours earlier than their neighbours; bank ids are decimal strings, many zero-padded
('047', '0087', '53'); account ids are 9 hex digits; account activity is heavy-tailed (half
uniform, half Zipf); ~3% self-transfers (Reinvestment); 15 AMLworld currencies, mostly US Dollar,
~2% of rows cross-currency; lognormal amounts with 2 decimals (Bitcoin 6); ~0.1% labelled
laundering. It is a load for ingest benchmarks, not a laundering simulation: the labels are random.

The output depends only on --rows and --seed (numpy default_rng); it is written in chunks of 100k
rows, so memory stays small (~150 MB peak for 5M rows, made in ~15 s). Needs numpy (bench/ingest.py
runs it in its venv).

    target/bench-venv/bin/python bench/gen_amlworld.py --rows 5000000 -o amlworld-5000000.csv
"""

import argparse
import sys
import time

import numpy as np

HEADER = ("Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,"
          "Amount Paid,Payment Currency,Payment Format,Is Laundering")
CHUNK = 100_000  # part of the output's definition: changing it changes the random stream
DAYS = 18
START = np.datetime64("2022-09-01T00:00", "m")
STAMPS = np.array([str(t).replace("-", "/").replace("T", " ")
                   for t in START + np.arange(DAYS * 24 * 60)], dtype=object)

# name, share of rows paid in it (about HI-Small's), units per US dollar (about AMLworld's rates)
CURRENCIES = [
    ("US Dollar", 0.37, 1.0), ("Euro", 0.23, 0.85), ("Swiss Franc", 0.05, 0.92),
    ("Yuan", 0.045, 6.7), ("Shekel", 0.04, 3.3), ("Rupee", 0.04, 73.4), ("UK Pound", 0.035, 0.77),
    ("Yen", 0.035, 105.4), ("Ruble", 0.03, 77.8), ("Canadian Dollar", 0.03, 1.3),
    ("Australian Dollar", 0.025, 1.4), ("Mexican Peso", 0.02, 21.1), ("Brazil Real", 0.02, 5.6),
    ("Saudi Riyal", 0.02, 3.75), ("Bitcoin", 0.03, 1 / 11_877.0),
]
BTC = len(CURRENCIES) - 1
# formats of ordinary transfers; self-transfers are Reinvestment, Bitcoin-paid ones Bitcoin
FORMATS = [("Cheque", 0.38), ("Credit Card", 0.27), ("ACH", 0.13), ("Cash", 0.11), ("Wire", 0.04)]
REINVESTMENT, BITCOIN_FORMAT = len(FORMATS), len(FORMATS) + 1
FORMAT_NAMES = np.array([f for f, _ in FORMATS] + ["Reinvestment", "Bitcoin"], dtype=object)
CURRENCY_NAMES = np.array([c for c, _, _ in CURRENCIES], dtype=object)
RATES = np.array([r for _, _, r in CURRENCIES])


def probabilities(weights):
    p = np.asarray(weights, dtype=float)
    return p / p.sum()


def zipf_cdf(n, alpha):
    return np.cumsum(probabilities(1.0 / np.arange(1, n + 1) ** alpha))


def make_banks(rng, n_banks):
    """Distinct decimal bank ids, small numbers first (the most popular), many zero-padded."""
    numbers = np.sort(rng.choice(10 * n_banks, size=n_banks, replace=False))
    pads = rng.choice(3, size=n_banks, p=[0.4, 0.4, 0.2])  # leading zeros added
    return np.array(["0" * p + str(n) for n, p in zip(numbers.tolist(), pads.tolist())],
                    dtype=object)


def make_accounts(rng, n_accounts, n_banks):
    """Account ids (9 hex digits, distinct) and the bank string of each account."""
    mult = int(rng.integers(1 << 20, 1 << 27)) * 2 + 1  # odd: i -> mult*i mod 2^28 is one-to-one
    add = int(rng.integers(0, 1 << 28))
    low = ((np.arange(n_accounts, dtype=np.int64) * mult + add) & ((1 << 28) - 1)).tolist()
    prefix = np.where(rng.random(n_accounts) < 0.9, "8", "1").tolist()
    ids = np.array([f"{p}{v:08X}" for p, v in zip(prefix, low)], dtype=object)
    bank_of = np.searchsorted(zipf_cdf(n_banks, 1.1), rng.random(n_accounts))
    return ids, np.minimum(bank_of, n_banks - 1)


def pick_accounts(rng, k, n_accounts, cdf, perm):
    """Half uniform (every account shows up), half Zipf over a shuffled rank order (hubs)."""
    uniform = rng.integers(0, n_accounts, size=k)
    zipf = perm[np.minimum(np.searchsorted(cdf, rng.random(k)), n_accounts - 1)]
    return np.where(rng.random(k) < 0.5, uniform, zipf)


def format_amounts(values, currency):
    text = ["%.2f" % v for v in np.maximum(values, 0.01).tolist()]
    for i in np.flatnonzero(currency == BTC).tolist():
        text[i] = "%.6f" % max(values[i], 1e-6)
    return text


def chunk_rows(rng, lo, hi, rows, world):
    ids, banks, cdf, perm_src, perm_dst = world
    k = hi - lo
    span = DAYS * 24 * 60
    # minute of row i is floor((i + u) * span / rows): non-decreasing, about uniform in time
    minute = ((np.arange(lo, hi) + rng.random(k)) * (span / rows)).astype(np.int64)
    moved = rng.random(k) < 0.01
    late = rng.geometric(0.02, size=k)  # recorded late: stamped 1 min to a few hours earlier
    minute = np.maximum(np.where(moved, minute - late, minute), 0)
    stamps = STAMPS[minute].tolist()

    n = len(ids)
    src = pick_accounts(rng, k, n, cdf, perm_src)
    dst = pick_accounts(rng, k, n, cdf, perm_dst)
    self_transfer = rng.random(k) < 0.03
    dst = np.where(self_transfer, src, dst)

    paid_cur = rng.choice(len(CURRENCIES), size=k, p=probabilities([c[1] for c in CURRENCIES]))
    cross = (rng.random(k) < 0.02) & ~self_transfer
    other = (paid_cur + rng.integers(1, len(CURRENCIES), size=k)) % len(CURRENCIES)
    recv_cur = np.where(cross, other, paid_cur)
    usd = rng.lognormal(mean=7.0, sigma=1.9, size=k)
    paid_text = format_amounts(usd * RATES[paid_cur], paid_cur)
    recv_amount = usd * RATES[recv_cur]
    recv_text = paid_text.copy()
    for i in np.flatnonzero(cross).tolist():
        recv_text[i] = format_amounts(recv_amount[i:i + 1], recv_cur[i:i + 1])[0]

    fmt = rng.choice(len(FORMATS), size=k, p=probabilities([f[1] for f in FORMATS]))
    fmt = np.where(paid_cur == BTC, BITCOIN_FORMAT, fmt)
    fmt = np.where(self_transfer, REINVESTMENT, fmt)
    label = np.where(rng.random(k) < 0.001, "1", "0").tolist()

    columns = (stamps, banks[src].tolist(), ids[src].tolist(), banks[dst].tolist(),
               ids[dst].tolist(), recv_text, CURRENCY_NAMES[recv_cur].tolist(), paid_text,
               CURRENCY_NAMES[paid_cur].tolist(), FORMAT_NAMES[fmt].tolist(), label)
    return map(",".join, zip(*columns))


def generate(out, rows, seed, newline):
    rng = np.random.default_rng(seed)
    n_accounts = max(10, round(rows * 515_000 / 5_078_345))
    n_banks = max(4, round(rows * 30_000 / 5_078_345))
    bank_names = make_banks(rng, n_banks)
    ids, bank_of = make_accounts(rng, n_accounts, n_banks)
    world = (ids, bank_names[bank_of], zipf_cdf(n_accounts, 1.0),
             rng.permutation(n_accounts), rng.permutation(n_accounts))
    out.write((HEADER + newline).encode())
    for lo in range(0, rows, CHUNK):
        hi = min(rows, lo + CHUNK)
        out.write((newline.join(chunk_rows(rng, lo, hi, rows, world)) + newline).encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5_000_000, help="data rows (default 5000000)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--crlf", action="store_true", help="end lines with CRLF instead of LF")
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    args = parser.parse_args()
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    newline = "\r\n" if args.crlf else "\n"
    started = time.perf_counter()
    if args.output == "-":
        generate(sys.stdout.buffer, args.rows, args.seed, newline)
        sys.stdout.buffer.flush()
        size = None
    else:
        with open(args.output, "wb") as out:
            generate(out, args.rows, args.seed, newline)
            size = out.tell()
    took = time.perf_counter() - started
    shown = f", {size:,} bytes ({size / args.rows:.1f} B/row)" if size else ""
    print(f"gen_amlworld: {args.rows:,} rows{shown} in {took:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
