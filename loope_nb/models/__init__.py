"Vision Transformers with any PE: timm's ViT and the other families, pretrained loading, `create_vit`, the timm twins, cost and inspection."
from .vit import *
from .pretrained import *
from .families import *
from .factory import *
from .twins import *  # registers the `<base>_loope` models in timm's registry
from .cost import *
from .pe_in_vit import *
