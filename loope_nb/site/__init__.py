"""The static-site builder behind `loope-docs`, apart from the science: `signatures` (one function's docs) →
`page` (one notebook's page; templates, stylesheet and script in `assets/`) → `docs` (every page, the README,
the command); `check` tests the built site in a browser. Not exported by nbdev: written by hand."""
from . import check, docs, page, signatures
from .signatures import *
from .check import *
from .page import *
from .docs import *

__all__ = signatures.__all__ + check.__all__ + page.__all__ + docs.__all__
