"The benchmark: the run store, tables, verdicts with intervals, the sweep, and the `loope-bench` command."
from .store import *
from .tables import *
from .sweep import *
from .stats import *
from .transfer import *
from .cli import *
