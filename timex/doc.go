// Package timex finds temporal expressions in a document and normalises them
// as TimeML TIMEX3: absolute dates, dates relative to the publication date
// ("last year", "on Friday", "in March"), durations ("for nine years"), sets
// ("every year", "on Mondays") and fuzzy references ("recently" is
// PAST_REF). It works over the token layer with hand-written rules; the
// words live in data/*.txt (months, weekdays, number words, units, fuzzy
// phrases, sets, seasons, holidays, parts of the day, modifiers, cues of
// tense).
//
// Spans follow TimeML: determiners and modifiers are inside ("the third
// quarter", "last year", "early next week", "about two years"), prepositions
// are outside ("in March", "on Friday", "since 2012"), except "over" before
// a counted span ("over the past few months").
//
// Values follow TIMEX3: 2023-01-27, 2023-01, 2023, 2023-W04 (ISO week),
// 2023-W03-WE (a weekend), 2023-Q1, 2023-H2, 2022-FA (a season), 199 (the
// 1990s), 19 (the 20th century), 2023-01-26TNI (a part of the day),
// 2023-01-27T10:35, P9Y, P2Y6M, PT24H, PXM (a few months), PRESENT_REF,
// PAST_REF, FUTURE_REF; sets XXXX-WXX-1 (Mondays) or P1D (daily).
// Granularity names the unit of a date (day, week, month, quarter, half,
// season, year, fiscal year, decade, century, part of day, time), Anchor what
// a relative value was counted from ("published", or "timex" for an earlier
// date in the text: "a year earlier", "the next morning"), and Mod the
// TIMEX3 mod: START, MID, END (early, mid, late), APPROX, LESS_THAN,
// MORE_THAN, EQUAL_OR_MORE (about, nearly, more than, at least), and for the
// bounds of ranges ON_OR_AFTER ("since 2012", "between March" ...),
// ON_OR_BEFORE ("until March", "... and May"), BEFORE and AFTER.
//
// A month or a weekday named without its year is placed by the tense of its
// clause: a strong cue (will, would, was, "to" before a verb, scheduled)
// decides; otherwise a month is the last one before the publication date
// unless the next one is close (two months ahead, or four when nothing in
// the clause points back), and a weekday is the last one (news reports what
// happened). In an article of 2023-01-27, "holding a referendum in March" is
// 2023-03 and "suspended participation in December" is 2022-12.
//
// With no publication date the parts that would need one are X (XXXX-03,
// XXXX-WXX), never today's date. When the input gives no publication date and
// the text opens with a wire dateline ("WASHINGTON, Jan. 27 (Reuters) —"),
// the stage sets Document.Published from it, with PublishedFrom "dateline";
// a dateline without a year leaves Published empty (it must be an ISO date)
// but still anchors the document as XXXX-01-27: days and months counted
// from it keep what it knows ("yesterday" is XXXX-01-26, "next month"
// XXXX-02).
//
// Text that the quality stage flagged as debris yields no expression.
package timex
