#!/bin/bash
# The GPU check of docs/benchmarks.md ("GPU"): can ND4J M2.1's CUDA kernels load on this GPU, and
# what does the learner's network shape cost in PyTorch there (a reference, not this project).
# Run on the GPU machine in a folder holding nd4j-kernel.fatbin, written by
#   python3 deploy/bench/nd4j-cuda-archs.py libnd4jcuda.so nd4j-kernel.fatbin
# Needs nvcc, nvidia-smi, python3 with torch.
set -u
cd "${1:-.}"
nvidia-smi --query-gpu=name,compute_cap,driver_version --format=csv
nvcc --version | tail -2
cat > k.cu <<'K'
extern "C" __global__ void axpy(float a, float *x, float *y, int n) { int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) y[i] += a * x[i]; }
K
nvcc -fatbin -gencode arch=compute_86,code=sm_86 -o sass86.fatbin k.cu
nvcc -fatbin -gencode arch=compute_90,code=sm_90 -o sass90.fatbin k.cu
nvcc -fatbin -gencode arch=compute_86,code=compute_86 -o ptx86.fatbin k.cu
python3 - <<'P'
import ctypes
cu = ctypes.CDLL('libcuda.so.1')
def name(rc):
    s = ctypes.c_char_p(); cu.cuGetErrorName(rc, ctypes.byref(s)); return s.value.decode()
assert cu.cuInit(0) == 0
dev = ctypes.c_int(); cu.cuDeviceGet(ctypes.byref(dev), 0)
ctx = ctypes.c_void_p(); print('primary ctx', name(cu.cuDevicePrimaryCtxRetain(ctypes.byref(ctx), dev)))
cu.cuCtxSetCurrent(ctx)
for f in ['nd4j-kernel.fatbin', 'sass86.fatbin', 'ptx86.fatbin', 'sass90.fatbin']:
    data = open(f, 'rb').read()
    mod = ctypes.c_void_p()
    rc = cu.cuModuleLoadData(ctypes.byref(mod), ctypes.c_char_p(data))
    print(f'cuModuleLoadData({f}, {len(data)} bytes) -> {rc} {name(rc)}')
P
cuobjdump --list-elf nd4j-kernel.fatbin 2>&1 | head -12
cuobjdump --list-ptx nd4j-kernel.fatbin 2>&1 | head -3
python3 - <<'P'
# Reference only (PyTorch, not this project's learner): forward + backward + Adam of the
# HyperGrid 8^4 learner's shape (one-hot 32 inputs, 2 x 256 ReLU shared trunk, 5 P_F + 4 P_B
# outputs) on the rows of B trajectories (about 13 states each), steps/s, median of 3 timings.
import time, statistics, torch
def bench(device, traj, threads=1):
    torch.manual_seed(0); torch.set_num_threads(threads)
    net = torch.nn.Sequential(torch.nn.Linear(32, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(), torch.nn.Linear(256, 9)).to(device)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    x = torch.rand(traj * 13, 32, device=device)
    def step():
        opt.zero_grad(); out = net(x); loss = (out.logsumexp(1) ** 2).mean(); loss.backward(); opt.step()
    for _ in range(50): step()
    rates = []
    for _ in range(3):
        if device == 'cuda': torch.cuda.synchronize()
        t = time.perf_counter(); n = 0
        while time.perf_counter() - t < 1.0:
            step(); n += 1
        if device == 'cuda': torch.cuda.synchronize()
        rates.append(n / (time.perf_counter() - t))
    r = statistics.median(rates)
    print(f'torch {torch.__version__} {device:4s} batch {traj:3d} trajectories: {r:8.0f} steps/s = {r * traj:9.0f} traj/s')
for b in (16, 256):
    bench('cuda', b); bench('cpu', b)
P
