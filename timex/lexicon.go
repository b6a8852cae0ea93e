package timex

import (
	"embed"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/lexicon"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/vocab"
)

//go:embed data/*.txt
var dataFS embed.FS

type unitInfo struct {
	letter string // TIMEX3 duration letter: Y, M, W, D, Q, DE, CE, H, S, WE
	gran   string // granularity name
	time   bool   // a time unit: the duration is written PT..
}

type fuzzyInfo struct {
	typ, value string
}

// lexicons holds every word list of the package, compiled once into maps.
type lexicons struct {
	months, weekdays, numbers, ordinals map[string]int
	units                               map[string]unitInfo
	fuzzy                               map[string]fuzzyInfo
	sets, seasons, holidays, parts      map[string]string
	mods                                map[string]string
	// tense maps a cue word to -2 (strong past), -1 (weak past), 1 (weak
	// future) or 2 (strong future).
	tense map[string]int8
	// phraseFirst holds the first word of every multi-word phrase of the
	// phrase lists, so a phrase lookup is tried only where one can start.
	phraseFirst map[string]bool
	maxPhrase   int
	// phrases holds every phrase of numbers, fuzzy, holidays and modifiers
	// keyed by its words; single and multi index the same values by first
	// word, so that a lookup over tokens neither allocates nor hashes more
	// than one word.
	phrases map[phraseKey]phraseVal
	single  map[string]phraseVal
	multi   map[string][]multiPhrase
	// flags says, for each word of any list, which rules it can start.
	flags map[string]uint32
	// words holds, for each word of any list, its flags and the phrases
	// that start with it: the one map lookup a token costs.
	words   map[string]int32 // index+1 into entries
	entries []wordEntry
	// byID is words indexed by vocabulary ID, with each entry's flags: a
	// whole token's entry is read with the ID the text layer gave it,
	// without hashing, and its flags without reading the entry.
	byID []idEntry
	// plain is wordFlagsID of every vocabulary word, by ID, for a token
	// written as its vocabulary word (lower case ASCII): built on first
	// use, once the vocabulary is complete (plainByID).
	plainOnce sync.Once
	plain     []idEntry
	// sig has a bit for the sigBit of every listed word of two bytes or
	// more, and firsts one for the first byte of every one-letter word: most
	// tokens are ruled out without a map lookup (the sig's 2 KB stay in
	// cache, and about 2% of other words pass it).
	sig    [1 << 8]uint64
	firsts [256]bool
}

// idEntry is a word's entry (index+1 into entries) and its flags.
type idEntry struct {
	e int32
	f uint32
}

// wordEntry is what the word lists say of one word, gathered so that a
// rule reads it from the token instead of looking in each list.
type wordEntry struct {
	f       uint32
	single  *phraseVal
	multi   []multiPhrase
	month   int8 // 1-12, or 0
	weekday int8 // 1-7, or 0
	ordinal int8
	tense   int8 // as lexicons.tense
	hasUnit bool
	unit    unitInfo
	season  string
	set     string
	part    string
}

// multiPhrase is a phrase of two to four words under its first word.
type multiPhrase struct {
	rest []string // the words after the first
	val  phraseVal
}

// phraseKey is a phrase of up to four words.
type phraseKey [4]string

// phraseVal is what each phrase list says of a phrase ("" or -2 when the
// phrase is not in that list).
type phraseVal struct {
	number           int
	fuzzy            *fuzzyInfo
	holiday, modifer string
}

func keyOf(p string) (phraseKey, bool) {
	var k phraseKey
	w := strings.Fields(p)
	if len(w) > len(k) {
		return k, false
	}
	copy(k[:], w)
	return k, true
}

func (l *lexicons) addKey(p string, f func(v *phraseVal)) {
	k, ok := keyOf(p)
	if !ok {
		panic("timex: phrase longer than four words: " + p)
	}
	v, seen := l.phrases[k]
	if !seen {
		v = phraseVal{number: -2}
	}
	f(&v)
	l.phrases[k] = v
}

// The word lists are compiled at start-up, because their words must enter
// the vocabulary (package vocab) before the text layer analyses the first
// document.
var lex = compile()

func load() *lexicons { return lex }

