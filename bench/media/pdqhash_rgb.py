"""Hashes raw RGB images with PyPI pdqhash (Meta's C++ PDQ reference), for the parity test.

Input: a file of records, each `width height` as little-endian u32 then width*height*3 bytes of
RGB, row-major. Output: one line per record, `hash_hex quality d1 ... d8`, where d1..d8 are the
hex hashes of the eight dihedral variants in pdqhash's order.

Usage: python pdqhash_rgb.py images.bin hashes.txt
       python pdqhash_rgb.py --time images.bin ROUNDS   (prints images hashed per CPU second)
"""
import struct
import sys
import time

import numpy as np
import pdqhash


def to_hex(bits):
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex()


def read_images(src):
    data = open(src, "rb").read()
    pos = 0
    images = []
    while pos < len(data):
        width, height = struct.unpack_from("<II", data, pos)
        pos += 8
        size = width * height * 3
        pixels = np.frombuffer(data, dtype=np.uint8, count=size, offset=pos)
        pos += size
        images.append(pixels.reshape((height, width, 3)))
    return images


def time_hashing(src, rounds):
    images = read_images(src)
    for round_ in range(1, rounds + 1):
        start, cpu = time.perf_counter(), time.process_time()
        for image in images:
            pdqhash.compute(image)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"pdqhash round {round_}: {len(images) / wall:.0f} images/s wall, "
              f"{len(images) / cpu:.0f} per CPU second")


def main(src, dst):
    lines = []
    for image in read_images(src):
        bits, quality = pdqhash.compute(image)
        dihedral, _ = pdqhash.compute_dihedral(image)
        lines.append(" ".join([to_hex(bits), str(quality)] + [to_hex(d) for d in dihedral]))
    with open(dst, "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "--time":
        time_hashing(sys.argv[2], int(sys.argv[3]))
    else:
        main(sys.argv[1], sys.argv[2])
