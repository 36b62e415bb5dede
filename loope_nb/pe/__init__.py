"Positional embeddings: sinusoids, LOOPE's context bias, the PE interface and registry, every PE (each module registers its own), and PESI."
from .sincos import *
from .context import *
from .base import *
from .loope import *  # registers loope, loope_static
from .attention import *  # registers cpe, rope2d, relbias
from .pesi import *