// It is long because it reads each data file in turn, one block a file.
func compile() *lexicons {
	l := &lexicons{phraseFirst: map[string]bool{}, phrases: map[phraseKey]phraseVal{}, flags: map[string]uint32{}}
	read := func(name string) []lexicon.Entry {
		b, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			panic("timex: embedded data file missing: " + name)
		}
		return lexicon.MustParse("timex/data/"+name, string(b))
	}
	intMap := func(name string) map[string]int {
		m := map[string]int{}
		for _, e := range read(name) {
			v := -1 // X: a vague count
			if f := e.Field(1); f != "X" {
				n, err := strconv.Atoi(f)
				if err != nil {
					panic("timex/data/" + name + ":" + strconv.Itoa(e.Line) + ": the second field must be a number or X")
				}
				v = n
			}
			m[e.Fields[0]] = v
		}
		return m
	}
	strMap := func(name string, phrases bool) map[string]string {
		m := map[string]string{}
		for _, e := range read(name) {
			m[e.Fields[0]] = e.Field(1)
			if phrases {
				l.addPhrase(e.Fields[0])
			}
		}
		return m
	}
	l.months = text.Months() // the one month table, the text layer's (datelines read it too)
	l.weekdays = intMap("weekdays.txt")
	l.numbers = intMap("numbers.txt")
	for k := range l.numbers {
		l.addPhrase(k)
	}
	l.ordinals = intMap("ordinals.txt")
	l.units = map[string]unitInfo{}
	for _, e := range read("units.txt") {
		l.units[e.Fields[0]] = unitInfo{letter: e.Field(1), gran: e.Field(2), time: e.Field(3) == "T"}
	}
	l.fuzzy = map[string]fuzzyInfo{}
	for _, e := range read("fuzzy.txt") {
		l.fuzzy[e.Fields[0]] = fuzzyInfo{typ: e.Field(1), value: e.Field(2)}
		l.addPhrase(e.Fields[0])
	}
	l.sets = strMap("sets.txt", false)
	l.seasons = strMap("seasons.txt", false)
	l.holidays = strMap("holidays.txt", true)
	l.parts = strMap("partsofday.txt", false)
	l.mods = strMap("modifiers.txt", true)
	l.tense = map[string]int8{}
	for _, e := range read("tense.txt") {
		var v int8
		switch e.Field(1) {
		case "past":
			v = -1
		case "future":
			v = 1
		default:
			panic("timex/data/tense.txt:" + strconv.Itoa(e.Line) + ": the second field must be past or future")
		}
		if e.Field(2) == "strong" {
			v *= 2
		}
		l.tense[e.Fields[0]] = v
	}
	for k, v := range l.numbers {
		l.addKey(k, func(p *phraseVal) { p.number = v })
	}
	for k := range l.fuzzy {
		f := l.fuzzy[k]
		l.addKey(k, func(p *phraseVal) { p.fuzzy = &f })
	}
	for k, v := range l.holidays {
		l.addKey(k, func(p *phraseVal) { p.holiday = v })
	}
	for k, v := range l.mods {
		l.addKey(k, func(p *phraseVal) { p.modifer = v })
	}
	l.single = map[string]phraseVal{}
	l.multi = map[string][]multiPhrase{}
	for k, v := range l.phrases {
		n := 0
		for n < len(k) && k[n] != "" {
			n++
		}
		if n == 1 {
			l.single[k[0]] = v
		} else {
			l.multi[k[0]] = append(l.multi[k[0]], multiPhrase{rest: append([]string(nil), k[1:n]...), val: v})
		}
	}
	l.buildFlags()
	l.words = map[string]int32{}
	for w, f := range l.flags {
		e := wordEntry{f: f, multi: l.multi[w]}
		if v, ok := l.single[w]; ok {
			e.single = &v
		}
		e.month = int8(l.months[w])
		e.weekday = int8(l.weekdays[w])
		e.ordinal = int8(l.ordinals[w])
		e.tense = l.tense[w]
		e.unit, e.hasUnit = l.units[w]
		e.season, e.set, e.part = l.seasons[w], l.sets[w], l.parts[w]
		l.entries = append(l.entries, e)
		l.words[w] = int32(len(l.entries))
		if len(w) == 1 {
			l.firsts[w[0]] = true
		} else {
			b := sigBit(w)
			l.sig[b>>6] |= 1 << (b & 63)
		}
	}
	l.index()
	return l
}

// index gives the listed words their vocabulary IDs, in a fixed order so
// that the IDs are the same on every run.
func (l *lexicons) index() {
	ids := vocab.Table(l.words)
	l.byID = make([]idEntry, len(ids))
	for id, e := range ids {
		if e != 0 {
			l.byID[id] = idEntry{e, l.entries[e-1].f}
		}
	}
}

// plainByID returns l.plain, building it on first use.
func (l *lexicons) plainByID() []idEntry {
	l.plainOnce.Do(func() {
		l.plain = vocab.ByWord(func(id vocab.ID, w string) idEntry {
			if w == "" {
				return idEntry{}
			}
			f, e := l.wordFlagsID(uint32(id), w)
			return idEntry{e, f}
		})
	})
	return l.plain
}

func (l *lexicons) addPhrase(p string) {
	w := strings.Fields(p)
	if len(w) > 1 {
		l.phraseFirst[w[0]] = true
	}
	if len(w) > l.maxPhrase {
		l.maxPhrase = len(w)
	}
}

// Word flags: which rules a token can start. A token with no flag starts no
// expression, and the rules are not tried there.
const (
	fMonth uint32 = 1 << iota
	fWeekday
	fCount // a number word or the first word of a count phrase ("a few")
	fUnit
	fFuzzy // the first word of a fuzzy phrase
	fSet
	fSeason
	fHoliday
	fMod
	fOrdinal
	fRel   // determiners and relative words: the, this, last, next, every, fiscal...
	fNum   // a number token
	fDigit // a word starting with a digit: 1990s, 20th, 5th
	fISO   // 2023-01-27
	fClock // noon, midnight, midday
	fPart  // morning, night: a part of the day
	// fWord marks every other word the rules look for after the first one
	// ("the end of", "the comparable year-ago quarter"); it starts nothing.
	fWord
	fWeakStart // one of weakStarters
	fQuarter   // quarter, half, period: the quarter rule needs one
)

