"""Stand-in for the `einops` package (not packaged by Debian), covering only the `rearrange`
patterns torchgfn 1.2.1's HyperGrid uses: merging the last two axes, flattening leading axes,
and reversing named leading axes."""


def rearrange(t, pattern):
    left, right = [s.strip() for s in pattern.split("->")]
    if left == "... a b" and right == "... (a b)":
        return t.reshape(*t.shape[:-2], -1)
    if left == "... ndim" and right == "(...) ndim":
        return t.reshape(-1, t.shape[-1])
    names_in, names_out = left.split(), right.split()
    if sorted(names_in) == sorted(names_out) and "(" not in right:
        return t.permute(*[names_in.index(n) for n in names_out])
    raise NotImplementedError("einops stand-in: pattern " + pattern)
