"The paper's Three-Cell benchmark: Algorithm 4's placements, the task registry and the paper's task, the probes, and fastai data."
from .placements import *
from .task import *
from .probes import *  # registers absolute, direction, closer
from .data import *
