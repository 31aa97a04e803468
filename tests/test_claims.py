"""Dated claims: anchors, kinds, speakers, splitting, values and the samples' gold."""

from __future__ import annotations

import json

import pytest

from pipeline.errors import ResourceError
from pipeline.extract.claims import EntityMentions, _is_plan, load_claim_cues, quote_spans
from pipeline.extract.entities import Entities
from pipeline.readers import read_inputs
from pipeline.resources import MODELS_DIR, read_jsonl
from pipeline.types import Enterprise, Mention, Organization, Person, Region

from .conftest import ROOT, SAMPLES

DEV_GOLD = sorted(SAMPLES.glob("gold/dev/*.json"))
SEED_GOLD = ROOT.parent / "shared" / "eval" / "seed_gold.json"
LUKASHENKO = "Aleksandr Lukashenko"


def claims_of(record: dict) -> list[tuple]:
    return [(c["text"], c["from"], c["to"], c["kind"], c["speaker"]) for c in record["claims"]]


# (body, [(claim text, from, to, kind, speaker)]), published on Monday 19 January 2026
CLAIM_FORMS = [
    ("Belarus and Kirov Oblast intend to double trade, Belarusian President Aleksandr Lukashenko said at a "
     "meeting on 19 January.",
     [("Belarus and Kirov Oblast intend to double trade, Belarusian President Aleksandr Lukashenko said at a "
       "meeting on 19 January.", "2026-01-19", "2026-01-19", "plan", LUKASHENKO)]),
    ("Minsk Tractor Works increased its sales by 12.7% in 2024, Director General Vitaly Korolkov told "
     "reporters on Monday.",
     [("Minsk Tractor Works increased its sales by 12.7% in 2024, Director General Vitaly Korolkov told "
       "reporters on Monday.", "2024-01-01", "2024-12-31", "fact", "Vitaly Korolkov")]),
    ("In January-November 2025, it reached $108 million, which was 35% higher than in 2024.",
     [("In January-November 2025, it reached $108 million, which was 35% higher than in 2024.",
       "2025-01-01", "2025-11-30", "fact", None)]),
    ("The House of Representatives approved the budget for 2027 on Wednesday.",
     [("The House of Representatives approved the budget for 2027 on Wednesday.", "2026-01-14", "2026-01-14",
       "fact", None)]),
    ("Within the next year or two we will place all cows in new complexes, and within five years we will "
     "switch to comprehensive management.",
     [("Within the next year or two we will place all cows in new complexes", "2026-01-19", "2028-01-19",
       "plan", None),
      ("within five years we will switch to comprehensive management.", "2026-01-19", "2031-01-19", "plan",
       None)]),
    ("The company opened a trading house in March and plans to build a warehouse next year.",
     [("The company opened a trading house in March", "2025-03-01", "2025-03-31", "fact", None),
      ("plans to build a warehouse next year.", "2027-01-01", "2027-12-31", "plan", None)]),
    ("The plant increased its output by 7.8% in 2025 and is going to create 300 new jobs.",
     [("The plant increased its output by 7.8% in 2025 and is going to create 300 new jobs.",
       "2025-01-01", "2025-12-31", "fact", None)]),
    ("According to the Ministry of Industry, exports grew by 3.5 percent in 2025.",
     [("According to the Ministry of Industry, exports grew by 3.5 percent in 2025.", "2025-01-01",
       "2025-12-31", "fact", None)]),
    ("The forum will open on 25 June.", [("The forum will open on 25 June.", "2026-06-25", "2026-06-25", "plan",
                                          None)]),
    # a relative clause telling a later event of its own is a statement of its own; one set off by commas inside the
    # sentence is background
    ("In 2025 the President signed Decree No. 8, which came into force on 12 January.",
     [("In 2025 the President signed Decree No. 8", "2025-01-01", "2025-12-31", "fact", None),
      ("which came into force on 12 January.", "2026-01-12", "2026-01-12", "fact", None)]),
    # a clause dated only by a comparison baseline stays with the statement before it
    ("In 2025, the company localized production in the park and supplied 320 cranes to Russia, 1.5 times more "
     "than in 2024.",
     [("In 2025, the company localized production in the park and supplied 320 cranes to Russia, 1.5 times more "
       "than in 2024.", "2025-01-01", "2025-12-31", "fact", None)]),
    ("Exports rose by 8% in 2025 and reached $2 billion, compared with $1.6 billion in 2024.",
     [("Exports rose by 8% in 2025 and reached $2 billion, compared with $1.6 billion in 2024.", "2025-01-01",
       "2025-12-31", "fact", None)]),
    ("The economy grew by 4.1% in the third quarter, and real wages were 111.2% of the level of the same "
     "period of 2025.",
     [("The economy grew by 4.1% in the third quarter, and real wages were 111.2% of the level of the same "
       "period of 2025.", "2025-07-01", "2025-09-30", "fact", None)]),
    # "up from the 2018 contract", "than the 2017 level", "the same as in 2025", "up 3 centners from last year" are
    # baselines too
    ("The price is $290 per tonne, $60 up from the 2018 contract.", []),
    ("The tariff is 10% higher than the 2017 level.", []),
    ("Gas will cost $128.5 per 1,000 cubic meters, the same as in 2025.", []),
    ("The forest cover has increased to 39% from 35.5% in 1994.", []),
    # the date in a legal act's number names the act
    ("Decree No. 7 of 31 December 2025 will take effect on 26 February.",
     [("Decree No. 7 of 31 December 2025 will take effect on 26 February.", "2026-02-26", "2026-02-26", "plan",
       None)]),
    ("The average grain yield is 45 centners per hectare, up 3 centners from last year.", []),
    ("Revenue was $300 million, up $45 million from 2024.", []),
    ("Exports went up by $50 million from 2024.", []),
    # ... but a period after publication right after "from" is when a change takes effect
    ("Pensions will be raised by 5% from September.",
     [("Pensions will be raised by 5% from September.", "2026-09-01", "2026-09-30", "plan", None)]),
    ("Wages will go up by Br50 from March.",
     [("Wages will go up by Br50 from March.", "2026-03-01", "2026-03-31", "plan", None)]),
    # guidelines, forecasts and contracts name documents too: the event date is the anchor
    ("The National Bank will approve the main guidelines of monetary policy for 2027 in December.",
     [("The National Bank will approve the main guidelines of monetary policy for 2027 in December.",
       "2026-12-01", "2026-12-31", "plan", None)]),
    ("The ministry signed a contract for 2026-2028 on Thursday.",
     [("The ministry signed a contract for 2026-2028 on Thursday.", "2026-01-15", "2026-01-15", "fact", None)]),
    # a document's period gives way to the event date even when the document is "a program for the X of Y"
    ("The government will submit a program for the modernization of the sector for 2027-2030 on Thursday.",
     [("The government will submit a program for the modernization of the sector for 2027-2030 on Thursday.",
       "2026-01-22", "2026-01-22", "plan", None)]),
    # a joined clause dated only by a document or by the speech act is no statement of its own
    ("On Tuesday, the sides signed a memorandum on certification, and an action plan for 2026-2028.",
     [("On Tuesday, the sides signed a memorandum on certification, and an action plan for 2026-2028.",
       "2026-01-13", "2026-01-13", "fact", None)]),
    ("In 2025, the refinery processed 5.9 million tonnes and shipped over 60% of its exports by sea, Director "
     "General Yevgeny Lozovik told reporters on Thursday.",
     [("In 2025, the refinery processed 5.9 million tonnes and shipped over 60% of its exports by sea, Director "
       "General Yevgeny Lozovik told reporters on Thursday.", "2025-01-01", "2025-12-31", "fact", "Yevgeny Lozovik")]),
    # the senter starts a sentence inside the name; a name is never cut
    ("Belarus and China will sign an agreement on cooperation in education next month, Ambassador of China to "
     "Belarus Xie Xiaoyong said at a meeting with Education Minister Andrei Ivaniec on 13 January.",
     [("Belarus and China will sign an agreement on cooperation in education next month, Ambassador of China to "
       "Belarus Xie Xiaoyong said at a meeting with Education Minister Andrei Ivaniec on 13 January.", "2026-02-01",
       "2026-02-28", "plan", "Xie Xiaoyong")]),
    # a participle's date set off by commas is background: the statement's own period is the anchor
    ("The restoration of Lida Castle, built in the early 14th century, will be completed by 2027.",
     [("The restoration of Lida Castle, built in the early 14th century, will be completed by 2027.", "2027-01-01",
       "2027-12-31", "plan", None)]),
    # ... and so is one right after its noun, before the future of its clause
    ("The programme adopted in 2021 will be extended to 2026.",
     [("The programme adopted in 2021 will be extended to 2026.", "2026-01-01", "2026-12-31", "plan", None)]),
    ("The plant, founded in 1968, produced 5,000 tractors.",
     [("The plant, founded in 1968, produced 5,000 tractors.", "1968-01-01", "1968-12-31", "fact", None)]),
    ("Promtransinvest, which was founded in 1995, received BYN23.7 million in premiums in 2025.",
     [("Promtransinvest, which was founded in 1995, received BYN23.7 million in premiums in 2025.", "2025-01-01",
       "2025-12-31", "fact", None)]),
    # a date fronted before its speaker dates the report; the figure's own period is the anchor
    ("Last week, BPS-Sberbank reported a net profit of BYN105 million for 2025.",
     [("Last week, BPS-Sberbank reported a net profit of BYN105 million for 2025.", "2025-01-01", "2025-12-31",
       "fact", None)]),
    # a date fronted before the speaker of "said that" dates the speech, not what was said
    ("On Monday Prime Minister Ivan Petrov said that GDP would grow by 1.7% in 2027.",
     [("On Monday Prime Minister Ivan Petrov said that GDP would grow by 1.7% in 2027.", "2027-01-01", "2027-12-31",
       "plan", "Ivan Petrov")]),
    ("Last week, Deputy Prime Minister Natalya Kochanova said that wages would reach $500 in 2027.",
     [("Last week, Deputy Prime Minister Natalya Kochanova said that wages would reach $500 in 2027.", "2027-01-01",
       "2027-12-31", "plan", "Natalya Kochanova")]),
    # so does a date in a participle clause opening the sentence on the occasion of the statement
    ("Speaking at a board meeting on Tuesday, Head of Belarusian Railway Ivan Petrov said that the company intends "
     "to invest BYN120 million in new rolling stock this year.",
     [("Speaking at a board meeting on Tuesday, Head of Belarusian Railway Ivan Petrov said that the company intends "
       "to invest BYN120 million in new rolling stock this year.", "2026-01-01", "2026-12-31", "plan", "Ivan Petrov")]),
    ("Addressing the parliament on 14 January, Prime Minister Ivan Petrov said GDP grew by 1.2% in 2025.",
     [("Addressing the parliament on 14 January, Prime Minister Ivan Petrov said GDP grew by 1.2% in 2025.",
       "2025-01-01", "2025-12-31", "fact", "Ivan Petrov")]),
    # "% on" a day dates the change ("up 5% on 2024" compares with the year)
    ("The National Bank devalued the ruble by 56% on 14 January.",
     [("The National Bank devalued the ruble by 56% on 14 January.", "2026-01-14", "2026-01-14", "fact", None)]),
    # "no later than" sets a deadline: no comparison baseline
    ("The voter lists will be made public no later than 4 December, Deputy Chairman of the CEC Nikolai Lozovik said.",
     [("The voter lists will be made public no later than 4 December, Deputy Chairman of the CEC Nikolai Lozovik "
       "said.", "2026-12-04", "2026-12-04", "plan", "Nikolai Lozovik")]),
]

