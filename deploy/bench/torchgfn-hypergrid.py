#!/usr/bin/python3
"""The anchor side of the HyperGrid 8^4 time-to-quality comparison (docs/benchmarks.md): torchgfn
1.2.1's trajectory balance with the settings of conf/hypergrid-8x4-tb-fast.conf, timed to exact
sum-L1 <= 0.30 with an exact evaluation every 250 learner steps (not counted in the time).

Settings (both sides): HyperGrid D = 4, H = 8, R0 = 0.1, R1 = 0.5, R2 = 2 (torchgfn's reward);
MLP 2 x 256 ReLU with P_F and P_B sharing one torso (torchgfn's NeuralNet torso sharing, as
the fast preset's shared trunk); TB, Adam lr 2e-3 for the policy and 0.1 for log Z, batch 16,
on-policy (no exploration), 32,000 trajectories; one thread (torch.set_num_threads(1)).

Install (no PyPI needed): apt-get install python3-torch (Debian 1.13); the torchgfn v1.2.1
source (tag v1.2.1 of github.com/GFNOrg/torchgfn, its src/ folder); einops and torchtyping, which
Debian does not package, are replaced by the stand-ins in deploy/bench/torchgfn_shims/.
Run: TORCHGFN_SRC=/path/to/torchgfn/src /usr/bin/python3 deploy/bench/torchgfn-hypergrid.py [SEED]
"""
import os
import sys
import time

import importlib.metadata as _metadata  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "torchgfn_shims"))
sys.path.insert(0, os.environ["TORCHGFN_SRC"])
_version = _metadata.version
_metadata.version = lambda name: "1.2.1" if name == "torchgfn" else _version(name)  # source, not installed
import torch  # noqa: E402
from gfn.gflownet import TBGFlowNet  # noqa: E402
from gfn.gym import HyperGrid  # noqa: E402
from gfn.modules import DiscretePolicyEstimator  # noqa: E402
from gfn.samplers import Sampler  # noqa: E402
from gfn.utils import NeuralNet  # noqa: E402

D, H, BATCH, STEPS, EVAL_EVERY = 4, 8, 16, 2000, 250


def exact_sum_l1(env, pf):
    """sum |p(x) - R(x)/Z| over all H^D states, p by dynamic programming over the DAG."""
    grid = torch.cartesian_prod(*[torch.arange(H)] * D)
    order = torch.argsort(grid.sum(1), stable=True)
    grid = grid[order]
    states = env.states_from_tensor(grid)
    with torch.no_grad():
        logits = pf(states)
        logits[~states.forward_masks] = -float("inf")
        probs = torch.softmax(logits, -1)
    index = {tuple(s.tolist()): i for i, s in enumerate(grid)}
    reach = torch.zeros(len(grid), dtype=torch.float64)
    reach[0] = 1.0
    p = torch.zeros(len(grid), dtype=torch.float64)
    for i, s in enumerate(grid.tolist()):
        p[i] = reach[i] * probs[i, D]
        for d in range(D):
            if s[d] < H - 1:
                child = list(s)
                child[d] += 1
                reach[index[tuple(child)]] += reach[i] * probs[i, d]
    r = env.reward(states).double()
    return (p - r / r.sum()).abs().sum().item()


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    env = HyperGrid(ndim=D, height=H, R0=0.1, R1=0.5, R2=2.0)
    module_pf = NeuralNet(input_dim=env.preprocessor.output_dim, output_dim=env.n_actions,
                          hidden_dim=256, n_hidden_layers=2)
    module_pb = NeuralNet(input_dim=env.preprocessor.output_dim, output_dim=env.n_actions - 1,
                          torso=module_pf.torso)
    pf = DiscretePolicyEstimator(module_pf, env.n_actions, is_backward=False, preprocessor=env.preprocessor)
    pb = DiscretePolicyEstimator(module_pb, env.n_actions, is_backward=True, preprocessor=env.preprocessor)
    gfn = TBGFlowNet(pf=pf, pb=pb, logZ=0.0)
    sampler = Sampler(estimator=pf)
    opt = torch.optim.Adam(gfn.pf_pb_parameters(), lr=2e-3)
    opt.add_param_group({"params": gfn.logz_parameters(), "lr": 1e-1})
    trained = 0.0
    reached = None
    for step in range(1, STEPS + 1):
        t0 = time.perf_counter()
        trajectories = sampler.sample_trajectories(env, n_trajectories=BATCH)
        opt.zero_grad()
        loss = gfn.loss(env, trajectories)
        loss.backward()
        opt.step()
        trained += time.perf_counter() - t0
        if step % EVAL_EVERY == 0:
            l1 = exact_sum_l1(env, pf)
            print(f"step {step:5d} | traj {step * BATCH:6d} | {trained:6.1f}s of training | exact sum-L1 {l1:.4f}",
                  flush=True)
            if reached is None and l1 <= 0.30:
                reached = trained
    print(f"seed {seed}: t(<=0.30) {reached if reached is not None else float('nan'):.1f}s, "
          f"final exact sum-L1 {l1:.4f} after {STEPS * BATCH} trajectories, {STEPS / trained:.1f} steps/s")


if __name__ == "__main__":
    main()