// weakStarters are frequent words that start an expression only when a
// listed word follows them ("the third quarter", "a year ago"): with an
// unlisted word after them the rules are not tried.
var weakStarters = map[string]bool{
	"the": true, "a": true, "an": true, "that": true, "this": true, "at": true, "some": true,
	"many": true, "new": true, "over": true, "about": true, "around": true, "its": true,
	"more": true, "less": true, "these": true, "those": true, "per": true, "each": true,
	"every": true, "same": true, "last": true, "next": true, "past": true, "one": true,
}

// laterWords are words the rules read after an expression's first word.
var laterWords = []string{
	"comparable", "corresponding", "same", "full", "whole", "entire", "fiscal", "first", "final",
	"remaining", "early", "late", "mid", "end", "beginning", "start", "middle", "rest", "present",
	"preceding", "previous", "following", "latest", "most", "other", "least", "than", "year",
	"additional", "extra", "straight", "consecutive", "long", "more", "ago", "earlier", "later",
	"period", "ahead", "half", "thousand", "hundred", "recent", "current", "past", "coming",
	"upcoming", "future", "next", "last", "this", "of", "or", "so",
}

func (l *lexicons) buildFlags() {
	set := func(w string, f uint32) { l.flags[w] |= f }
	first := func(p string) string { return strings.Fields(p)[0] }
	for w := range l.months {
		set(w, fMonth)
	}
	for w := range l.weekdays {
		set(w, fWeekday)
	}
	for w := range l.numbers {
		set(first(w), fCount)
	}
	for w := range l.units {
		set(w, fUnit)
	}
	for w := range l.fuzzy {
		set(first(w), fFuzzy)
	}
	for w := range l.sets {
		set(w, fSet)
	}
	for w := range l.seasons {
		set(w, fSeason)
	}
	for w := range l.holidays {
		set(first(w), fHoliday)
	}
	for w := range l.mods {
		set(first(w), fMod)
	}
	for w := range l.ordinals {
		set(w, fOrdinal)
	}
	for w := range relWords {
		set(w, fRel)
	}
	for w := range decadeWords {
		set(w, fRel)
	}
	for w := range l.parts {
		set(w, fPart)
	}
	for _, w := range []string{"noon", "midnight", "midday"} {
		set(w, fClock)
	}
	for _, w := range laterWords {
		set(w, fWord)
	}
	for w := range l.weekdays {
		set(w+"s", fWeekday) // "on Mondays"
	}
	for w := range l.tense {
		set(w, fWord) // read by the cues of tense
	}
	for w := range weakStarters {
		set(w, fWeakStart)
	}
	for _, w := range []string{"quarter", "quarters", "half", "period"} {
		set(w, fQuarter)
	}
	for k := range l.phrases {
		for _, w := range k {
			if w != "" {
				set(w, fWord)
			}
		}
	}
}

// sigBit is the bit of a word of two bytes or more in lexicons.sig: a hash
// of its first two bytes, its last byte and its length.
func sigBit(w string) uint32 {
	h := (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[len(w)-1])<<16) ^ uint32(len(w))<<24
	return (h * 0x9E3779B1) >> (32 - 14)
}

// wordFlagsID is wordFlags of a whole word token, s, whose vocabulary ID
// is id.
func (l *lexicons) wordFlagsID(id uint32, s string) (uint32, int32) {
	var f uint32
	var e int32
	if int(id) < len(l.byID) {
		e, f = l.byID[id].e, l.byID[id].f
	}
	if c := s[0]; c >= '0' && c <= '9' {
		f |= fDigit
		if isISO(s) {
			f |= fISO
		}
	} else if c == '\'' || strings.HasPrefix(s, "’") {
		f |= fDigit
	}
	return f, e
}

// wordFlags returns the flags of a token and its entry in the word lists.
func (l *lexicons) wordFlags(kind doc.TokenKind, s string) (uint32, int32) {
	if kind == doc.Number {
		return fNum, 0
	}
	if kind != doc.Word || s == "" {
		return 0, 0
	}
	var f uint32
	var e int32
	if len(s) == 1 && l.firsts[s[0]] || len(s) > 1 && l.sig[sigBit(s)>>6]&(1<<(sigBit(s)&63)) != 0 {
		e = l.words[s]
		if e != 0 {
			f = l.entries[e-1].f
		}
	}
	if c := s[0]; c >= '0' && c <= '9' {
		f |= fDigit
		if isISO(s) {
			f |= fISO
		}
	} else if c == '\'' || strings.HasPrefix(s, "’") {
		f |= fDigit
	}
	return f, e
}