# Statements of a sequence, a future period told in the past, the date of the statement alone, schedules.
SEQUENCES = [
    # two instructions with their deadlines; a directive's "to ..." is what was said, not when
    ("President Aleksandr Lukashenko instructed the governor to report on the progress by 1 June and to present a "
     "plan for each district in early April.",
     [("President Aleksandr Lukashenko instructed the governor to report on the progress by 1 June", "2026-06-01",
       "2026-06-01", "plan", LUKASHENKO),
      ("to present a plan for each district in early April.", "2026-04-01", "2026-04-10", "plan", LUKASHENKO)]),
    # what a speaker said, with its own verb and no "that", is dated by its own period
    ("The deputies approved the bill on 14 January, and Speaker Igor Sergeyenko said the budget would be signed by "
     "the end of March.",
     [("The deputies approved the bill on 14 January", "2026-01-14", "2026-01-14", "fact", "Igor Sergeyenko"),
      ("Speaker Igor Sergeyenko said the budget would be signed by the end of March.", "2026-03-21", "2026-03-31",
       "plan", "Igor Sergeyenko")]),
    # a clause that leaves out its verb; a clause after a colon
    ("Exports rose by 12% in January-September 2025, imports by 5% in the first half of 2025.",
     [("Exports rose by 12% in January-September 2025", "2025-01-01", "2025-09-30", "fact", None),
      ("imports by 5% in the first half of 2025.", "2025-01-01", "2025-06-30", "fact", None)]),
    ("Belavia said two new aircraft will arrive in mid-June, the third in early September.",
     [("Belavia said two new aircraft will arrive in mid-June", "2026-06-11", "2026-06-20", "plan", None),
      ("the third in early September.", "2026-09-01", "2026-09-10", "plan", None)]),
    ("The Council of the Republic will be formed by early December: regional councils will elect the senators on 21 "
     "November.",
     [("The Council of the Republic will be formed by early December", "2026-12-01", "2026-12-10", "plan", None),
      ("regional councils will elect the senators on 21 November.", "2026-11-21", "2026-11-21", "plan", None)]),
    # an amount with its code after "compared with" is part of the baseline
    ("The dollar rate stood at BYN 2.57 on 1 January, compared with BYN 2.55 a month earlier.",
     [("The dollar rate stood at BYN 2.57 on 1 January, compared with BYN 2.55 a month earlier.", "2026-01-01",
       "2026-01-01", "fact", None)]),
    # a clause dated only by a baseline ("more than it was a year ago") is no statement of its own
    ("This year the plant will produce 5,000 tractors, and this is more than it was a year ago.",
     [("This year the plant will produce 5,000 tractors, and this is more than it was a year ago.", "2026-01-01",
       "2026-12-31", "plan", None)]),
    # a sequence of dated statements in one sentence: each its own claim
    ("Car sales could recover by 3% in 2026 after a fall of 8% in the first half of the year.",
     [("Car sales could recover by 3% in 2026", "2026-01-01", "2026-12-31", "fact", None),
      ("after a fall of 8% in the first half of the year.", "2026-01-01", "2026-06-30", "fact", None)]),
    ("Output must rise by at least 4% in 2026 and by a further 6% in 2027.",
     [("Output must rise by at least 4% in 2026", "2026-01-01", "2026-12-31", "plan", None),
      ("by a further 6% in 2027.", "2027-01-01", "2027-12-31", "plan", None)]),
    # a comma before a verb joins the statements of a sequence too ...
    ("The company built the plant in 2015, modernized it in 2018 and plans to expand it in 2027.",
     [("The company built the plant in 2015", "2015-01-01", "2015-12-31", "fact", None),
      ("modernized it in 2018", "2018-01-01", "2018-12-31", "fact", None),
      ("plans to expand it in 2027.", "2027-01-01", "2027-12-31", "plan", None)]),
    # a passive with an adverb is no past ("will be fully implemented")
    ("This year we plan to complete 235 more houses, and the program will be fully implemented by the end of 2028.",
     [("This year we plan to complete 235 more houses", "2026-01-01", "2026-12-31", "plan", None),
      ("the program will be fully implemented by the end of 2028.", "2028-01-01", "2028-12-31", "plan", None)]),
    # two deadlines, also after an instruction told in the past and with a one-word object
    ("The minister demanded the completion of the harvest of maize by 15 October and of sugar beet by 1 November.",
     [("The minister demanded the completion of the harvest of maize by 15 October", "2026-10-15", "2026-10-15",
       "plan", None),
      ("of sugar beet by 1 November.", "2026-11-01", "2026-11-01", "plan", None)]),
    ("The farms intend to finish sowing wheat by 20 September and rye by 30 September.",
     [("The farms intend to finish sowing wheat by 20 September", "2026-09-20", "2026-09-20", "plan", None),
      ("rye by 30 September.", "2026-09-30", "2026-09-30", "plan", None)]),
    # ... but not a list of years (one statement about both), nor what follows a verb of saying, nor "after ..." without a figure of its own
    ("Belarus will pay $164 for gas in 2027, Prime Minister Ivan Petrov told reporters after the meeting of the "
     "Council of Ministers on Friday.",
     [("Belarus will pay $164 for gas in 2027, Prime Minister Ivan Petrov told reporters after the meeting of the "
       "Council of Ministers on Friday.", "2027-01-01", "2027-12-31", "plan", "Ivan Petrov")]),
    ("The plant will build two lines in 2026 and in 2027.",
     [("The plant will build two lines in 2026 and in 2027.", "2026-01-01", "2027-12-31", "plan", None)]),
    ("Trade will reach $900 million by 2030, Industry Minister Aleksandr Yermakov said after a meeting in Minsk "
     "on Friday.",
     [("Trade will reach $900 million by 2030, Industry Minister Aleksandr Yermakov said after a meeting in Minsk "
       "on Friday.", "2030-01-01", "2030-12-31", "plan", "Aleksandr Yermakov")]),
    # a period after publication told in the past tense is what a past act was about: the act's date wins
    ("The council picked Vitebsk to stage the poultry fair in 2028 after a vote in October 2025.",
     [("The council picked Vitebsk to stage the poultry fair in 2028 after a vote in October 2025.",
       "2025-10-01", "2025-10-31", "fact", None)]),
    # a sentence dated only by the statement: a claim anchored there, with its speaker
    ("Belarus is ready to supply more tractors, Aleksandr Lukashenko said this as he met the governor of Kirov "
     "Oblast on 15 January.",
     [("Belarus is ready to supply more tractors, Aleksandr Lukashenko said this as he met the governor of Kirov "
       "Oblast on 15 January.", "2026-01-15", "2026-01-15", "plan", LUKASHENKO)]),
    # a schedule the agency reports: a plan with no speaker
    ("On 23 January the president will meet the Prime Minister of Uzbekistan.",
     [("On 23 January the president will meet the Prime Minister of Uzbekistan.", "2026-01-23",
       "2026-01-23", "plan", None)]),
]

