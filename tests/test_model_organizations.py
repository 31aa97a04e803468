"""`ModelOrganizations`: how the model's ORG span no list or rule covers is read (spans built by hand, so the
reading is tested apart from what the statistical model happens to tag)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.components.entity_ruler import EntityRuler
from pipeline.entities.catalog import Label, load_catalog
from pipeline.entities.organizations import ModelOrganizations, common_words
from pipeline.resources import MODELS_DIR


@pytest.fixture(scope="module")
def reader() -> ModelOrganizations:
    return EntityRuler(spacy.blank("en"), catalog=load_catalog(MODELS_DIR), spans_key="test").model_organizations


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en")


# (sentence, the ORG span's words, what it reads as: (name, label) or None)
READINGS = [
    ("Payments went through Kourosh Food Industries last year.", "Kourosh Food Industries",
     ("Kourosh Food Industries", Label.ENTERPRISE)),
    ("Tea came from Golestan Tea and Sadaf Trading .", "Golestan Tea and", ("Golestan Tea", Label.ENTERPRISE)),
    ("It joined the Organization for Cooperation between Railways in 1956.",
     "the Organization for Cooperation between Railways",
     ("Organization for Cooperation between Railways", Label.ORG_INTERNATIONAL)),
    ("The Shanghai Municipal Commission of Commerce agreed.", "Shanghai Municipal Commission of Commerce",
     ("Shanghai Municipal Commission of Commerce", Label.ORG_GOVERNMENT)),
    ("Experts of the International Atomic Energy Agency came.", "International Atomic Energy Agency",
     ("International Atomic Energy Agency", Label.ORG_INTERNATIONAL)),
    ("The Polesie State Radiation and Ecological Reserve received funds.",
     "The Polesie State Radiation and Ecological Reserve",
     ("Polesie State Radiation and Ecological Reserve", Label.ORG_OTHER)),
    # before a title the owner stands, before a minister's title only the field
    ("Apple CEO Steve Jobs spoke.", "Apple", ("Apple", Label.ENTERPRISE)),
    ("The Samara Farmers Association met.", "Samara Farmers Association",
     ("Samara Farmers Association", Label.ORG_OTHER)),
    # nothing of ours: generic words only, a "the X" with no organisation word, a venue or event, a term or
    # unit, a currency code, a country adjective, figures, a list, the head of a title
    ("Customs duties will be zeroed.", "Customs", None),
    ("He met the General Administration.", "the General Administration", None),
    ("It sells under the Borimed brand.", "Borimed", None),
    ("Talks were held at the National Exhibition and Convention Center.", "Convention Center", None),
    ("The plant meets GMP standards.", "GMP", None),
    ("The unit gives 1,200 MW at most.", "MW", None),
    ("The region's GRP would grow by 4-5%.", "GRP", None),  # an economic indicator
    ("It costs IRR 850 billion.", "IRR", None),
    ("The Kazakh side agreed.", "Kazakh", None),
    ("It paid CNY 210 million.", "CNY 210 million", None),
    ("Transport, Holding and Promotion were discussed.", "Transport, Holding and Promotion", None),
    ("The Agriculture and Food Minister came.", "Agriculture and Food", None),
    ("Visitors laid flowers at the Cemetery of Villages.", "the Cemetery of Villages", None),
    ("Minsk will hold the European Judo Championships.", "the European Judo Championships", None),
    ("Belarus had met the Espoo Convention requirements.", "Espoo Convention", None),
    ("The plants produced 380,000 cubic meters of MDF boards.", "MDF", None),
    # the title of a programme or a document in quotation marks after its word
    ("The state program \"People's Health and Demographic Security\" provides for it.",
     "People's Health and Demographic Security", None),
    # the model's reading stands unless words say otherwise: "the X", institutions named by one word, bodies with
    # a generic word before a kind word's body, media companies (enterprises whatever else they hold)
    ("Shares of the Borimed Pharma rose.", "the Borimed Pharma", ("Borimed Pharma", Label.ENTERPRISE)),
    ("Congress approved the budget.", "Congress", ("Congress", Label.ORG_GOVERNMENT)),
    ("He told the Senate so.", "the Senate", ("Senate", Label.ORG_GOVERNMENT)),
    ("The Bank agreed.", "Bank", None),
    ("Reporters of the Xinhua News Agency came.", "the Xinhua News Agency",
     ("Xinhua News Agency", Label.ENTERPRISE)),
    ("He joined Mayer, Brown & Platt in 1990.", "Mayer, Brown & Platt", ("Mayer, Brown & Platt", Label.ENTERPRISE)),
    ("The Joint Council and the Board met.", "The Joint Council and the Board", None),
    # a venue, event, programme or document as the head word
    ("The First European Games opened.", "The First European Games", None),
    ("It joined the State Investment Program.", "the State Investment Program", None),
    ("He read the Address to the Nation.", "the Address", None),
    # a nationality, alone or hyphenated; a common noun starting a sentence before "of"
    ("Belarusian-Emirati ties grew.", "Belarusian-Emirati", None),
    ("Farmers of Grodno Oblast harvested grain. The farmers were glad.", "Farmers of Grodno Oblast", None),
    # the field of a minister named before it or after it
    ("First Deputy Minister of Industry and Trade of Tatarstan Ivan Petrov spoke.", "Industry and Trade of Tatarstan",
     None),
    ("The Labour and Social Protection Minister came.", "Labour", None),
]


@pytest.mark.parametrize(("sentence", "words", "expected"), READINGS)
def test_model_org_span_reading(reader, tokenizer, sentence, words, expected):
    doc = tokenizer(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words), label="ORG")
    assert span is not None, "the test's words must be whole tokens"
    read = reader(span, common_words([token.text for token in doc]))
    assert (None if read is None else (read[0].text, read[1])) == expected
