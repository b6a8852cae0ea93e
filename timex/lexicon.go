package timex

import (
	"embed"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/lexicon"
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
}

var (
	lexOnce sync.Once
	lex     *lexicons
)

func load() *lexicons {
	lexOnce.Do(func() {
		l := &lexicons{phraseFirst: map[string]bool{}}
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
		l.months = intMap("months.txt")
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
		lex = l
	})
	return lex
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