# A comparison baseline is no anchor: these sentences give dates but no claim.
BASELINE_ONLY = [
    "This is 1.2 million tonnes less than on the same date last year.",
    "Trade with Poland stood at $1 billion, down 5% from 2025.",
    "Milk yields rose 6% over the same period last year.",
    "Milk yields rose 6% on 2024.",
    "The flax crop has already exceeded last year's by 40%.",
    "“Output exceeded the results of the previous two years,” the minister said.",
]

# (body, [(claim from, speaker)]): attribution shapes, published on Monday 19 January 2026
SPEAKERS = [
    # an owner's possessive before the role, and "the head of the plant"
    ("Director General of Belshina Ivan Golovaty met reporters. The plant exported tyres to 40 countries. The "
     "company's Director General added that the average wage in December was Br1,650.",
     [("2025-12-01", "Ivan Golovaty")]),
    ("Director General of MTZ Fedor Dobrinsky spoke. Exports grew. The head of the plant noted that the average "
     "wage in December stood at Br1,050.", [("2025-12-01", "Fedor Dobrinsky")]),
    # a rector and a minister referred to by their offices
    ("Rector of BNTU Boris Khrustalev met with students. The rector stressed that BNTU admitted 5,000 students in "
     "2025.", [("2025-01-01", "Boris Khrustalev")]),
    ("Minister of Health Vasily Zharko visited the clinic. The head of the ministry noted that 30 clinics opened in "
     "2025.", [("2025-01-01", "Vasily Zharko")]),
    # a committee's head by his office, also where the model took "The chairman" for a mention of him
    ("Chairman of the State Standardization Committee Viktor Nazarenko met reporters. The chairman of the committee "
     "said that 300 standards were adopted in 2025.", [("2025-01-01", "Viktor Nazarenko")]),
    ("Chairman of the State Standardization Committee Viktor Nazarenko met reporters. The head of the committee "
     "said the standard will be adopted in 2026.", [("2026-01-01", "Viktor Nazarenko")]),
    # a capitalised word or an abbreviation after a "the" of the description; what the description is of between it
    # and the verb
    ("Chairman of the State Security Committee Ivan Tertel met reporters. Energy Minister Alexei Kushnarenko came "
     "too. The KGB chief noted that cyber attacks rose by 20% in 2025.", [("2025-01-01", "Ivan Tertel")]),
    ("Head of the Emergencies Ministry Vadim Sinyavsky met reporters. Agriculture Minister Yuri Gorlov came too. The "
     "head of the Emergencies Ministry added that fires fell by 5% in February.", [("2025-02-01", "Vadim Sinyavsky")]),
    ("Chairperson of the CEC Igor Karpenko visited Grodno. Governor Yuri Karayev met him. The CEC chairperson noted "
     "that 5,000 precincts would open in January.", [("2026-01-01", "Igor Karpenko")]),
    ("Chairman of the Presidium of the National Academy of Sciences Vladimir Karanik visited the institute. The "
     "chairman of the presidium stressed that exports grew by 12% in 2025.", [("2025-01-01", "Vladimir Karanik")]),
    ("Head of the Republic of Tatarstan Rustam Minnikhanov met Prime Minister Roman Golovchenko. According to the "
     "Tatarstan leader, trade went up by 14% in 2025. The head of the republic said that 30 projects would start in "
     "2026.", [("2025-01-01", "Rustam Minnikhanov"), ("2026-01-01", "Rustam Minnikhanov")]),
    # the verb of a relative clause attributes nothing
    ("The deputies passed the budget on Friday, Igor Sergeyenko said. The bill on the Year of Improvement, which the "
     "president declared in January, was not considered.", [("2026-01-16", "Igor Sergeyenko"), ("2026-01-01", None)]),
    ("Chairman of the Korelichi District Executive Committee Sergei Ivanov met Governor Yuri Karayev. The district "
     "chairman added that yields would exceed 60 centners in 2026.", [("2026-01-01", "Sergei Ivanov")]),
    # a name set off by commas after its description speaks
    ("The chairman of the Minsk District Executive Committee, Viktor Svirid, said that the district will build a "
     "school in May.", [("2026-05-01", "Viktor Svirid")]),
    # a country adjective skips a holder of the role who is another country's ("Ambassador of Russia to Belarus")
    ("Russian Ambassador to Belarus Boris Gryzlov met Foreign Minister Maxim Ryzhenkov. The Russian diplomat noted "
     "that trade rose by 7% in 2025. The Belarusian minister said that 40 agreements were signed in 2025.",
     [("2025-01-01", "Boris Gryzlov"), ("2025-01-01", "Maxim Ryzhenkov")]),
    # a longer role is another office: "the president" is no Vice President, "the premier" no Vice Premier
    ("President Aleksandr Lukashenko met Vice President of Tianyuan Group Anna Pavlovich. “In 2025 exports grew by "
     "8%,” the vice president said. “By 2030 they must double,” the president said.",
     [("2025-01-01", "Anna Pavlovich"), ("2030-01-01", LUKASHENKO)]),
    ("Vice Premier Mikhail Rusy reported to President Aleksandr Lukashenko. “This year we will earn $4.7 billion,” "
     "said the Vice Premier.", [("2026-01-01", "Mikhail Rusy")]),
    # attributions by a phrase of their own
    ("Governor Ivan Krupko visited the district. In his words, the district harvested 300,000 tonnes of grain in "
     "2025. As he put it, the oblast will build 20 farms in 2026.",
     [("2025-01-01", "Ivan Krupko"), ("2026-01-01", "Ivan Krupko")]),
    ("Governor Ivan Krupko met Director Olga Smirnova. In her words, the plant sold 30 lines in 2025.",
     [("2025-01-01", "Olga Smirnova")]),
    ("Governor Ivan Krupko met reporters. In the words of the governor, 30 farms were rebuilt in 2025.",
     [("2025-01-01", "Ivan Krupko")]),
    ("President Aleksandr Lukashenko visited Shklov. The head of state was quoted by the press service as saying that "
     "100 houses would be built in every district by 2030.", [("2030-01-01", LUKASHENKO)]),
    # instructions: the one who gives them speaks, and their deadline lies ahead
    ("President Aleksandr Lukashenko visited the farm. The head of state called on the farmers to prepare the "
     "machinery by 1 March.", [("2026-03-01", LUKASHENKO)]),
    ("President Aleksandr Lukashenko visited the farm. The head of state gave instructions to finish the road by "
     "1 June.", [("2026-06-01", LUKASHENKO)]),
    # references to a diplomat and to deputies
    ("Ambassador of China to Belarus Xie Xiaoyong met Education Minister Andrei Ivaniec. “In 2025 the number of "
     "students was 950,” the diplomat said.", [("2025-01-01", "Xie Xiaoyong")]),
    ("Deputy Minister of Industry Dmitry Korchik visited MAZ. Director General Ivan Petrov met him. “In 2027 we will "
     "double exports,” the deputy minister said.", [("2027-01-01", "Dmitry Korchik")]),
    # "he"/"she" skip a person whose Slavic surname shows the other gender
    ("Deputy Director Yelena Savitskaya said the museum would open in May. Deputy Governor Nikolai Simonenko "
     "came too. “Next year we will open an exhibition,” he said.",
     [("2026-05-01", "Yelena Savitskaya"), ("2027-01-01", "Nikolai Simonenko")]),
    ("Director Ivan Petrov said the plant would open in May. Engineer Olga Smirnova came too. "
     "“Next year we will open a line,” she said.",
     [("2026-05-01", "Ivan Petrov"), ("2027-01-01", "Olga Smirnova")]),
    # directives are speech acts of the person named as their subject
    ("Governor Sergei Levkovich visited the farm. This year the governor set a target of 1.7 million tonnes.",
     [("2026-01-01", "Sergei Levkovich")]),
    # a Q&A answer headed by the speaker's name; the question and an unnamed heading are no attribution
    ("Director General Oleg Kravchenko gave an interview.\n\n– How did the company do in 2025?\n\n"
     "Oleg Kravchenko: In 2025, Belavia carried 3.1 million passengers. Next year we will fly to Tashkent.\n\n"
     "Belavia opened a route to Sochi in December.",
     [("2025-01-01", "Oleg Kravchenko"), ("2027-01-01", "Oleg Kravchenko"), ("2025-12-01", None)]),
    ("Question: In 2025, the airline carried 3.1 million passengers.\nAnswer: In 2026 we will carry more.",
     [("2026-01-01", None)]),
    # a question on its own line: the answers after it are the interviewee's, a third person reported in them speaks,
    # and the agency's closing paragraph is no answer
    ("Minister of Industry Aleksandr Yefimov, who was received by President Aleksandr Lukashenko on Tuesday, spoke "
     "about the plans in an interview with BelTA.\n\nHow did industry do last year?\n\nIn 2025 we produced 1,200 "
     "tractors. As Prime Minister Ivan Petrov said on Monday, every plant must raise exports by 5% in 2026.\n\n"
     "BelTA: Tell us about the plans for next year.\n\nIn 2026 we will launch 30 projects.\n\nBy 2027 our exports "
     "will double.\n\nAccording to Belstat, industrial output grew by 2.1% in 2025.",
     [("2026-01-13", None), ("2025-01-01", "Aleksandr Yefimov"), ("2026-01-01", "Ivan Petrov"),
      ("2026-01-01", "Aleksandr Yefimov"), ("2027-01-01", "Aleksandr Yefimov"), ("2025-01-01", None)]),
    # answers laid out with dashes are the words of the one the paragraph telling of the interview names
    ("The rate will stay, Chairman of the National Bank Roman Golovchenko said in an interview with BelTA. Governor "
     "Ivan Petrov agreed.\n\n– How did prices change in 2025?\n\n– In 2025, consumer prices grew by 6.8%.\n\n"
     "Reserves grew by $1.4 billion in December.\n\n– And the plans?\n\n– In 2026 we will pay $700 million.",
     [("2025-01-01", "Roman Golovchenko"), ("2025-12-01", "Roman Golovchenko"), ("2026-01-01", "Roman Golovchenko")]),
    # "the President of Belarus" stands for Belarus's president, not for the last president named
    ("Alexander Lukashenko met with President of China Xi Jinping. Trade will reach $4 billion by 2027, the "
     "President of Belarus said.", [("2027-01-01", "Alexander Lukashenko")]),
    # a press service is no person, whoever it serves
    ("Aleksandr Lukashenko talked over the phone with President of Uzbekistan Shavkat Mirziyoyev on Thursday, the "
     "press service of the Belarusian leader reported.", [("2026-01-15", None)]),
    # "he" goes on with the person who opens the sentence before, when that sentence has no speaker of its own
    ("Director General of MAZ Valery Ivankovich said the plant sold 2,000 trucks in 2025. Industry Minister Pavel "
     "Utyupin visited the plant. He said the exports would grow by 10% in 2026.",
     [("2025-01-01", "Valery Ivankovich"), ("2026-01-01", "Pavel Utyupin")]),
    ("Director General of MAZ Valery Ivankovich said the plant sold 2,000 trucks in 2025. He said the exports "
     "would grow by 10% in 2026.", [("2025-01-01", "Valery Ivankovich"), ("2026-01-01", "Valery Ivankovich")]),
    # a stance that reports what the person thinks names its speaker too
    ("Industry Minister Pavel Utyupin expressed confidence that MAZ would sell 8,000 trucks in 2026.",
     [("2026-01-01", "Pavel Utyupin")]),
    ("Governor Ivan Petrov is convinced that the oblast will harvest 1.5 million tonnes of grain in 2026.",
     [("2026-01-01", "Ivan Petrov")]),
    # speech verbs beyond "said"
    ("Belarusian President Aleksandr Lukashenko chaired the meeting. “By 2030, exports must reach $60 billion,” "
     "the president warned.", [("2030-01-01", LUKASHENKO)]),
    ("Industry Minister Aleksandr Yermakov admitted that output fell by 2% in 2025.",
     [("2025-01-01", "Aleksandr Yermakov")]),
    # promises and forecasts are attributions too; an organisation's stays null
    ("Director General of Belshina Sergei Matveyenko spoke. From 1 March, the salary will rise to Br2,300, "
     "Matveyenko promised.", [("2026-03-01", "Sergei Matveyenko")]),
    ("Governor Ivan Krupko spoke first. By 2030, the oblast will build 40 farms, Krupko pledged.",
     [("2030-01-01", "Ivan Krupko")]),
    ("Industry Minister Aleksandr Yermakov predicted that output would grow by 5% in 2026.",
     [("2026-01-01", "Aleksandr Yermakov")]),
    ("By 2030, exports will double, the Ministry of Economy estimated.", [("2030-01-01", None)]),
    # a description with a country's adjective: the role's holder of that country, else the last speaker's role
    ("Russian President Vladimir Putin and Belarusian President Aleksandr Lukashenko met. Lukashenko spoke first. "
     "“Trade will reach $60 billion in 2030,” the Russian president said.", [("2030-01-01", "Vladimir Putin")]),
    ("Governor of Vitebsk Oblast Aleksandr Subbotin and Governor of Smolensk Oblast Vasily Anokhin met.\n\n"
     "“Our plants will supply 1,200 tractors by the end of the year,” Subbotin said.\n\n"
     "Vasily Anokhin, in turn, said that the oblast exported goods worth $95 million in 2025.\n\n"
     "“We agreed to open a joint plant in 2027,” the Russian governor stressed.",
     [("2026-01-01", "Aleksandr Subbotin"), ("2025-01-01", "Vasily Anokhin"), ("2027-01-01", "Vasily Anokhin")]),
    # "according to" with the person's title before the name
    ("According to Agriculture and Food Minister Andrei Kuzmich, exports grew by 12.7% in 2025.",
     [("2025-01-01", "Andrei Kuzmich")]),
    ("According to the Ministry of Agriculture and Food, Andrei Kuzmich's exports grew by 12.7% in 2025.",
     [("2025-01-01", None)]),
    ("According to Ambassador of Belarus to the UAE Aleksandr Kartashov, the company will buy trucks in 2026.",
     [("2026-01-01", "Aleksandr Kartashov")]),
    # a listed given name tells the gender where a Belarusian surname in -ich does not
    ("Andrei Malashko said the district grew in 2024. Yelena Kostyukevich spoke next. According to her, Zelva "
     "District received 27 tractors in 2025.",
     [("2024-01-01", "Andrei Malashko"), ("2025-01-01", "Yelena Kostyukevich")]),
    # "the minister added" goes on with the minister who spoke last
    ("Director General Tendai Moyo spoke. Minister of Agriculture of Zimbabwe Anxious Masuka was there. “In 2025 "
     "we bought 300 tractors,” Masuka said. “In 2026 we will buy 400 more,” the minister added.",
     [("2025-01-01", "Anxious Masuka"), ("2026-01-01", "Anxious Masuka")]),
    # "BelTA learned from" a titled person; a sentence going on with "For instance", "Thus", "To meet these
    # targets" keeps the speaker of its paragraph; "the diplomat" is the ambassador
    ("The plant shipped 900 lifts in 2025, BelTA learned from Director General of Mogilevliftmash Ivan Petrov. "
     "Thus, in 2025 the plant also opened a service centre.",
     [("2025-01-01", "Ivan Petrov"), ("2025-01-01", "Ivan Petrov")]),
    ("Ambassador of Belarus to China Ivan Petrov said that trade was growing. For example, in 2025 Chinese buyers took "
     "300 tonnes of cheese. The new lines, the diplomat noted, would open in 2026.\n\n"
     "In 2025 Belarusbank opened ten offices.",
     [("2025-01-01", "Ivan Petrov"), ("2026-01-01", "Ivan Petrov"), ("2025-01-01", None)]),
    ("According to Agriculture Minister Yury Gorlov, the ministry has new goals for the current five-year period. "
     "Output is expected to grow. To reach these goals, exports must rise by 5% in 2026.",
     [("2026-01-01", "Yury Gorlov"), ("2026-01-01", "Yury Gorlov")]),
    # a descriptive reference after the verb is whom it was said to, not who said it
    ("Vice Premier Viktor Karankevich spoke first. As was announced to the president, in 2025 the farms "
     "harvested 9 million tonnes.", [("2025-01-01", None)]),
    # a quotation over paragraphs is attributed at its end only
    ("Governor Ivan Krupko met the delegation.\n\n“In 2025 we shipped 300 cranes to Russia.\n\n"
     "“In 2026 we will ship 400 more,” said Director General Ivan Petrov.",
     [("2025-01-01", "Ivan Petrov"), ("2026-01-01", "Ivan Petrov")]),
    # a Q&A answer runs over its paragraphs up to the next question
    ("Director General Oleg Kravchenko gave an interview.\n\n– How did the company do in 2025?\n\n"
     "Oleg Kravchenko: We carried 3.1 million passengers.\n\nIn 2025 we also opened six routes.\n\n"
     "– What about 2026?\n\nOleg Kravchenko: Next year we will fly to Tashkent.\n\n"
     "In December Belavia opened a route to Sochi.",
     [("2025-01-01", "Oleg Kravchenko"), ("2027-01-01", "Oleg Kravchenko"), ("2025-12-01", None)]),
    # a Chinese name puts the surname first: "Zhang said" is Zhang Wei
    ("Ivan Petrov spoke first. Zhang Wei, Vice President of a furniture group, spoke next. “We are ready to "
     "build a factory in 2026,” Zhang said.", [("2026-01-01", "Zhang Wei")]),
]

