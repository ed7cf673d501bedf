"""ingest.language: telling an English article from one chancery cannot code, without guessing on scraps."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.ingest import read_inputs
from chancery.ingest.language import detect_language

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

# Written for these tests: the same kind of report in several languages.
REPORTS = {
    "fr": "La Russie est devenue jeudi le premier pays à reconnaître le gouvernement des talibans, a annoncé "
    "le ministère des affaires étrangères, qui a reçu les lettres de créance du nouvel ambassadeur.",
    "es": "México rompió el viernes sus relaciones con Ecuador después de que la policía entrara en la "
    "embajada en Quito para detener a un antiguo vicepresidente que había pedido asilo.",
    "de": "Russland hat als erstes Land die Regierung der Taliban anerkannt, wie das Außenministerium in "
    "Moskau am Donnerstag mitteilte. Der neue Botschafter wurde im Ministerium empfangen.",
    "pt": "O Brasil anunciou na segunda-feira que vai reabrir a sua embaixada em Caracas, depois de uma "
    "reunião entre os ministros dos dois países sobre a crise na fronteira.",
    "ar": "أعلنت روسيا يوم الخميس اعترافها الرسمي بحكومة طالبان في أفغانستان، لتصبح أول دولة تقوم بذلك.",
    "ru": "Россия в четверг официально признала правительство талибов, став первой страной, сделавшей это.",
    "zh": "俄罗斯周四正式承认塔利班政府，成为第一个这样做的国家。",
}


@pytest.mark.parametrize("code", sorted(REPORTS))
def test_a_report_in_another_language_is_told_apart(code):
    assert detect_language(REPORTS[code]).code == code


def test_every_bundled_example_is_english():
    articles = list(read_inputs([str(EXAMPLES)]))
    assert len(articles) == 15
    assert {detect_language(article.text).code for article in articles} == {"en"}


@pytest.mark.parametrize(
    "text",
    [
        "Russia recognised the Taliban government on day 3.",  # too short to tell: coded as English
        "Kabul, Moscow, Beijing, Islamabad, Tehran, Ankara, Doha.",
        "",
    ],
)
def test_a_scrap_is_not_judged(text):
    assert detect_language(text) is None


def test_english_with_foreign_quotes_and_names_stays_english():
    text = (
        "The envoy said «nous sommes prêts» before the talks, and the ministry said in a statement that it "
        'would deepen ties with Kabul. Officials in Tehran added "شكرا" to their note, which was read out.'
    )
    assert detect_language(text).code == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Israeli Foreign Minister Israel Katz welcomed Bolivia's move as a positive step.",
        "Japan should recognise Palestine now, a former Japanese ambassador argued in a newspaper column.",
    ],
)
def test_a_short_english_sentence_whose_function_words_are_a_and_as_is_english(text):
    # "a" and "as" are Portuguese function words too; English counts its own "a"
    assert detect_language(text).code == "en"
