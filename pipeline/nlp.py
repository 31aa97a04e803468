"""The NLP stage: one spaCy `Language` per process, built from `models/pipeline.cfg`.

The model proposes (en_core_web_sm's NER and sentence splitter); the project's
own components, registered with `@Language.factory`, decide.
"""

from __future__ import annotations

import os
from importlib import metadata

import spacy
from thinc.api import Config
from spacy.language import Language

from pipeline.components import amounts, claims, dates, entity_ruler  # noqa: F401  (registers the factories)
from pipeline.errors import ResourceError
from pipeline.types import Producer
from pipeline.resources import NlpSettings, data_digest

MODEL_ENV = "BELTA_SPACY_MODEL"


def load_config(settings: NlpSettings) -> Config:
    config_path = settings.data_dir / "pipeline.cfg"
    try:
        return spacy.util.load_config(config_path)
    except (OSError, ValueError) as exc:
        raise ResourceError(f"{config_path}: {exc}") from exc


def model_name(settings: NlpSettings, config: Config | None = None) -> str:
    """The statistical model to load: the setting, else the environment, else the config."""
    config = config if config is not None else load_config(settings)
    return settings.model or os.environ.get(MODEL_ENV) or config["nlp"]["model"]


def load_model(settings: NlpSettings = NlpSettings(), config: Config | None = None) -> Language:
    """The statistical model with only the components the config runs (ner and senter), none of the project's."""
    config = config if config is not None else load_config(settings)
    model = model_name(settings, config)
    try:
        nlp = spacy.load(model, exclude=list(config["nlp"].get("exclude", [])))
    except OSError as exc:
        raise ResourceError(f"spaCy model {model!r} is not installed ({exc}); run `make setup`") from exc
    for name in config["nlp"].get("enable", []):
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    return nlp


def build_language(settings: NlpSettings = NlpSettings()) -> Language:
    """Load the statistical model and add the project's components (call once per process)."""
    config = load_config(settings)
    nlp = load_model(settings, config)
    for name, component in config.get("components", {}).items():
        options = dict(component)
        factory = options.pop("factory")
        placement = {key: options.pop(key) for key in ("before", "after") if key in options}
        # An empty data_dir is the installed data: a pipeline saved with `nlp.to_disk` names no path of this machine.
        options.setdefault("data_dir", str(settings.models_dir or ""))
        nlp.add_pipe(factory, name=name, config=options, **placement)
    return nlp


def producer(nlp: Language, settings: NlpSettings = NlpSettings()) -> Producer:
    """What the records `nlp` helps to make are made by (record format 1.1, `producer`)."""
    return Producer(pipeline=metadata.version("belta-pipeline"), model=f"{nlp.meta['lang']}_{nlp.meta['name']}",
                    model_version=nlp.meta["version"], data=data_digest(settings.data_dir))