# The anchor of a reported clause: "added that in March" dates what was said, and a term of whole years
# after "for" ("a supplier for 2026-2027") gives way to the event date.
ANCHORS = [
    ("Shkurko added that in March SK-Pharmacia had chosen the plant as a supplier of insulin for 2026-2027.",
     ("2025-03-01", "2025-03-31")),
    ("He said that in December the bank had signed a credit line for the years 2026-2028.",
     ("2025-12-01", "2025-12-31")),
    ("The minister said on Friday that trade would grow.", ("2026-01-16", "2026-01-16")),
    ("The plant will supply 300 tractors for 2026-2027.", ("2026-01-01", "2027-12-31")),
    # a passive verb of saying, or one in what was said, dates the event, no speech act
    ("Natalya Kochanova said last Friday that the Year of Belarusian Woman had been declared by the President on 31 "
     "December.", ("2025-12-31", "2025-12-31")),
    ("Natalya Kochanova said on Friday that the President announced the decision on 31 December.",
     ("2025-12-31", "2025-12-31")),
    # a period named more narrowly right after it is the anchor
    ("Eighty years ago, on 3 July 1946, the plant made its first tractor.", ("1946-07-03", "1946-07-03")),
    ("Earlier this month, on 12 January, the museum received 500 visitors.", ("2026-01-12", "2026-01-12")),
    # a relative clause set off by commas is background
    ("The Slavianski Bazaar festival, which has been held in Vitebsk since 1992, will take place on 10-14 July.",
     ("2026-07-10", "2026-07-14")),
    ("The Old Castle, which dates back to the 16th century, will reopen in September.", ("2026-09-01", "2026-09-30")),
    # so is a relative clause about a person, and a document's period before or after the document
    ("Roman Golovchenko, who headed the government in 2020-2024, was appointed Chairman of the Board of the National "
     "Bank on 12 January.", ("2026-01-12", "2026-01-12")),
    ("The ministry will present the results of the budget execution for 2025 to the government in March.",
     ("2026-03-01", "2026-03-31")),
    ("The 2014-2016 roadmap provides for bringing the trade to $500 million by 2020.", ("2020-01-01", "2020-12-31")),
    # two periods of one size joined by "and" or "or" are one statement about both
    ("In July and August the refinery processed 3.1 million tonnes of oil.", ("2025-07-01", "2025-08-31")),
    ("The tests of the new tractor will be completed in April or May.", ("2026-04-01", "2026-05-31")),
    ("Heavy rain is expected on Saturday and Sunday.", ("2026-01-24", "2026-01-25")),
    # so is a condition before its consequence
    ("If inflation slows in March and April, the bank may cut the rate in the second quarter.",
     ("2026-04-01", "2026-06-30")),
    # the question before an answer is background
    ("Asked whether the dairy plant would be built in 2027, the governor said that construction would start in the "
     "second quarter.", ("2026-04-01", "2026-06-30")),
]


