"""Stand-in for the `torchtyping` package (not packaged by Debian): torchgfn 1.2.1 uses
`TensorType[...]` only in annotations, so any subscript is plain torch.Tensor."""
import torch


class _TensorType:
    def __getitem__(self, item):
        return torch.Tensor


TensorType = _TensorType()
