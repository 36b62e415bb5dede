"Training: the fastai learner for any ViT and PE, and the telemetry callbacks (`loope_nb.train.scale`, multi-process training, needs accelerate)."
from .telemetry import *
from .learner import *