@pytest.mark.parametrize(("body", "expected"), ANCHORS, ids=[b[:50] for b, _ in ANCHORS])
def test_claim_anchor(body, expected, record_of):
    assert [(c["from"], c["to"]) for c in record_of(body)["claims"]] == [expected]


# A forecast with "may" is a plan; "in May" is only a month.
KINDS = [
    # the publication day told in the past tense is a fact, whatever it says will follow; told ahead, a plan
    ("Earlier today, Gazprom signed an agreement under which it will buy the remaining 50% stake in Beltransgaz.",
     "fact"),
    ("Today the minister will sign an agreement worth $5 million.", "plan"),
    ("By the end of the year, our trade may well set a record of $35 billion.", "plan"),
    ("He believes the visa-free regime can increase the tourist flow by 15% in 2026.", "plan"),
    # an instruction or a promise is a plan, also when it was made in the past
    ("Last year the government promised to raise wages to $500.", "plan"),
    ("The government has pledged to keep inflation below 10% this year.", "plan"),
    ("According to the ministry, in 2026 exports may exceed $700 million.", "plan"),
    ("In 2026 output may reach 40,000 units.", "plan"),
    ("In May 2025 the plant opened a new line.", "fact"),
    # a period running on from publication is ahead: the statement is a plan; "a plan of ..." signed is a fact
    ("A feasibility study can be prepared within the next two years.", "plan"),
    ("On Tuesday, the two governments signed a plan of cooperation.", "fact"),
    ("Within the next three years we want to open a trade house in Dubai.", "plan"),
    ("I want you to report to me on the modernization of the plants by late 2026.", "plan"),
    # a past act on a document whose period is ahead is a fact; the document itself speaks of plans
    ("The parliament approved the budget for 2027.", "fact"),
    ("The government adopted the programme for 2027-2030.", "fact"),
    ("The programme for 2027-2030 envisages building 10 plants.", "plan"),
    # a directive about the current period is a plan
    ("The governor demanded that the district raise milk output by 8% this year.", "plan"),
    ("He instructed the government to raise wages to $500 by the end of the year.", "plan"),
    ("He stressed that in 2026 the plant would launch a new tractor model.", "plan"),
    ("Without the subsidies, the losses in 2025 would have been Br5 million.", "fact"),
    ("In the current five-year period we would like to double trade.", "plan"),
    # a forecast told in the past tense and an obligation, about the current period, are plans
    ("The ministry expected inflation at 6% this year, the minister said.", "plan"),
    ("Belarus needs to repay $1 billion of debt this year.", "plan"),
    ("This year the budget has to allocate Br500 million for housing.", "plan"),
    ("As expected, output grew by 5% in 2025.", "fact"),
    ("The measures are aimed at reducing the refinancing rate to 12% this year.", "plan"),
    ("The government has set the task to bring the average salary to $500 by the end of the year.", "plan"),
    ("The new terminal is supposed to open this year.", "plan"),
    # "95% of the target" measures what was done
    ("As of 1 January, farms had sown 1.4 million hectares, or 95% of the target.", "fact"),
    ("As of 1 November, builders had commissioned 1.3 million square meters, or 82% of the annual target.", "fact"),
    ("The annual target for 2010 is 1.6 million square meters.", "plan"),
    ("The ambassador said his country intended to double purchases in the current year.", "plan"),
    ("The plan for the current year is 6.5 million square meters of housing.", "plan"),
    ("“We do not plan any further devaluations this year,” the chairman said.", "plan"),
    # a past period in the past tense is a fact, whatever the rest of the sentence says ...
    ("“The oblast worked well in 2025, I will not deny it,” the governor said.", "fact"),
    # an event begun by publication, told in the past, is a fact; what is planned for a season under way a plan
    ("The forum took place in Minsk on 19-20 January.", "fact"),
    ("Shipments of potash to India are planned for the winter.", "plan"),
    ("The governor demanded an answer by Friday.", "plan"),
    # ... unless it is only the date the plan was told on
    ("The governor told the delegation on Monday that the province was ready to provide a site.", "plan"),
]


