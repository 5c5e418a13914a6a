#!/usr/bin/python3
"""Lists the GPU architectures that a CUDA shared library's kernels are built for: walks the
.nv_fatbin section of the ELF file, counts its fatbinary containers and their entries by kind
(ELF = machine code for one sm_XX, PTX = portable code the driver can compile for newer GPUs),
and optionally writes the first small container to a file (for cuModuleLoadData on a device).

Run: python3 deploy/bench/nd4j-cuda-archs.py libnd4jcuda.so [first.fatbin]
(libnd4jcuda.so from nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64.jar; docs/benchmarks.md, "GPU").
"""
import struct, sys, collections
data = open(sys.argv[1], 'rb').read()
# ELF section headers
shoff = struct.unpack_from('<Q', data, 0x28)[0]
shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3A)
def sh(i):
    return struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize)
strtab = sh(shstrndx)
def name(off):
    s = strtab[4] + off
    return data[s:data.index(b'\0', s)].decode()
sec = None
for i in range(shnum):
    h = sh(i)
    if name(h[0]) == '.nv_fatbin':
        sec = (h[4], h[5])
off, size = sec
print('nv_fatbin bytes', size)
counts = collections.Counter(); pos = off; containers = 0; first = None
while pos < off + size:
    magic, ver, hsize, fsize = struct.unpack_from('<IHHQ', data, pos)
    if magic != 0xBA55ED50:
        pos += 8; continue
    containers += 1
    e = pos + hsize
    kinds = []
    while e < pos + hsize + fsize:
        kind, ever, ehsize, psize = struct.unpack_from('<HHIQ', data, e)
        arch = struct.unpack_from('<I', data, e + 28)[0]
        counts[('PTX' if kind == 1 else 'ELF' if kind == 2 else kind, arch)] += 1
        kinds.append((kind, arch))
        e += ehsize + psize
    if first is None and fsize < 200000:
        first = (pos, hsize + fsize, kinds)
    pos += hsize + fsize
print('containers', containers)
for k, v in sorted(counts.items(), key=str): print(k, v)
if len(sys.argv) > 2 and first:
    open(sys.argv[2], 'wb').write(data[first[0]:first[0] + first[1]]); print('wrote', first[1], 'bytes', first[2])
