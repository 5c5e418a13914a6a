#!/usr/bin/env python3
"""Writes a FASTA alignment as PHYLIP's `infile` in WORK_DIR, taxa renamed t000, t001, ... (PHYLIP
allows 10-character names), gaps as '?' (missing data, as the phylogenetic task treats them), and
`names.tsv` mapping the short names back.  Used by dnapars.sh and dnapars-check.sh.

    phylip-infile.py ALIGNMENT.fasta WORK_DIR
"""
import sys


def main(fasta, work):
    names, seqs = [], []
    for block in open(fasta).read().split('>')[1:]:
        lines = block.strip().split('\n')
        names.append(lines[0].strip())
        seqs.append(''.join(lines[1:]).upper().replace('-', '?'))
    with open(work + '/infile', 'w') as f:
        f.write(f" {len(names)} {len(seqs[0])}\n")
        for i, s in enumerate(seqs):
            f.write(f"t{i:03d}".ljust(10) + s + "\n")
    with open(work + '/names.tsv', 'w') as f:
        for i, n in enumerate(names):
            f.write(f"t{i:03d}\t{n}\n")


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