@pytest.mark.parametrize(("body", "expected"), KINDS, ids=[b[:50] for b, _ in KINDS])
def test_claim_kind(body, expected, record_of):
    assert [c["kind"] for c in record_of(body)["claims"]] == [expected]


# Sentences that are not claims: no placeable period, a vague one, a question, only a comparison baseline.
NOT_CLAIMS = [
    "The average yield is 41.3 centners per hectare, which is 3.6 centners more than last year.",
    "Prices were 12% lower than in 2023.",
    "The population now covers 70% of the cost, compared with 60% at the end of last year.",
    "The bank's portfolio now totals $3.1 billion, up from $2.4 billion as of 1 January.",
    "“So why not start assembling our machines together on your land next year?” the president said.",
    "“Will the new line be launched in 2027?” a journalist asked.",
    "In recent years trade has amounted to $115-140 million.",
    "Belarus intends to develop this sector in the near future.",
    "Will the plant open a new line in 2027?",
    "MINSK, 19 January (BelTA) – The delegation arrived in Belarus.",
]


@pytest.mark.parametrize(("body", "expected"), CLAIM_FORMS, ids=[b[:50] for b, _ in CLAIM_FORMS])
def test_claim_forms(body, expected, record_of):
    assert claims_of(record_of(body)) == expected


