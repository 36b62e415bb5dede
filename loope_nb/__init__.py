__version__ = "0.0.1"

# `import loope_nb` puts the LOOPE models in timm's registry (timm.create_model('vit_small_patch16_224_loope')):
# loope_nb.models registers them when imported (nbs/04_models.ipynb, "LOOPE models in timm's registry").
# Importing timm costs seconds, so it is not imported here: loope_nb.models is imported now if timm already is,
# else right after timm's own import runs (an import hook). This file is not exported by nbdev.
import importlib.abc as _abc
import importlib.util as _util
import sys as _sys

def _loope_module_initialising():
    "True while a `loope_nb` module is half-imported (it imported timm): importing models now would be a cycle."
    return any(getattr(getattr(m, '__spec__', None), '_initializing', False)
               for n, m in list(_sys.modules.items()) if n.startswith('loope_nb.'))

def _import_models():
    # if loope_nb.models is being imported, it registers at the end of its own import; if another loope_nb module
    # imported timm, the models register when loope_nb.models is imported (every module that builds models does)
    if 'loope_nb.models' not in _sys.modules and not _loope_module_initialising():
        import loope_nb.models

class _RegisterOnTimmImport(_abc.MetaPathFinder):
    "Import `loope_nb.models` (which registers the LOOPE models) right after timm is first imported."
    def find_spec(self, name, path, target=None):
        if name != 'timm': return None
        _sys.meta_path.remove(self)  # once; the normal finders locate timm
        spec = _util.find_spec('timm')
        if spec is None or spec.loader is None: return spec
        exec_timm = spec.loader.exec_module
        def exec_module(module):
            exec_timm(module)
            _import_models()
        spec.loader.exec_module = exec_module
        return spec

if 'timm' in _sys.modules: _import_models()
elif not any(isinstance(f, _RegisterOnTimmImport) for f in _sys.meta_path): _sys.meta_path.insert(0, _RegisterOnTimmImport())
