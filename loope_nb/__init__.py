__version__ = "0.0.1"

# `import loope_nb` puts the `<base>_loope` twins of timm's models in timm's registry, as importing a timm model
# module does: `loope_nb.models` imports `loope_nb.models.twins`, which registers them (nbs/04c_registry.ipynb).
from . import models
