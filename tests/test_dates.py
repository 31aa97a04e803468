"""Dates: every form of issue 4 placed against the publication date, what must not match, round trips,
and the samples' gold."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import ResourceError
from pipeline.extract.date_grammar import date_grammar, load_vocabulary
from pipeline.extract.date_resolver import shift_years
from pipeline.extract.dates import _TextWords, clause_tense, find_periods
from pipeline.readers import read_inputs
from pipeline.resources import MODELS_DIR, read_jsonl

from .conftest import ROOT, SAMPLES

DEV_GOLD = sorted(SAMPLES.glob("gold/dev/*.json"))
SEED_GOLD = ROOT.parent / "shared" / "eval" / "seed_gold.json"
MONDAY = datetime(2026, 1, 19, 11, 27)  # the seed article's publication time, a Monday
D = date.fromisoformat


def periods(text: str, published: datetime = MONDAY) -> list[tuple[str, date, date]]:
    return [(p.text, p.first, p.last) for p in find_periods(text, published)]


# (sentence, [(span, first, last)]), resolved against Monday 19 January 2026
DATE_FORMS = [
    # "from" opens a span only when a word joins it ("from January to July"), not before a dash
    ("Exports rose 11.6% from January-July 2025.", [("January-July 2025", D("2025-01-01"), D("2025-07-31"))]),
    ("Sales grew from January to July 2025.", [("from January to July 2025", D("2025-01-01"), D("2025-07-31"))]),
    # two quarters said by their ordinals
    ("Exports fell in the first and second quarters of 2016.", [("the first and second quarters of 2016",
                                                                 D("2016-01-01"), D("2016-06-30"))]),
    ("Supplies were lower in the second and third quarters.", [("the second and third quarters", D("2025-04-01"),
                                                                D("2025-09-30"))]),
    # a part of the month; a season of a year said in words, or one something is scheduled for
    ("Warm weather is expected in the second half of the month.", [("the second half of the month", D("2026-01-16"),
                                                                      D("2026-01-31"))]),
    ("The first ten days of next month will be cold.", [("The first ten days of next month", D("2026-02-01"),
                                                          D("2026-02-10"))]),
    ("The mine will open in the summer of next year.", [("the summer of next year", D("2027-06-01"),
                                                          D("2027-08-31"))]),
    ("Deliveries are scheduled for the summer.", [("the summer", D("2026-06-01"), D("2026-08-31"))]),
    # a day or month without a year in a sentence that opens with a year is in that year, when the tense allows
    ("The talks were held on 19 January.", [("19 January", D("2026-01-19"), D("2026-01-19"))]),
    ("The contract was signed on 15 January.", [("15 January", D("2026-01-15"), D("2026-01-15"))]),
    ("The plant will open on 15 January.", [("15 January", D("2027-01-15"), D("2027-01-15"))]),
    ("In January-November 2025 it reached $108 million.",
     [("January-November 2025", D("2025-01-01"), D("2025-11-30"))]),
    ("Exports grew in January-November.", [("January-November", D("2025-01-01"), D("2025-11-30"))]),
    ("Funds will be allocated in the first half of the year.",
     [("the first half of the year", D("2026-01-01"), D("2026-06-30"))]),
    ("It exported goods worth $310 million in Q3 2024.", [("Q3 2024", D("2024-07-01"), D("2024-09-30"))]),
    ("Deliveries are due in the second quarter.", [("the second quarter", D("2026-04-01"), D("2026-06-30"))]),
    ("Output rose in the first nine months of 2025.",
     [("the first nine months of 2025", D("2025-01-01"), D("2025-09-30"))]),
    # "the nine months of 2025": the first ones, with a year after them; "in nine months" is a span from publication
    ("Output rose in the nine months of 2025.", [("the nine months of 2025", D("2025-01-01"), D("2025-09-30"))]),
    ("The plant will be built in nine months.", [("in nine months", D("2026-01-19"), D("2026-10-19"))]),
    # "through" joins a span; a slash joins two years ("the 2015/2016 season")
    ("Prices were frozen from 1 January through 31 March.",
     [("from 1 January through 31 March", D("2025-01-01"), D("2025-03-31"))]),
    ("The 2025/2026 heating season is the longest.", [("2025/2026", D("2025-01-01"), D("2026-12-31"))]),
    # "and" joins a span only after "between": "in 2012 and 2013" are two years
    ("The plant invested heavily in 2012 and 2013.",
     [("2012", D("2012-01-01"), D("2012-12-31")), ("2013", D("2013-01-01"), D("2013-12-31"))]),
    ("Exports grew between 2012 and 2013.", [("between 2012 and 2013", D("2012-01-01"), D("2013-12-31"))]),
    # parts of a month: ten days, halves
    ("Grain was sown in the first ten days of May 2025.",
     [("the first ten days of May 2025", D("2025-05-01"), D("2025-05-10"))]),
    ("The plant stood idle in the last ten days of December.",
     [("the last ten days of December", D("2025-12-21"), D("2025-12-31"))]),
    ("The fair will be held in the second half of March.",
     [("the second half of March", D("2026-03-16"), D("2026-03-31"))]),
    # "decade" for a month's ten days, as translations from Russian write it; a century's decade stays unplaced
    ("Sowing will start in the third decade of April.",
     [("the third decade of April", D("2026-04-21"), D("2026-04-30"))]),
    ("Prices rose in the second decade of March 2025.",
     [("the second decade of March 2025", D("2025-03-11"), D("2025-03-20"))]),
    ("The forum opens the day after tomorrow.", [("the day after tomorrow", D("2026-01-21"), D("2026-01-21"))]),
    ("The talks ended the day before yesterday.", [("the day before yesterday", D("2026-01-17"), D("2026-01-17"))]),
    ("Sales rose by 12.7% in 2024.", [("2024", D("2024-01-01"), D("2024-12-31"))]),
    ("Last year the plant produced 26,000 tractors.", [("Last year", D("2025-01-01"), D("2025-12-31"))]),
    ("The plant will double output this year.", [("this year", D("2026-01-01"), D("2026-12-31"))]),
    ("The line will start next year.", [("next year", D("2027-01-01"), D("2027-12-31"))]),
    ("By 2030 every farm must work on modern technology.", [("By 2030", D("2030-01-01"), D("2030-12-31"))]),
    ("The programme covers 2021-2025.", [("2021-2025", D("2021-01-01"), D("2025-12-31"))]),
    ("He headed the committee from 2020 to 2024.", [("from 2020 to 2024", D("2020-01-01"), D("2024-12-31"))]),
    ("In the current five-year period we will modernise farms.",
     [("the current five-year period", D("2026-01-01"), D("2030-12-31"))]),
    ("In the current five-year period 2026-2030, we must use it.",
     [("the current five-year period 2026-2030", D("2026-01-01"), D("2030-12-31"))]),
    ("Within the next year or two we will place all cows in new complexes.",
     [("Within the next year or two", D("2026-01-19"), D("2028-01-19"))]),
    ("Within five years we will switch.", [("Within five years", D("2026-01-19"), D("2031-01-19"))]),
    ("Over the next three years, the bank intends to grow.",
     [("Over the next three years", D("2026-01-19"), D("2029-01-19"))]),
    ("Over the past five years the plant has invested $120 million.",
     [("Over the past five years", D("2021-01-19"), D("2026-01-19"))]),
    ("The director told reporters on Monday.", [("Monday", D("2026-01-19"), D("2026-01-19"))]),
    ("The minister spoke on Friday.", [("Friday", D("2026-01-16"), D("2026-01-16"))]),
    ("The minister will visit the plant on Friday.", [("Friday", D("2026-01-23"), D("2026-01-23"))]),
    ("The town was liberated in 1944.", [("1944", D("1944-01-01"), D("1944-12-31"))]),
    ("The commander died in November 1942.", [("November 1942", D("1942-11-01"), D("1942-11-30"))]),
    ("Since 1946, the works has produced 3.8 million tractors.",
     [("Since 1946", D("1946-01-01"), D("2026-01-19"))]),
    ("Loans have grown by 8.9% since the beginning of the year.",
     [("since the beginning of the year", D("2026-01-01"), D("2026-01-19"))]),
    ("From 29 March, entrepreneurs can lease equipment.", [("29 March", D("2026-03-29"), D("2026-03-29"))]),
    ("The unit was shut down from 10 to 14 July.", [("from 10 to 14 July", D("2025-07-10"), D("2025-07-14"))]),
    ("The forum will take place on 28-30 June.", [("28-30 June", D("2026-06-28"), D("2026-06-30"))]),
    ("The salary amounted to Br2,157 in December.", [("December", D("2025-12-01"), D("2025-12-31"))]),
    ("The document is to be approved in July.", [("July", D("2026-07-01"), D("2026-07-31"))]),
    ("The report was published on November 24, 2004.",
     [("November 24, 2004", D("2004-11-24"), D("2004-11-24"))]),
    ("Dealers will close after October of next year.",
     [("October of next year", D("2027-10-01"), D("2027-10-31"))]),
    ("Cars of the 1990s are rare.", [("the 1990s", D("1990-01-01"), D("1999-12-31"))]),
    ("The first A380 was delivered today.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    ("The president said at the meeting today.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    # in the past tense a yearless month mostly gone by publication is this one (19 January: January 2026),
    # while a longer span only begun is last year's ("January-November" above)
    ("The plant shipped 300 tractors in January.", [("January", D("2026-01-01"), D("2026-01-31"))]),
    # an -ed form next to "today" makes it the publication day
    ("Apple today unveiled its latest player.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    ("Stock markets around the world continued to fall dramatically today.",
     [("today", D("2026-01-19"), D("2026-01-19"))]),
    ("Fuel prices have increased dramatically today.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    # a participle after "be" is no past tense: the auxiliary before it decides
    ("The student watch will be held from 28 June to 3 July.",
     [("from 28 June to 3 July", D("2026-06-28"), D("2026-07-03"))]),
    ("The new stadium will be built by December.", [("by December", D("2026-12-01"), D("2026-12-31"))]),
    # "January-March this year"; the day before or after the day the text is about, or the day before the report
    ("In January-March last year trade grew by 25%.", [("January-March last year", D("2025-01-01"), D("2025-03-31"))]),
    ("Shestakov said the day before that the two countries were working on a roadmap.",
     [("the day before", D("2026-01-18"), D("2026-01-18"))]),
    ("The ship docked on 3 January and sailed the following day.",
     [("3 January", D("2026-01-03"), D("2026-01-03")), ("the following day", D("2026-01-04"), D("2026-01-04"))]),
    # a dash between two words is no clause edge
    ("Naftan will repair the Novopolotsk–Polotsk pipeline in autumn.", [("autumn", D("2026-09-01"), D("2026-11-30"))]),
    # the weeks of a month: Monday to Sunday inside it
    ("We checked 5,000 shops in the last week of December.", [("the last week of December", D("2025-12-22"),
                                                                D("2025-12-28"))]),
    ("The fair will open in the first week of March.", [("the first week of March", D("2026-03-02"), D("2026-03-08"))]),
    # a cue word used as a noun gives no tense
    ("The government approved the forecast on 12 January.", [("12 January", D("2026-01-12"), D("2026-01-12"))]),
    # a deadline in a future clause lies ahead, however near the last one was
    ("The museum will stay closed until 5 January.", [("5 January", D("2027-01-05"), D("2027-01-05"))]),
    ("The festival was held from 10 to 14 July.", [("from 10 to 14 July", D("2025-07-10"), D("2025-07-14"))]),
    ("Sales fell last month.", [("last month", D("2025-12-01"), D("2025-12-31"))]),
    ("The budget for 2025 was approved on Wednesday, and the council will consider it on Monday.",
     [("2025", D("2025-01-01"), D("2025-12-31")), ("Wednesday", D("2026-01-14"), D("2026-01-14")),
      ("Monday", D("2026-01-19"), D("2026-01-19"))]),
    # a fronted date takes the tense of the clause after its comma
    ("On Wednesday, the council approved the budget.", [("Wednesday", D("2026-01-14"), D("2026-01-14"))]),
    ("On Thursday, the concern approved the programme.", [("Thursday", D("2026-01-15"), D("2026-01-15"))]),
    ("On Saturday, the plant will open its doors to visitors.", [("Saturday", D("2026-01-24"), D("2026-01-24"))]),
    ("On Friday, the company is to present new tires.", [("Friday", D("2026-01-23"), D("2026-01-23"))]),
    ("In December, the plant will launch a new line.", [("December", D("2026-12-01"), D("2026-12-31"))]),
    ("On 25 January, the ministry will hold a fair.", [("25 January", D("2026-01-25"), D("2026-01-25"))]),
    # ... also after a place
    ("In Mogilev in March, the oblast opened a new school.", [("March", D("2025-03-01"), D("2025-03-31"))]),
    ("In Minsk today, the president will meet the governors.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    # ... but not a date after a verb, nor one whose comma clause says nothing of tense
    ("The roadmap, signed on Thursday, will take effect in March.",
     [("Thursday", D("2026-01-15"), D("2026-01-15")), ("March", D("2026-03-01"), D("2026-03-31"))]),
    ("On Friday, according to the ministry, the fair opened.", [("Friday", D("2026-01-16"), D("2026-01-16"))]),
    # a month-year to month-year range runs across the year boundary
    ("The buses will be delivered in December 2025-February 2026.",
     [("December 2025-February 2026", D("2025-12-01"), D("2026-02-28"))]),
    ("Sales grew from November 2024 to March 2025.",
     [("from November 2024 to March 2025", D("2024-11-01"), D("2025-03-31"))]),
    ("Output fell in October 2023-January 2024.", [("October 2023-January 2024", D("2023-10-01"), D("2024-01-31"))]),
    # "by <weekday>" is a deadline: the coming one, also in a past-tense sentence
    ("The governor demanded an answer by Friday.", [("by Friday", D("2026-01-23"), D("2026-01-23"))]),
    ("The report was due by Wednesday.", [("by Wednesday", D("2026-01-21"), D("2026-01-21"))]),
    ("The council met on Friday.", [("Friday", D("2026-01-16"), D("2026-01-16"))]),
    # the "to" after "agreed" looks ahead, for a date after it only
    ("The chain agreed with the retailer to sell its goods from 1 December.",
     [("1 December", D("2026-12-01"), D("2026-12-01"))]),
    ("The sides agreed on Monday to build a plant.", [("Monday", D("2026-01-19"), D("2026-01-19"))]),
    # so does the "to" after "ready", "willing", "prepared" in reported speech
    ("He said the oblast was ready to host a forum in October.", [("October", D("2026-10-01"), D("2026-10-31"))]),
    ("The company prepared the documents in December.", [("December", D("2025-12-01"), D("2025-12-31"))]),
    # capitalised "May" after a preposition or a conjunction is the month; at a sentence's start it may be the verb
    ("The next meeting is scheduled for May in Minsk.", [("May", D("2026-05-01"), D("2026-05-31"))]),
]

# The resolver's classes (see the table in models/README.md, "The date resolver"), each against its own
# publication date: (sentence, published, [(span, first, last)]).
OCT = datetime(2024, 10, 14, 12, 0)  # a Monday
RESOLVER_FORMS = [
    # "a year ago" after a sentence about a period still ahead is a year before publication
    ("The budget will take effect on 1 January. A year ago the chamber passed the 2024 budget.", OCT,
     [("1 January", D("2025-01-01"), D("2025-01-01")), ("A year ago", D("2023-10-01"), D("2023-10-31")),
      ("2024", D("2024-01-01"), D("2024-12-31"))]),
    ("In the 1560s the castle passed to the Radziwill family.", OCT, [("the 1560s", D("1560-01-01"),
                                                                       D("1569-12-31"))]),
    ("The year before last, trade reached $300 million.", OCT, [("The year before last", D("2022-01-01"),
                                                                 D("2022-12-31"))]),
    ("Prices rose the month before last.", OCT, [("the month before last", D("2024-08-01"), D("2024-08-31"))]),
    ("Elections will be held on the first Sunday of March 2025.", OCT, [("March 2025", D("2025-03-01"),
                                                                         D("2025-03-31"))]),
    # "today" after "as of", "from", "starting" is the day, whatever the tense
    ("As of today, the official rate is Br3.2 per dollar.", OCT, [("today", D("2024-10-14"), D("2024-10-14"))]),
    ("From today, both units are working in the commercial mode.", OCT,
     [("today", D("2024-10-14"), D("2024-10-14"))]),
    ("Starting today, the plant runs three shifts.", OCT, [("today", D("2024-10-14"), D("2024-10-14"))]),
    ("The harvest will start in the first days of November.", OCT, [("the first days of November", D("2024-11-01"),
                                                                      D("2024-11-10"))]),
    # a difference against a baseline is no date ("two weeks later than last year")
    ("Sowing started two weeks later than last year.", OCT, [("last year", D("2023-01-01"), D("2023-12-31"))]),
    # parts of months and years
    ("Sowing will end in early May.", OCT, [("early May", D("2025-05-01"), D("2025-05-10"))]),
    ("The plant stood idle in mid-August.", OCT, [("mid-August", D("2024-08-11"), D("2024-08-20"))]),
    ("Prices peaked in late August.", OCT, [("late August", D("2024-08-21"), D("2024-08-31"))]),
    ("The line will start at the end of November.", OCT,
     [("the end of November", D("2024-11-21"), D("2024-11-30"))]),
    ("Talks resumed at the beginning of this month.", OCT,
     [("the beginning of this month", D("2024-10-01"), D("2024-10-10"))]),
    ("Output grew in early 2015 and fell in late 2014.", OCT,
     [("early 2015", D("2015-01-01"), D("2015-12-31")), ("late 2014", D("2014-01-01"), D("2014-12-31"))]),
    ("The rule took effect in mid-1996.", OCT, [("mid-1996", D("1996-01-01"), D("1996-12-31"))]),
    ("The new terminal should open at the end of this year.", OCT,
     [("the end of this year", D("2024-01-01"), D("2024-12-31"))]),
    # five-year plans, periods and terms
    ("All farms should switch to drip irrigation at the end of the five-year plan.", datetime(2012, 7, 27),
     [("the end of the five-year plan", D("2015-01-01"), D("2015-12-31"))]),
    ("The oblast will build 40 schools in the current five-year term.", datetime(2019, 1, 30),
     [("the current five-year term", D("2016-01-01"), D("2020-12-31"))]),
    ("Housing is a priority of the current five-year plan.", datetime(2025, 12, 18),
     [("the current five-year plan", D("2021-01-01"), D("2025-12-31"))]),
    ("Work starts at the beginning of the next five-year plan.", OCT,
     [("the beginning of the next five-year plan", D("2026-01-01"), D("2026-12-31"))]),
    # centuries, half-year ends of ranges
    ("Its stone walls date from the early 17th century.", OCT,
     [("the early 17th century", D("1600-01-01"), D("1699-12-31"))]),
    ("Investment reached Br90 million in 2017-Q3 2021.", OCT,
     [("2017-Q3 2021", D("2017-01-01"), D("2021-09-30"))]),
    # counted from the publication date
    ("A decision is expected in the next day or two.", OCT,
     [("in the next day or two", D("2024-10-14"), D("2024-10-16"))]),
    ("The sides want to double trade in the next two-three years.", OCT,
     [("in the next two-three years", D("2024-10-14"), D("2027-10-14"))]),
    ("The plant will be built in 2-3 years.", OCT, [("in 2-3 years", D("2024-10-14"), D("2027-10-14"))]),
    # a number in words of tens and units
    ("Seventy-five years ago, Minsk was liberated.", datetime(2019, 7, 3),
     [("Seventy-five years ago", D("1944-01-01"), D("1944-12-31"))]),
    # "from X until Y" is one span whatever Y's form; a weekly schedule is no span
    ("The plant will work four days a week from 22 July until the end of September.", datetime(2013, 7, 18),
     [("from 22 July until the end of September", D("2013-07-22"), D("2013-09-30"))]),
    ("From 1 August to the end of the year the tariff will be lower.", datetime(2013, 7, 18),
     [("From 1 August to the end of the year", D("2013-08-01"), D("2013-12-31"))]),
    ("The museum is open from Monday to Friday.", datetime(2013, 7, 18),
     [("Monday", D("2013-07-15"), D("2013-07-15")), ("Friday", D("2013-07-19"), D("2013-07-19"))]),
    # a year before 1600 after "in", "since" or "until", not before a noun it counts
    ("In 1568 the castle passed to the Radziwill family.", OCT, [("1568", D("1568-01-01"), D("1568-12-31"))]),
    ("Polotsk was first mentioned in 862.", OCT, [("862", D("0862-01-01"), D("0862-12-31"))]),
    ("The plant built 1200 homes in 1200 days.", OCT, []),
    ("Prices rose from 1500 to 1200.", OCT, []),
    # "this summer" is the publication year's, whatever the tense
    ("This summer nearly all sanatoriums have already been booked.", datetime(2024, 4, 18),
     [("This summer", D("2024-06-01"), D("2024-08-31"))]),
    ("This winter the plant was idle.", datetime(2024, 4, 18), [("This winter", D("2023-12-01"), D("2024-02-29"))]),
    # a day or month set off after "N years ago" is in that year
    ("Twenty-five years ago, on 26 April, the fourth reactor exploded.", datetime(2011, 4, 26),
     [("Twenty-five years ago", D("1986-01-01"), D("1986-12-31")), ("26 April", D("1986-04-26"), D("1986-04-26"))]),
    ("A year ago, in May, the ministry planted trees.", datetime(2020, 11, 10),
     [("A year ago", D("2019-11-01"), D("2019-11-30")), ("May", D("2019-05-01"), D("2019-05-31"))]),
    # ... and a period with its year set off after it is the period meant
    ("A year ago, in December 2024, monthly inflation was 0.7%.", datetime(2026, 1, 14),
     [("A year ago", D("2024-12-01"), D("2024-12-31")), ("December 2024", D("2024-12-01"), D("2024-12-31"))]),
    # the verb of an attribution after "today" is no tense of the statement: "nowadays" stays unplaced
    ("Today, the average salary in the country exceeds Br1,400, the minister said.", OCT, []),
    ("Today the plant shipped five trucks, the director said.", OCT, [("Today", D("2024-10-14"), D("2024-10-14"))]),
    # a month's name inside a word, and "Today" in a name, are no dates
    ("The Augustow Canal park was visited by 10,000 foreigners in 2018.", OCT,
     [("2018", D("2018-01-01"), D("2018-12-31"))]),
    ("Lukashenko gave an interview to the Belarus Today newspaper on Friday.", OCT,
     [("Friday", D("2024-10-11"), D("2024-10-11"))]),
    # "the five-year period" after a named one is that one
    ("The 2026-2030 programme envisages GDP growth by 20% over the five-year period.", OCT,
     [("2026-2030", D("2026-01-01"), D("2030-12-31")), ("the five-year period", D("2026-01-01"), D("2030-12-31"))]),
    # quarter spans; the half or quarter of a century
    ("In Q2-Q3 2019 exports grew by 3%.", OCT, [("Q2-Q3 2019", D("2019-04-01"), D("2019-09-30"))]),
    ("In Q4 2018-Q1 2019 exports grew by 3%.", OCT, [("Q4 2018-Q1 2019", D("2018-10-01"), D("2019-03-31"))]),
    ("The palace was built in the second half of the 16th century.", OCT,
     [("the second half of the 16th century", D("1550-01-01"), D("1599-12-31"))]),
    ("It was rebuilt in the first quarter of the 20th century.", OCT,
     [("the first quarter of the 20th century", D("1900-01-01"), D("1924-12-31"))]),
    # "accepted an invitation to visit": the visit is ahead
    ("The President of the UAE accepted an invitation to visit Minsk in March.", OCT,
     [("March", D("2025-03-01"), D("2025-03-31"))]),
    # "in N months" in a past clause with figures: the year's months so far (in the year before when they have
    # not all ended by publication); in a future clause a span from publication; without figures a duration
    ("MAZ manufactured 18,300 vehicles in nine months.", OCT,
     [("in nine months", D("2024-01-01"), D("2024-09-30"))]),
    ("Over ten months exports rose 5%.", OCT, [("Over ten months", D("2023-01-01"), D("2023-10-31"))]),
    ("The plant's net profit for nine months was BYN 87 million.", OCT,
     [("for nine months", D("2024-01-01"), D("2024-09-30"))]),
    ("In eleven months exports reached $300 million.", datetime(2025, 1, 20, 9, 0),
     [("In eleven months", D("2024-01-01"), D("2024-11-30"))]),
    # a month set off after a comma with its preposition, and months listed with commas, take the tense of the
    # clause they belong to; "May" is a month in a list of months
    ("Pensions were raised twice, in January and September.", datetime(2024, 12, 27, 10, 0),
     [("January", D("2024-01-01"), D("2024-01-31")), ("September", D("2024-09-01"), D("2024-09-30"))]),
    ("Scholarships were indexed in March, May and June.", datetime(2015, 1, 14, 10, 0),
     [("March", D("2014-03-01"), D("2014-03-31")), ("May", D("2014-05-01"), D("2014-05-31")),
      ("June", D("2014-06-01"), D("2014-06-30"))]),
    ("In March, May and June the plant will stop.", datetime(2015, 1, 14, 10, 0),
     [("March", D("2015-03-01"), D("2015-03-31")), ("May", D("2015-05-01"), D("2015-05-31")),
      ("June", D("2015-06-01"), D("2015-06-30"))]),
    # "the same period" as a comparison baseline is the period of the sentence a year earlier
    ("In January-August 2017, exports rose 5% against the same period.", datetime(2017, 9, 20, 10, 0),
     [("January-August 2017", D("2017-01-01"), D("2017-08-31")), ("the same period", D("2016-01-01"), D("2016-08-31"))]),
    ("In January-February 2017, exports rose 5% against the same period.", datetime(2017, 3, 20, 10, 0),
     [("January-February 2017", D("2017-01-01"), D("2017-02-28")),
      ("the same period", D("2016-01-01"), D("2016-02-29"))]),
    # days a few weeks ahead announced in a past clause are those days (as a single day is)
    ("The Emergencies Ministry warned of thunderstorms on 7-8 May.", datetime(2015, 5, 5, 10, 0),
     [("7-8 May", D("2015-05-07"), D("2015-05-08"))]),
    # a weekday before the date it names is that date, and the date's clause runs on over the comma
    ("The law was signed on Tuesday, 30 May.", datetime(2017, 6, 15, 10, 0),
     [("Tuesday", D("2017-05-30"), D("2017-05-30")), ("30 May", D("2017-05-30"), D("2017-05-30"))]),
    ("The working day will be moved to Saturday, 14 November.", datetime(2019, 12, 4, 10, 0),
     [("Saturday", D("2020-11-14"), D("2020-11-14")), ("14 November", D("2020-11-14"), D("2020-11-14"))]),
    # a state "as of" a day in a past clause is never put ahead, however far back the day is
    ("The reserves totaled $7.2 billion as of 1 January.", datetime(2019, 11, 20, 10, 0),
     [("1 January", D("2019-01-01"), D("2019-01-01"))]),
    # an "and" between two quarters joins them, not two clauses: the second is in the first's future too
    ("Deliveries will be made in Q2 and Q4, he said.", datetime(2019, 3, 5, 10, 0),
     [("Q2", D("2019-04-01"), D("2019-06-30")), ("Q4", D("2019-10-01"), D("2019-12-31"))]),
    ("The new line worth $5 million will pay back in ten months.", OCT,
     [("in ten months", D("2024-10-14"), D("2025-08-14"))]),
    ("The new terminal will open in two or three weeks.", OCT,
     [("in two or three weeks", D("2024-10-14"), D("2024-11-04"))]),
    ("The contract will be signed in roughly one month.", OCT,
     [("in roughly one month", D("2024-10-14"), D("2024-11-14"))]),
    ("The farm was founded 41 years ago.", OCT, [("41 years ago", D("1983-01-01"), D("1983-12-31"))]),
    ("The delegation came two months ago.", OCT, [("two months ago", D("2024-08-01"), D("2024-08-31"))]),
    ("The shop opened six weeks ago.", OCT, [("six weeks ago", D("2024-09-02"), D("2024-09-08"))]),
    ("The roof was repaired 11 days ago.", OCT, [("11 days ago", D("2024-10-03"), D("2024-10-03"))]),
    # a year ago: the month (quarter) the sentence is about, else the publication month, a year back
    ("Inflation was 5% in August, against 30% a year ago.", OCT,
     [("August", D("2024-08-01"), D("2024-08-31")), ("a year ago", D("2023-08-01"), D("2023-08-31"))]),
    ("Profit rose in the third quarter from a year earlier.", OCT,
     [("the third quarter", D("2024-07-01"), D("2024-09-30")), ("a year earlier", D("2023-07-01"), D("2023-09-30"))]),
    # "a year before" with nothing after it is "a year earlier"; "a year before the war" is event-anchored
    ("Farms earned Br245 million in 2023, 1.8 times more than a year before.", OCT,
     [("2023", D("2023-01-01"), D("2023-12-31")), ("a year before", D("2022-01-01"), D("2022-12-31"))]),
    ("A year before the war the plant was built.", OCT, []),
    ("Prices are 4% higher than a year ago.", OCT, [("a year ago", D("2023-10-01"), D("2023-10-31"))]),
    ("Sales fell a month ago.", OCT, [("a month ago", D("2024-09-01"), D("2024-09-30"))]),
    # "a month ago" in a sentence without a period of its own is the month before publication, not before the
    # previous sentence's (a year ago carries that one on: a comparison)
    ("The rate was cut on 5 January. A month ago it stood at 10%.", datetime(2019, 3, 20),
     [("5 January", D("2019-01-05"), D("2019-01-05")), ("A month ago", D("2019-02-01"), D("2019-02-28"))]),
    ("Inflation was 5% in January. A year ago it was 6%.", datetime(2019, 3, 20),
     [("January", D("2019-01-01"), D("2019-01-31")), ("A year ago", D("2018-01-01"), D("2018-01-31"))]),
    # pointing back to what the text has placed
    ("The farm sold 900 tonnes in 2018, twice as much as in the previous year.", OCT,
     [("2018", D("2018-01-01"), D("2018-12-31")), ("the previous year", D("2017-01-01"), D("2017-12-31"))]),
    ("Trade grew in 2017 compared with 2016. It exceeded the results of the previous two years.", OCT,
     [("2017", D("2017-01-01"), D("2017-12-31")), ("2016", D("2016-01-01"), D("2016-12-31")),
      ("the previous two years", D("2015-01-01"), D("2016-12-31"))]),
    # a previous month or quarter counts from one no longer than itself, else from publication
    ("Exports rose in March. In the previous month they fell.", OCT,
     [("March", D("2024-03-01"), D("2024-03-31")), ("the previous month", D("2024-02-01"), D("2024-02-29"))]),
    ("Trade grew by 37.8% in 2021. In the previous month a roadmap was signed.", OCT,
     [("2021", D("2021-01-01"), D("2021-12-31")), ("the previous month", D("2024-09-01"), D("2024-09-30"))]),
    ("Exports rose by 12% in 2018. In the previous quarter the company shipped more.", OCT,
     [("2018", D("2018-01-01"), D("2018-12-31")), ("the previous quarter", D("2024-07-01"), D("2024-09-30"))]),
    ("The plant opened in 2009; the following year it doubled output.", OCT,
     [("2009", D("2009-01-01"), D("2009-12-31")), ("the following year", D("2010-01-01"), D("2010-12-31"))]),
    ("The mayor arrived on 3 October. On the same day he opened a school.", OCT,
     [("3 October", D("2024-10-03"), D("2024-10-03")), ("the same day", D("2024-10-03"), D("2024-10-03"))]),
    ("Talks were held on 9 October, and that day a deal was signed.", OCT,
     [("9 October", D("2024-10-09"), D("2024-10-09")), ("that day", D("2024-10-09"), D("2024-10-09"))]),
    ("The district built 14 farms in 2016-H1 2020. Over the same period of time it opened 6 schools.",
     OCT, [("2016-H1 2020", D("2016-01-01"), D("2020-06-30")),
           ("the same period of time", D("2016-01-01"), D("2020-06-30"))]),
    ("The bank lost money in the second quarter; the quarter was hard.", OCT,
     [("the second quarter", D("2024-04-01"), D("2024-06-30")), ("the quarter", D("2024-04-01"), D("2024-06-30"))]),
    ("Milk yields rose 6% over the same period last year.", OCT, [("last year", D("2023-01-01"), D("2023-12-31"))]),
    ("This quarter the plant will double output.", OCT, [("This quarter", D("2024-10-01"), D("2024-12-31"))]),
    ("Third-quarter profit fell.", datetime(2024, 11, 2), [("Third-quarter", D("2024-07-01"), D("2024-09-30"))]),
    # seasons
    ("The harvest will start in the spring.", OCT, [("the spring", D("2025-03-01"), D("2025-05-31"))]),
    ("The bridge was closed in summer 2015.", OCT, [("summer 2015", D("2015-06-01"), D("2015-08-31"))]),
    ("Sales fell last winter.", OCT, [("last winter", D("2023-12-01"), D("2024-02-29"))]),
    # today: the day of the statement in a past or future clause
    ("Today the minister will open the fair in Gomel.", OCT, [("Today", D("2024-10-14"), D("2024-10-14"))]),
    # ... and whatever the tense where the words around name the day itself
    ("Also today, the governor of Minsk Oblast visits the fair.", OCT, [("today", D("2024-10-14"), D("2024-10-14"))]),
    ("Today is a big day for the farmers of the district.", OCT, [("Today", D("2024-10-14"), D("2024-10-14"))]),
    ("It is the harvest festival tonight.", OCT, [("tonight", D("2024-10-14"), D("2024-10-14"))]),
    # a past verb before "today" in its clause, however far
    ("The governor handed over the keys to new flats in Zhlobin today.", OCT,
     [("today", D("2024-10-14"), D("2024-10-14"))]),
    # a past month or day without a year: the latest before publication
    ("The council lowered the fee to Br40 on 15 February.", OCT,
     [("15 February", D("2024-02-15"), D("2024-02-15"))]),
    ("The plant sold its stake in October.", datetime(2024, 9, 20), [("October", D("2023-10-01"), D("2023-10-31"))]),
    # a past form after a modal or "to" is an infinitive: the modal gives the tense; "beat" is a past form too
    ("The bank will cut the rate on Friday.", datetime(2018, 2, 14), [("Friday", D("2018-02-16"), D("2018-02-16"))]),
    ("The plant will put the line into operation in March.", datetime(2018, 2, 14),
     [("March", D("2018-03-01"), D("2018-03-31"))]),
    ("The team beat Sweden 3:1 on Saturday.", datetime(2018, 2, 14), [("Saturday", D("2018-02-10"), D("2018-02-10"))]),
    # two months joined by "and" are two mentions unless "between" makes them a span
    ("The loan will be provided in June and September.", datetime(2014, 5, 29),
     [("June", D("2014-06-01"), D("2014-06-30")), ("September", D("2014-09-01"), D("2014-09-30"))]),
    ("Exports grew between June and September.", datetime(2014, 10, 29),
     [("between June and September", D("2014-06-01"), D("2014-09-30"))]),
    # listed months and days share the year of the last ("in March and May 2013"), and one clause its tense
    ("Exports grew in March and May 2013.", datetime(2014, 6, 10),
     [("March", D("2013-03-01"), D("2013-03-31")), ("May 2013", D("2013-05-01"), D("2013-05-31"))]),
    ("Talks were held on 12 March, 2 April and 5 May 2013.", datetime(2014, 6, 10),
     [("12 March", D("2013-03-12"), D("2013-03-12")), ("2 April", D("2013-04-02"), D("2013-04-02")),
      ("5 May 2013", D("2013-05-05"), D("2013-05-05"))]),
    ("In January 2012 and March the plant was idle.", datetime(2014, 6, 10),
     [("January 2012", D("2012-01-01"), D("2012-01-31")), ("March", D("2014-03-01"), D("2014-03-31"))]),
    ("In March and May the plant will stop.", datetime(2014, 6, 10),
     [("March", D("2015-03-01"), D("2015-03-31")), ("May", D("2015-05-01"), D("2015-05-31"))]),
    # a half written "H1" / "1H" after a preposition, without its year
    ("In H1, industrial output grew by 4.1%.", datetime(2026, 9, 2), [("H1", D("2026-01-01"), D("2026-06-30"))]),
    ("In 2H output will grow.", datetime(2026, 5, 2), [("2H", D("2026-07-01"), D("2026-12-31"))]),
    # a span of months with their ten days at either end; "last" as a verb is no past cue
    ("Sowing will last from late April to early May.", datetime(2019, 3, 10),
     [("from late April to early May", D("2019-04-21"), D("2019-05-10"))]),
    ("Sowing will last from April to May.", datetime(2019, 3, 10),
     [("from April to May", D("2019-04-01"), D("2019-05-31"))]),
    # ten days of the month that have begun are the current ones for a past event
    ("Harvesting began in late August.", datetime(2023, 8, 25), [("late August", D("2023-08-21"), D("2023-08-31"))]),
    ("The campaign ended in mid-May.", datetime(2024, 5, 13), [("mid-May", D("2024-05-11"), D("2024-05-20"))]),
    ("Prices rose in late May.", datetime(2024, 5, 13), [("late May", D("2023-05-21"), D("2023-05-31"))]),
    # ... and so does a month that has begun, however early in it
    ("In March the National Bank lowered the refinancing rate.", datetime(2019, 3, 10),
     [("March", D("2019-03-01"), D("2019-03-31"))]),
    ("In January the refinery was supplied with 500,000 tonnes of oil.", datetime(2020, 1, 14),
     [("January", D("2020-01-01"), D("2020-01-31"))]),
    # a longer period barely begun is the previous one
    ("In the third quarter the plant earned $5 million.", datetime(2019, 7, 5),
     [("the third quarter", D("2018-07-01"), D("2018-09-30"))]),
    # a year opening the sentence is a year whatever counted noun follows it
    ("In 2020 farms harvested 8 million tonnes of grain.", OCT, [("2020", D("2020-01-01"), D("2020-12-31"))]),
    # an event's name may run to six words after its year
    ("The 2014 IIHF Ice Hockey World Championship will be held in Minsk from 9 to 25 May.", datetime(2014, 5, 8),
     [("from 9 to 25 May", D("2014-05-09"), D("2014-05-25"))]),
    # a day after "to", "until", "payable" is a target: the nearest, whatever the verb's tense
    ("The deadline for bids was moved to 20 October.", OCT, [("20 October", D("2024-10-20"), D("2024-10-20"))]),
    ("The museum will be shut for repairs until Friday.", OCT, [("Friday", D("2024-10-18"), D("2024-10-18"))]),
    # a weekday without a tense is that day in the publication week
    ("At the auction on Friday, a tractor sold for Br95,000.", OCT,
     [("Friday", D("2024-10-11"), D("2024-10-11"))]),
]

# Forms of news written elsewhere (the public TimeML corpora), each against its own publication date:
# (sentence, published, [(span, first, last)]).
LATE_OCT = datetime(1989, 10, 30, 12, 0)  # a Monday, a month after a quarter ended
PUBLIC_NEWS_FORMS = [
    # a yearless quarter that ended weeks before is the one results are still reported for
    ("The bank said it will report a loss for the third quarter.", LATE_OCT,
     [("the third quarter", D("1989-07-01"), D("1989-09-30"))]),
    ("The bakery will open a shop in the second quarter.", LATE_OCT,
     [("the second quarter", D("1990-04-01"), D("1990-06-30"))]),
    # "the latest quarter": the quarter the sentence is about, else the latest that has ended
    ("Margins narrowed in the latest quarter, the firm said.", LATE_OCT,
     [("the latest quarter", D("1989-07-01"), D("1989-09-30"))]),
    # "the 1988 quarter / period": the months the text is about, in that year; else the year
    ("The mill earned $3 million in the second quarter. In the 1988 quarter it lost $1 million.", LATE_OCT,
     [("the second quarter", D("1989-04-01"), D("1989-06-30")), ("the 1988 quarter", D("1988-04-01"), D("1988-06-30"))]),
    ("In the 1987 period the dairy lost money.", LATE_OCT, [("the 1987 period", D("1987-01-01"), D("1987-12-31"))]),
    # years and decades said in words
    ("In nineteen eighty-four the mill was closed.", LATE_OCT,
     [("nineteen eighty-four", D("1984-01-01"), D("1984-12-31"))]),
    ("March nineteen seventy was cold.", LATE_OCT, [("March nineteen seventy", D("1970-03-01"), D("1970-03-31"))]),
    ("The plan was to finish by the year two thousand.", LATE_OCT,
     [("by the year two thousand", D("2000-01-01"), D("2000-12-31"))]),
    ("Membership fell through the nineties.", LATE_OCT, [("the nineties", D("1990-01-01"), D("1999-12-31"))]),
    # the end and the whole of the publication year
    ("The merger should close by year-end.", LATE_OCT, [("by year-end", D("1989-01-01"), D("1989-12-31"))]),
    ("New rules must be in place by year's end.", LATE_OCT, [("by year's end", D("1989-01-01"), D("1989-12-31"))]),
    ("The chain expects higher sales for the full year.", LATE_OCT,
     [("the full year", D("1989-01-01"), D("1989-12-31"))]),
    ("Earnings in the current fiscal year will be flat.", LATE_OCT,
     [("the current fiscal year", D("1989-01-01"), D("1989-12-31"))]),
    ("Planting was delayed earlier in the year by rain.", LATE_OCT,
     [("earlier in the year", D("1989-01-01"), D("1989-12-31"))]),
    # a month with this / last / next, or with "last year"
    ("The election is due this September.", LATE_OCT, [("this September", D("1989-09-01"), D("1989-09-30"))]),
    ("The board was appointed last May.", LATE_OCT, [("last May", D("1989-05-01"), D("1989-05-31"))]),
    ("The mine flooded last November.", LATE_OCT, [("last November", D("1988-11-01"), D("1988-11-30"))]),
    ("The vote is due next March.", LATE_OCT, [("next March", D("1990-03-01"), D("1990-03-31"))]),
    ("In June last year the plant opened.", LATE_OCT, [("June last year", D("1988-06-01"), D("1988-06-30"))]),
    # a day with "this / last / next year" after it, not before a possessive ("this year's plan")
    ("The deal was signed on 30 April this year.", LATE_OCT, [("30 April this year", D("1989-04-30"), D("1989-04-30"))]),
    ("The plant was founded on 12 March of last year.", LATE_OCT,
     [("12 March of last year", D("1988-03-12"), D("1988-03-12"))]),
    ("The fair ran on 15-17 May last year.", LATE_OCT, [("15-17 May last year", D("1988-05-15"), D("1988-05-17"))]),
    ("On 30 April this year's plan was approved.", LATE_OCT,
     [("30 April", D("1989-04-30"), D("1989-04-30")), ("this year", D("1989-01-01"), D("1989-12-31"))]),
    # a possessive weekday names an event already known: the latest one
    ("Friday's turnover reached 90 million shares.", LATE_OCT, [("Friday", D("1989-10-27"), D("1989-10-27"))]),
    ("The bonds were sold at a premium to Thursday's close.", LATE_OCT,
     [("Thursday", D("1989-10-26"), D("1989-10-26"))]),
    # a yearless day in a past clause is weeks ahead rather than almost a year back
    ("The fund has set Nov. 20 as the deadline for offers.", LATE_OCT, [("Nov. 20", D("1989-11-20"), D("1989-11-20"))]),
    ("The fund closed the offer on Oct. 2.", LATE_OCT, [("Oct. 2", D("1989-10-02"), D("1989-10-02"))]),
    # the trading day of a market report: the day the text is about, else publication
    ("Shares slipped late in the day, ending the day 1% lower.", LATE_OCT,
     [("late in the day", D("1989-10-30"), D("1989-10-30")), ("the day", D("1989-10-30"), D("1989-10-30"))]),
    ("Markets fell on Friday. For the day, the index lost 3%.", LATE_OCT,
     [("Friday", D("1989-10-27"), D("1989-10-27")), ("For the day", D("1989-10-27"), D("1989-10-27"))]),
    # "until then", "by that time": the period placed before
    ("The offer runs to Nov. 15. Until then, holders may sell.", LATE_OCT,
     [("Nov. 15", D("1989-11-15"), D("1989-11-15")), ("Until then", D("1989-11-15"), D("1989-11-15"))]),
    # "the year before", "the year previous": like "the previous year"
    ("Output grew in 1987, after a fall the year before.", LATE_OCT,
     [("1987", D("1987-01-01"), D("1987-12-31")), ("the year before", D("1986-01-01"), D("1986-12-31"))]),
    # irregular past forms and "as soon as" give the tense
    ("The envoy today sought a truce.", LATE_OCT, [("today", D("1989-10-30"), D("1989-10-30"))]),
    # "today" after a verb of the day's events or a progressive form is the day ...
    ("Whatever happens at the talks today, the sides will meet again.", LATE_OCT,
     [("today", D("1989-10-30"), D("1989-10-30"))]),
    ("The rate we are seeing today is the lowest since spring.", LATE_OCT,
     [("today", D("1989-10-30"), D("1989-10-30")), ("since spring", D("1989-03-01"), D("1989-10-30"))]),
    # "today" of a day's event is the day, "today's" of anything else nowadays
    ("The agenda of today's plenary session includes the budget.", LATE_OCT,
     [("today", D("1989-10-30"), D("1989-10-30"))]),
    ("The suspect is in custody, according to a statement today by the prosecutor.", LATE_OCT,
     [("today", D("1989-10-30"), D("1989-10-30"))]),
    ("By today, 90% of the grain is in the barns.", LATE_OCT, [("By today", D("1989-10-30"), D("1989-10-30"))]),
    # a clause with no tense of its own takes the nearest cue before it in the sentence ...
    ("Mr Petrov succeeds Ivan Sidorov, who stepped down as chairman, president and chief executive in March.",
     datetime(1989, 11, 2), [("March", D("1989-03-01"), D("1989-03-31"))]),
    ("The company said it earned $5.2 million, or seven cents a share, in the first quarter.", datetime(1989, 11, 2),
     [("the first quarter", D("1989-01-01"), D("1989-03-31"))]),
    # ... unless a present form or an infinitive comes first, or the participle of a name
    ("Analysts are predicting slower growth -- and more disappointments -- for the fourth quarter.",
     datetime(1989, 11, 2), [("the fourth quarter", D("1989-10-01"), D("1989-12-31"))]),
    ("The exhibition will be open at the museum named after Ye.R. Romanov from 28 September to 30 November.",
     datetime(1989, 9, 2), [("from 28 September to 30 November", D("1989-09-28"), D("1989-11-30"))]),
    # "the previous Friday": the one before the day the text is about; "the day before/after" a day
    ("Shares closed lower on Friday, down 4% from the previous Friday.", LATE_OCT,
     [("Friday", D("1989-10-27"), D("1989-10-27")), ("the previous Friday", D("1989-10-20"), D("1989-10-20"))]),
    ("The day before last Tuesday's hearing, the lawyers met the judge.", LATE_OCT,
     [("The day before last Tuesday", D("1989-10-23"), D("1989-10-23"))]),
    # a day or month without a year in a sentence that opens with a year is in that year, when the tense allows
    ("Last year the sowing was completed on 25 May.", datetime(2024, 5, 16),
     [("Last year", D("2023-01-01"), D("2023-12-31")), ("25 May", D("2023-05-25"), D("2023-05-25"))]),
    ("In 2023 exports grew by 5%, and in June the plant will open a new line.", datetime(2024, 5, 16),
     [("2023", D("2023-01-01"), D("2023-12-31")), ("June", D("2024-06-01"), D("2024-06-30"))]),
    # a delay's target lies ahead, and a past perfect's "by" behind
    ("The court postponed the hearing until Tuesday.", datetime(1989, 11, 3),
     [("Tuesday", D("1989-11-07"), D("1989-11-07"))]),
    ("By then most banks had filed their reports by Friday.", LATE_OCT,
     [("by Friday", D("1989-10-27"), D("1989-10-27"))]),
    # what "since" names lies before publication, whatever the tense
    ("The index has not been this low since Friday.", LATE_OCT, [("since Friday", D("1989-10-27"), D("1989-10-30"))]),
    ("Rescuers are searching the river banks today for the missing boat.", LATE_OCT,
     [("today", D("1989-10-30"), D("1989-10-30"))]),
    ("The team may fly home as soon as Thursday.", LATE_OCT, [("Thursday", D("1989-11-02"), D("1989-11-02"))]),
    ("Farmers were planning to block the road on Friday.", LATE_OCT, [("Friday", D("1989-11-03"), D("1989-11-03"))]),
    # a year with two figures after a preposition; the week holding a day
    ("Shares are at their lowest since '82.", LATE_OCT, [("since '82", D("1982-01-01"), D("1989-10-30"))]),
    ("The rules date from '75.", LATE_OCT, [("'75", D("1975-01-01"), D("1975-12-31"))]),
    ("The hearing is set for the week of November 13.", LATE_OCT,
     [("the week of November 13", D("1989-11-13"), D("1989-11-19"))]),
    # "set for", "scheduled for", "planned for" look ahead, whatever the tense of the verb before
    ("The launch was planned for early March.", LATE_OCT, [("early March", D("1990-03-01"), D("1990-03-10"))]),
    ("Delegates discussed a congress set for April.", LATE_OCT, [("April", D("1990-04-01"), D("1990-04-30"))]),
    # "April 24 and 25": both days; not "May 5 and 6 percent"
    ("The fair was held on October 24 and 25.", LATE_OCT, [("October 24 and 25", D("1989-10-24"), D("1989-10-25"))]),
    ("Sales rose on October 5 and 6 percent of the stock was sold.", LATE_OCT,
     [("October 5", D("1989-10-05"), D("1989-10-05"))]),
    # "the year-earlier results" after a period already a year back is that period
    ("Last year, storm losses were $50 million. The year-earlier results were restated.", LATE_OCT,
     [("Last year", D("1988-01-01"), D("1988-12-31")), ("The year-earlier", D("1988-01-01"), D("1988-12-31"))]),
    # the end of a range is no target ("until Friday" is)
    ("The fund bought shares from 14 September to Thursday.", LATE_OCT,
     [("14 September", D("1989-09-14"), D("1989-09-14")), ("Thursday", D("1989-10-26"), D("1989-10-26"))]),
    # a possessive weekday in a future clause: that day in the publication week
    ("The club will appeal against Sunday's decision.", LATE_OCT, [("Sunday", D("1989-11-05"), D("1989-11-05"))]),
    ("The board said it would study Monday's offer.", datetime(1989, 11, 1), [("Monday", D("1989-10-30"), D("1989-10-30"))]),
    # "the year-ago quarter": the quarter of the period the sentence is about, a year back
    ("Profit for the period ended Sept. 30 rose. The mill earned $9 million in the year-ago quarter.", LATE_OCT,
     [("Sept. 30", D("1989-09-30"), D("1989-09-30")), ("the year-ago quarter", D("1988-07-01"), D("1988-09-30"))]),
    # "next to" is no future cue; a reported clause after "saying" has its own tense
    ("Ten people were hurt in the blast next to the embassy on Friday.", LATE_OCT,
     [("Friday", D("1989-10-27"), D("1989-10-27"))]),
    ("The ministers issued a statement Friday saying the pact will hold.", LATE_OCT,
     [("Friday", D("1989-10-27"), D("1989-10-27"))]),
    ("The board had not signed the deal as the case is heard in court when the judges meet in December.", LATE_OCT,
     [("December", D("1989-12-01"), D("1989-12-31"))]),
    # a fronted date belongs to the main verb, not to the reported clause after it
    ("In January, the commissioner ruled that the boy should go back.", LATE_OCT,
     [("January", D("1989-01-01"), D("1989-01-31"))]),
    ("On Friday, the plant that makes the buses will open a shop.", LATE_OCT,
     [("Friday", D("1989-11-03"), D("1989-11-03"))]),
    # "the year-ago period" compares results: of the latest period that has ended, not one forecast
    ("Profit fell in the third quarter. Analysts see losses in the third quarter of 1990. In the year-ago "
     "period the mill earned $9 million.", LATE_OCT,
     [("the third quarter", D("1989-07-01"), D("1989-09-30")), ("the third quarter of 1990", D("1990-07-01"),
      D("1990-09-30")), ("the year-ago period", D("1988-07-01"), D("1988-09-30"))]),
]

# The tense of a clause: a past verb right before a day dates its event; "has scheduled" looks ahead; an "and"
# between two names joins no clauses.
TENSE_FORMS = [
    ("The court lifted the order issued Tuesday and also fined the firm.", datetime(2000, 4, 17),
     [("Tuesday", D("2000-04-11"), D("2000-04-11"))]),
    ("The council issued on Friday a notice that the road will close.", datetime(1999, 3, 13),
     [("Friday", D("1999-03-12"), D("1999-03-12"))]),
    ("The mayor has scheduled a hearing Thursday to discuss the budget.", datetime(1999, 5, 5),
     [("Thursday", D("1999-05-06"), D("1999-05-06"))]),
    ("The airline will add flights between Spain and Morocco by June in the search for markets untouched by the slump.",
     datetime(1998, 2, 13), [("by June", D("1998-06-01"), D("1998-06-30"))]),
    ("The concert will be held Friday.", datetime(1999, 3, 13), [("Friday", D("1999-03-19"), D("1999-03-19"))]),
    # a verbless clause after "and" or a colon takes the tense of the clause before; one with a verb keeps its own
    ("Wages will be raised twice: from 1 January by 10% and from 1 July by another 8%.", datetime(2012, 12, 19),
     [("1 January", D("2013-01-01"), D("2013-01-01")), ("1 July", D("2013-07-01"), D("2013-07-01"))]),
    ("Tariffs will be raised by 5% in March and by 3% in December.", datetime(2013, 1, 15),
     [("March", D("2013-03-01"), D("2013-03-31")), ("December", D("2013-12-01"), D("2013-12-31"))]),
    ("Inflation will slow to 6% in June and to 5% in the fourth quarter.", datetime(2026, 1, 14),
     [("June", D("2026-06-01"), D("2026-06-30")), ("the fourth quarter", D("2026-10-01"), D("2026-12-31"))]),
    # what a figure ahead is compared with lies behind
    ("In December inflation will be around 4%, after 8.1% in November.", datetime(2011, 12, 21),
     [("December", D("2011-12-01"), D("2011-12-31")), ("November", D("2011-11-01"), D("2011-11-30"))]),
    ("Wages will reach BYN 60 in April, up from BYN 52.3 in February.", datetime(2019, 3, 12),
     [("April", D("2019-04-01"), D("2019-04-30")), ("February", D("2019-02-01"), D("2019-02-28"))]),
    ("Tariffs rose by 5% in March and in December prices will be frozen.", datetime(2013, 1, 15),
     [("March", D("2012-03-01"), D("2012-03-31")), ("December", D("2013-12-01"), D("2013-12-31"))]),
    # a quarter "in" a future clause lies ahead, even just after the same quarter ended; results "for" it are the
    # quarter just ended
    ("The supercomputer will be put into operation in the fourth quarter.", datetime(2021, 2, 8),
     [("the fourth quarter", D("2021-10-01"), D("2021-12-31"))]),
    ("The company will report results for the fourth quarter.", datetime(2021, 2, 8),
     [("the fourth quarter", D("2020-10-01"), D("2020-12-31"))]),
    # a half of "the year" not begun by publication, told in the past, is last year's
    ("The situation became much more complicated in the second half of the year.", datetime(2015, 1, 29),
     [("the second half of the year", D("2014-07-01"), D("2014-12-31"))]),
    ("The plant will open in the second half of the year.", datetime(2015, 1, 29),
     [("the second half of the year", D("2015-07-01"), D("2015-12-31"))]),
    # a participle before "by" is no past tense of the clause
    ("In April a delegation led by First Deputy Minister Vasily Pavlovsky will go to Caracas.", datetime(2009, 3, 17),
     [("April", D("2009-04-01"), D("2009-04-30"))]),
    # a past "planned to", "intended to" looks ahead only from itself
    ("In April the ministry planned to cut the rate.", datetime(2011, 5, 12),
     [("April", D("2011-04-01"), D("2011-04-30"))]),
    # an instruction's "to ..." looks ahead
    ("The head of state called on the farmers to prepare the machinery by 1 March.", datetime(2021, 12, 15),
     [("by 1 March", D("2022-03-01"), D("2022-03-01"))]),
    ("The president gave instructions to finish the road in May.", datetime(2021, 12, 15),
     [("May", D("2022-05-01"), D("2022-05-31"))]),
]
PUBLIC_NEWS_FORMS += TENSE_FORMS

# Expressions the resolver leaves out: events named with a year, durations, words that look like seasons.
NOT_PLACED = [
    "The 2027 Minsk Cup drew 40 teams.",
    "Exports fell in the 2008 crisis.",
    "The train covers the distance in three days.",
    "The plant was built in six months.",  # a duration: nothing counted around it
    "The farms doubled the yields of winter rapeseed.",
    "Fertilizers for spring sowing are ready.",
    "The utilities prepared the housing stock for winter.",
    "Payment is due within ten days of delivery.",  # counted from an event
    "Prices fall in a crisis.",
    "Today, Belarusian tractors work in 60 countries.",
    "The quarter of the output goes abroad.",
    "On the same day nothing else happened.",
    "The day before the forum, the delegation visited MTZ.",
    "The following day the talks continued.",
]


# Text that must not give a date: vague expressions, durations, quantities, words that look like months.
NOT_DATES = [
    "In recent years Belarus has developed turkey production.",
    "Belarus intends to develop this sector in the near future.",
    "I visit Belarus every year.",
    "Exports were 35% higher year-on-year.",
    "The loan was granted for three to five years.",
    "For more than three decades the company has supplied harvesters.",
    "The carmaker posted its first quarterly loss as a listed company.",
    "The farm harvested 2000 tonnes of grain.",
    "Model H1 engines were sold.",
    # a capitalised season before a name is part of the name
    "The gala concert was held in the Summer Amphitheater.",
    # a span counted from an event is event-anchored (the conventions' vague dates)
    "The results will be announced within ten days after the voting.",
    "The bill must be signed within two weeks of its adoption.",
    "The index stood at 1,200 points and the price at Br2,157.",
    # a year in a lower-case event's name is no period
    "He won the 2024 presidential election by a wide margin.",
    "Wrestlers won six medals at the 2025 world championship.",
    # what recurs is no period
    "The festival is held every year in July.",
    "The museum is open every Friday in September.",
    "Every year on 3 July Belarus marks Independence Day.",
    "The fair takes place annually in June.",
    # a weekday of a month is a rule of the calendar
    "Science Day is marked on the last Sunday of January.",
    # the basis of a rate ("December to December") is no period
    "The forecast is inflation of 12% (December to December).",
    "It was fashionable at one time to destroy them.",
    "Today, Belarus is a major exporter of dairy products.",
    # "today" with only an -ed word around is "nowadays", not the publication day
    "Today the fortress is one of the most visited places in the country.",
    "Today the share of the so-called far-arc countries is growing.",
    "Today our region is among the most visited and the best equipped in the country.",
    "The plant is old, and today its products are supplied to all EAEU countries.",
    # ... and after a state or a habit it is "nowadays"
    "Over 2,000 people from the district work at the plant today.",
    "The farm keeps 3,000 cows today.",
    "Today's Belarus is a modern state with a strong industry.",
    "You may see the models at the plant.",
    "May the new season bring good harvests.",
    "We will march forward together.",
    "They remained in their 50s for decades.",
    # counts next to spelled-out numbers, and a bare "the year", are no years
    "Nineteen people were hurt and nineteen fifteen-year-olds were tested.",
    "They remained in their forties.",
    "The year was hard for farmers.",
    "The year before the war was calm.",
    "It was the day before the vote.",
    "The quarter-to-quarter comparison improved.",
    "It was 10 o'clock and the '5' key stuck.",
]


@pytest.mark.parametrize(("text", "expected"), DATE_FORMS, ids=[t for t, _ in DATE_FORMS])
def test_date_forms(text, expected):
    assert periods(text) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert periods(text) == []


@pytest.mark.parametrize(("text", "published", "expected"), RESOLVER_FORMS, ids=[t for t, _, _ in RESOLVER_FORMS])
def test_resolver_forms(text, published, expected):
    assert periods(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), PUBLIC_NEWS_FORMS,
                         ids=[t for t, _, _ in PUBLIC_NEWS_FORMS])
def test_public_news_forms(text, published, expected):
    assert periods(text, published) == expected


@pytest.mark.parametrize("text", NOT_PLACED)
def test_not_placed(text):
    assert periods(text, OCT) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The contract was signed on", "past"),
    ("The plant will open on", "future"),
    ("The works produced tractors in", "past"),
    ("The report on", None),
    ("The festival will be held on", "future"),
    ("The roads are to be repaired on", "future"),
    ("The festival was held on", "past"),
])
def test_clause_tense(text, expected):
    sentence = f"{text} 15 January."
    start = sentence.index("15 January")
    assert clause_tense(sentence, start, start + len("15 January"), date_grammar().vocabulary) == expected


def test_dateline_date_is_not_a_mention(record_of):
    record = record_of("MINSK, 19 January (BelTA) – The plant produced 100 tractors in 2025.")
    assert [(d["text"], d["from"], d["to"]) for d in record["dates"]] == [("2025", "2025-01-01", "2025-12-31")]


def test_a_line_break_ends_the_sentence_a_date_points_back_from(record_of):
    # The senter runs a Q&A line on into the next; "A year ago" names no month of its own sentence and points
    # back to none across the question: the publication month, a year back.
    record = record_of("– What are the plans?\n\n– We plan to finish the sowing by the end of May.\n\n"
                       "– The farms have large debts. How are you dealing with this?\n\n"
                       "– A year ago the debts of the farms totaled Br1.1 billion.", published="2021-04-12T10:10:00")
    (ago,) = [d for d in record["dates"] if d["text"] == "A year ago"]
    assert (ago["from"], ago["to"]) == ("2020-04-01", "2020-04-30")


def test_mention_text_is_sliced_from_the_original_body(record_of):
    record = record_of("In the current five\u2011year period we will modernise all farms.")
    (period,) = record["dates"]
    assert period["text"] == "the current five\u2011year period"
    assert (period["from"], period["to"]) == ("2026-01-01", "2030-12-31")


def test_unknown_vocabulary_kind_is_rejected(tmp_path):
    path = tmp_path / "date_words.jsonl"
    path.write_text('{"kind": "holiday", "word": "Easter"}\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown kind 'holiday'"):
        load_vocabulary(path)


def test_vocabulary_has_no_duplicates():
    rows = [(row["kind"], row["word"]) for row in read_jsonl(MODELS_DIR / "date_words.jsonl")]
    assert len(rows) == len(set(rows))


# Round trips: a date written out in any of the house's forms comes back as the same value.

publication = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 12, 31))
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31))


@given(day=days, published=publication)
def test_full_date_round_trips(day, published):
    written = f"The event took place on {day.day} {day:%B} {day.year}."
    assert periods(written, published)[0][1:] == (day, day)


@given(day=days, published=publication)
def test_american_date_round_trips(day, published):
    written = f"The event took place on {day:%B} {day.day}, {day.year}."
    assert periods(written, published)[0][1:] == (day, day)


@given(published=publication, offset=st.integers(min_value=1, max_value=150))
def test_past_yearless_date_is_the_latest_before_publication(published, offset):
    day = published.date() - timedelta(days=offset)
    (found,) = periods(f"The contract was signed on {day.day} {day:%B}.", published)
    assert found[1:] == (day, day)


@given(published=publication, offset=st.integers(min_value=1, max_value=150))
def test_future_yearless_date_is_the_next_after_publication(published, offset):
    day = published.date() + timedelta(days=offset)
    (found,) = periods(f"The plant will open on {day.day} {day:%B}.", published)
    assert found[1:] == (day, day)


@given(first=st.integers(min_value=1900, max_value=2080), length=st.integers(min_value=1, max_value=10),
       published=publication)
def test_year_span_round_trips(first, length, published):
    (found,) = periods(f"The programme covers {first}-{first + length}.", published)
    assert found[1:] == (date(first, 1, 1), date(first + length, 12, 31))


@given(count=st.integers(min_value=1, max_value=12), published=publication)
def test_within_next_years_round_trips(count, published):
    (found,) = periods(f"Within {count} years we will switch.", published)
    assert found[1:] == (published.date(), shift_years(published.date(), count))


@given(text=st.text(max_size=200), published=publication)
def test_arbitrary_text_never_crashes_and_offsets_stay_in_bounds(text, published):
    for period in find_periods(text, published):
        assert 0 <= period.start < period.end <= len(text)
        assert text[period.start:period.end] == period.text
        assert period.first <= period.last


# The samples' gold (dev) and the seed article's.

def _gold_and_record(gold_path, processor, record_validator, article_path=None):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    path = article_path or SAMPLES / "articles" / gold["file"]
    (line,) = processor.process_batch(list(read_inputs([str(path)])))
    return gold, record_validator(json.loads(line))


@pytest.mark.parametrize("gold_path", DEV_GOLD, ids=lambda p: p.name)
def test_sample_dates_match_gold(gold_path, processor, record_validator):
    gold, record = _gold_and_record(gold_path, processor, record_validator)
    assert [(d["from"], d["to"]) for d in record["dates"]] == [(d["start"], d["end"]) for d in gold["dates"]]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared (the seed article) is not available")
def test_seed_dates_match_gold(processor, record_validator):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    gold, record = _gold_and_record(SEED_GOLD, processor, record_validator,
                                    SEED_GOLD.parent.parent / "seed" / gold["file"])
    assert [(d["from"], d["to"]) for d in record["dates"]] == [(d["start"], d["end"]) for d in gold["dates"]]


def test_a_window_holds_the_words_a_windowed_search_finds():
    """clause_tense reads each clause's words from one reading of the text: the same as searching the clause alone,
    a word the clause cuts included as far as it reaches."""
    text = "It's the plant's 5th year: don't-stop, O'Neill said'' in 2024 x'"
    words = _TextWords(text)
    for left in range(len(text) + 1):
        for right in range(len(text) + 1):
            expected = [(m.group().lower(), m.start()) for m in re.finditer(r"[A-Za-z']+", text[:right][left:])]
            expected = [(word, start + left) for word, start in expected]
            assert list(zip(*words.window(left, right))) == expected