@pytest.mark.parametrize("body", NOT_CLAIMS)
def test_not_claims(body, record_of):
    assert record_of(body)["claims"] == []


@pytest.mark.parametrize(("body", "expected"), SEQUENCES, ids=[b[:50] for b, _ in SEQUENCES])
def test_sequences_and_statement_dates(body, expected, record_of):
    assert claims_of(record_of(body)) == expected


@pytest.mark.parametrize("body", [
    "In 2024, refurbished tractors were sold in 12 countries in 2025.",  # a fronted period
    "The plant, built in 1975, opened a new line in 2025.",  # an insert
])
def test_a_comma_after_a_fronted_or_inserted_period_joins_no_statements(body, record_of):
    assert [claim["text"] for claim in record_of(body)["claims"]] == [body]


@pytest.mark.parametrize("body", BASELINE_ONLY)
def test_baseline_is_no_anchor(body, record_of):
    record = record_of(body)
    assert record["dates"] and record["claims"] == []


@pytest.mark.parametrize(("body", "expected"), SPEAKERS, ids=[b[:50] for b, _ in SPEAKERS])
def test_speakers(body, expected, record_of):
    assert [(c["from"], c["speaker"]) for c in record_of(body)["claims"]] == expected


def test_a_description_after_a_quotation_named_before_its_verb_is_that_person(record_of):
    body = ("Frosts damaged the orchards last week, Chairman of the Gomel Oblast Executive Committee Ivan Krupko said "
            "on Wednesday.\n\"We have experienced such a cold snap in May for the first time since 1999,\" the head "
            "of the regional hydrometeorological center Tatyana Nikitina said.")
    claims = record_of(body, published="2024-05-16T09:40:00")["claims"]
    assert [c["speaker"] for c in claims] == ["Ivan Krupko", "Tatyana Nikitina"]


def test_quote_over_several_sentences_keeps_its_speaker(record_of):
    record = record_of(
        "Aleksandr Lukashenko met the governor of Kirov Oblast Alexander Sokolov. "
        "“Our trade is not large. In 2025 it amounted to $108 million. We will double it next year,” "
        "the head of state said.")
    assert [(c["from"], c["speaker"]) for c in record["claims"]] == [("2025-01-01", LUKASHENKO),
                                                                      ("2027-01-01", LUKASHENKO)]


