"The benchmark: the run store, tables, the sweep, and the `loope-bench` command."
from .store import *
from .tables import *
from .sweep import *
from .cli import *
