#!/usr/bin/python3
"""CLIP's reference preprocessing, as OpenAI CLIP / open_clip (torchvision on PIL) and
Hugging Face's CLIPImageProcessor do it, written with PIL and numpy only (no torch here).
Used by the tests to check that Shoebox's sharp pipeline feeds the model the same pixels.

usage: clip_preprocess_reference.py SIZE CROP_ROUNDING(half-even|floor) OUT_DIR IMAGE...
Writes OUT_DIR/<i>.f32: SIZE*SIZE*3 float32 little-endian, CHW, in [0,1] (not normalised).
"""
import sys
import numpy as np
from PIL import Image, ImageOps


def reference(path, size, rounding):
    img = Image.open(path)
    img = ImageOps.exif_transpose(img)  # EXIF orientation applied
    img = img.convert("RGB")  # no ICC transform: PIL ignores embedded profiles here
    w, h = img.size
    # torchvision Resize(size) / HF resize(shortest_edge): int() truncation of the long side
    if w <= h:
        nw, nh = size, int(size * h / w)
    else:
        nw, nh = int(size * w / h), size
    img = img.resize((nw, nh), Image.BICUBIC)
    if rounding == "floor":  # HF center_crop
        top, left = (nh - size) // 2, (nw - size) // 2
    else:  # torchvision CenterCrop: Python round(), halves to even
        top, left = int(round((nh - size) / 2.0)), int(round((nw - size) / 2.0))
    img = img.crop((left, top, left + size, top + size))
    arr = np.asarray(img, dtype=np.float32) / 255.0
    return np.ascontiguousarray(arr.transpose(2, 0, 1))


def main():
    size, rounding, out_dir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    for i, path in enumerate(sys.argv[4:]):
        reference(path, size, rounding).astype("<f4").tofile(f"{out_dir}/{i}.f32")


if __name__ == "__main__":
    main()