def test_bracketed_insert_stays_in_its_sentence(record_of):
    record = record_of(
        "Aleksandr Lukashenko met the delegation. “The trade is around $110 million [in January-November 2025, "
        "it amounted to $108 million]. But the growth rates are good,” the president said.")
    (claim,) = record["claims"]
    assert claim["text"] == ("“The trade is around $110 million [in January-November 2025, it amounted to "
                             "$108 million].")
    assert [m["low"] for m in claim["money"]] == [110000000, 108000000]
    assert claim["speaker"] == LUKASHENKO


def test_according_to_him_is_the_last_speaker(record_of):
    record = record_of(
        "Industry Minister Aleksandr Yermakov said the plant is doing well. According to him, next year the "
        "company will start assembling tractors.")
    (claim,) = record["claims"]
    assert (claim["speaker"], claim["kind"]) == ("Aleksandr Yermakov", "plan")


def test_descriptive_reference_resolves_to_the_title_holder(record_of):
    record = record_of(
        "Belarusian President Aleksandr Lukashenko met Governor Alexander Sokolov. "
        "“In 2025 our trade reached $108 million,” the head of state said.")
    (claim,) = record["claims"]
    assert claim["speaker"] == LUKASHENKO


def test_claim_values_and_entities_come_from_its_clause(record_of):
    record = record_of("In 2024 Belarus exported goods worth $27.4 million to Russia, 35% more than in 2023.")
    (claim,) = record["claims"]
    assert [m["low"] for m in claim["money"]] == [27400000]
    assert [p["value"] for p in claim["percentages"]] == [35.0]
    assert {"Belarus", "Russia"} <= set(claim["entities"])


def test_quote_spans_pair_marks_and_close_at_paragraph_end():
    text = "“One. Two,” he said. “Three\n\nFour \"five\" six."
    assert list(quote_spans(text)) == [(0, 11), (21, 27), (34, 40)]
    # a straight mark that opens a line opens a quotation: the one before was left open at its paragraph's end
    text = '"Prices grew.\n"Next year we expect 5%," he said.\nExports "fell" by 3%.'
    assert list(quote_spans(text)) == [(0, 13), (14, 39), (57, 63)]


def test_a_quotation_over_paragraphs_of_single_line_breaks_has_one_speaker(record_of):
    record = record_of('Roman Golovchenko met bankers on Wednesday.\n"In January, consumer prices grew by 1.9%.\n'
                       '"Next year we expect inflation of 5%," Roman Golovchenko said.\n'
                       'Economy Minister Yuri Chebotar said exports grew by 3% in January.')
    assert [c["speaker"] for c in record["claims"]][1:] == ["Roman Golovchenko", "Roman Golovchenko",
                                                             "Yuri Chebotar"]


def test_unknown_cue_kind_is_rejected(tmp_path):
    path = tmp_path / "claim_cues.jsonl"
    path.write_text('{"kind": "hedge", "cue": "perhaps"}\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown kind 'hedge'"):
        load_claim_cues(path)


def test_plan_cues_match_whole_words_in_a_row(tmp_path):
    path = tmp_path / "claim_cues.jsonl"
    path.write_text('{"kind": "plan", "cue": "will"}\n{"kind": "plan", "cue": "Plans To"}\n'
                    '{"kind": "plan", "cue": "looking to"}\n', encoding="utf-8")
    cues = load_claim_cues(path)
    said = ["It WILL open", "it plans, to be sure", "it plans 2 to", "Krak\u00f3will", "We'LL see", "it'll.",
            "\u00c9 Will"]
    # letters other than A-Z are none of a cue's, though str.lower turns some into a-z (the Kelvin sign into k)
    unsaid = ["a twill coat", "'will", "it plans the", "willing", "it'lls", "plans", "", "W\u0130LL", "LOO\u212aING TO"]
    assert [_is_plan(text, cues) for text in said + unsaid] == [True] * len(said) + [False] * len(unsaid)


def test_plan_cue_of_other_characters_is_rejected(tmp_path):
    path = tmp_path / "claim_cues.jsonl"
    path.write_text('{"kind": "plan", "cue": "to-do"}\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="plan cues"):
        load_claim_cues(path)


def test_cues_have_no_duplicates_and_references_have_roles():
    rows = list(read_jsonl(MODELS_DIR / "claim_cues.jsonl"))
    keys = [(row["kind"], row["cue"].lower()) for row in rows]
    assert len(keys) == len(set(keys))
    assert all(isinstance(row.get("roles"), list) for row in rows if row["kind"] == "reference")


# The samples' gold (dev) and the seed article's: every gold claim found, with its kind and speaker.

def _check_claims(record: dict, gold: dict) -> None:
    found = []
    for expected in gold["claims"]:
        hits = [c for c in record["claims"] if expected["contains"] in c["text"]
                and (c["from"], c["to"]) == (expected["start"], expected["end"])]
        assert hits, expected["contains"]
        found.append((hits[0]["kind"], hits[0]["speaker"], sorted(m["low"] for m in hits[0]["money"])))
    assert [(k, s) for k, s, _ in found] == [(c["kind"], c["speaker"]) for c in gold["claims"]]
    assert len(record["claims"]) == len(gold["claims"])


@pytest.mark.parametrize("gold_path", DEV_GOLD, ids=lambda p: p.name)
def test_sample_claims_match_gold(gold_path, processor, record_validator):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    (line,) = processor.process_batch(list(read_inputs([str(SAMPLES / "articles" / gold["file"])])))
    _check_claims(record_validator(json.loads(line)), gold)


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared (the seed article) is not available")
def test_seed_claims_match_gold(processor, record_validator):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    (line,) = processor.process_batch(list(read_inputs([str(SEED_GOLD.parent.parent / "seed" / gold["file"])])))
    _check_claims(record_validator(json.loads(line)), gold)


def test_entity_names_within_a_span_come_in_the_listed_order():
    def mentions(*spans):
        return tuple(Mention(text="x", start=start, end=end) for start, end in spans)
    entities = Entities(
        people=(Person(name="Ivan Petrov", key="ivan petrov", mentions=mentions((40, 51), (90, 95))),),
        regions=(Region(name="Minsk", kind="city", country="BY", code=None, mentions=mentions((5, 10))),),
        enterprises=(Enterprise(name="MAZ", mentions=mentions((20, 23), (60, 63))),),
        organizations=(Organization(name="MAZ", kind="other", mentions=mentions((12, 15))),
                       Organization(name="Belstat", kind="government", mentions=mentions((48, 56)))))
    found = EntityMentions(entities)
    assert found.names(0, 60) == ("Ivan Petrov", "Minsk", "MAZ", "Belstat")  # a name once, people first
    assert found.names(10, 50) == ("MAZ",)  # mentions that run past the end do not count
    assert found.names(60, 63) == ("MAZ",)
    assert found.names(96, 200) == ()
