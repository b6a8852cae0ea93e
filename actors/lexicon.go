package actors

import (
	"embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/lexicon"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/vocab"
)

//go:embed data/*.txt
var dataFS embed.FS

func dataFile(name string) []lexicon.Entry {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic("actors: missing embedded data file " + name)
	}
	return lexicon.MustParse("actors/data/"+name, string(b))
}

// entKind says how a lexicon phrase names its entity.
type entKind uint8

const (
	kName    entKind = iota // the entity's own name or a short form of it
	kDemonym                // Malian: the people or adjective of a country
	kCapital                // Washington: a seat of government that may stand for its country
)

// entry is one phrase of the name lexicon.
type entry struct {
	canon   string // canonical name of the entity
	typ     string // GPE, ORG, LOC, NORP
	kind    entKind
	country string // for demonyms and capitals: the country; for orgs and places: what they belong to
	exact   bool   // written all in capitals in the data: match only when written so
	words   int    // tokens in the phrase
	adj     string // for countries: the demonym that makes "Malian army"
	// lowerStart: written with a small first letter in the data ("al-Qaeda"),
	// so it may start so in text
	lowerStart bool
	// capMask has bit k set when word k of the phrase is capitalised in the
	// data: "Russia Today" does not match "Russia today"
	capMask uint32
}

// titleWord is one word of titles.txt.
type titleWord struct {
	class  uint8 // tHead, tMod, tHon, tAbbrev, tPrefix
	gender byte
	role   string // for abbreviations: the role spelled out
}

const (
	tNone uint8 = iota
	tHead
	tMod
	tHon
	tAbbrev
)

type pronoun struct {
	gender byte // 'm', 'f', 'p'
	subj   bool
	poss   bool
}

// lexicons is the compiled language data of the stage, built once.
type lexicons struct {
	phrases    map[string][]*entry // normalised phrase -> entries
	maxWords   map[string]int      // normalised first word -> longest phrase starting with it
	titles     map[string]titleWord
	given      map[string]byte // lower-cased given name -> 'm', 'f' or 0
	notNames   map[string]bool
	verbs      map[string]bool
	orgWords   map[string]bool
	groups     map[string]bool   // nouns of unnamed groups of people
	orgBodies  map[string]bool   // nouns for an organisation's bodies ("mission")
	personOrgs map[string]bool   // nouns for a person's organisation ("campaign")
	things     map[string]string // last word of a thing's or a place's name -> "thing" or "place"
	bodies     map[string]string // "army" -> "army"; two-word bodies keyed "security forces"
	bodyFirst  map[string]int    // first word of a body noun -> most words
	directions map[string]bool
	pronouns   map[string]pronoun
	countries  map[string]*entry // canonical country -> its name entry
	info       map[string]uint16 // normalised word -> the w* flags of every list it is in
	// infoByID is info indexed by vocabulary ID (package vocab): a word
	// of the text layer costs no look-up.
	infoByID []uint16
}

// word flags: which lists a normalised word is in
const (
	wNotName uint16 = 1 << iota
	wPron
	wTitle
	wVerb
	wOrgWord
	wParticle
	wConnector
	wLexStart
	wLowerStart // starts a phrase that may be written in lower case ("al-Qaeda")
	wAux        // an auxiliary verb
	wGroup      // a noun of an unnamed group of people ("officials")
	wHyphen     // set per token, not in the map: the word has a hyphen
	wSkip       // set per token: none of the wFiltered flags, known without a look-up
	wDone       // set per token: the flags were looked up
	wGiven      // a given name (the given map has its gender)
)

// wFiltered are the flags that filteredBits answers for every word.
const wFiltered = wTitle | wGroup | wPron | wLowerStart

var lex = load()

// the vocabulary IDs of determiners that candidates compares every
// unclassified token's predecessor with
var idThe, idThis = vocab.Add("the"), vocab.Add("this")

// norm lower-cases a token's text and writes curly apostrophes straight, so
// that "Côte d’Ivoire" and "Cote d'Ivoire" look alike to the lexicon.
func norm(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// phraseKey tokenizes a data phrase with the text layer's own tokenizer, so
// that phrases split exactly as text does ("People's" gives "People", "'s").
func phraseKey(p string) (string, int) {
	toks := text.Tokenize(p, nil)
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		parts = append(parts, norm(p[t.Start:t.End]))
	}
	return strings.Join(parts, " "), len(parts)
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters >= 2
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (l *lexicons) add(phrase string, e entry) {
	key, n := phraseKey(phrase)
	if n == 0 {
		return
	}
	e.words = n
	e.exact = isAllCaps(phrase)
	for k, t := range text.Tokenize(phrase, nil) {
		if r, _ := utf8.DecodeRuneInString(phrase[t.Start:]); unicode.IsUpper(r) && k < 32 {
			e.capMask |= 1 << k
		}
	}
	r, _ := utf8.DecodeRuneInString(phrase)
	e.lowerStart = unicode.IsLower(r)
	ep := &e
	l.phrases[key] = append(l.phrases[key], ep)
	first := key
	if i := strings.IndexByte(key, ' '); i >= 0 {
		first = key[:i]
	}
	if n > l.maxWords[first] {
		l.maxWords[first] = n
	}
}

// It is long because it reads each data file in turn, one block a file, with
// no logic to split.
func load() *lexicons {
	l := &lexicons{
		phrases:    map[string][]*entry{},
		maxWords:   map[string]int{},
		titles:     map[string]titleWord{},
		given:      map[string]byte{},
		notNames:   map[string]bool{},
		verbs:      map[string]bool{},
		orgWords:   map[string]bool{},
		things:     map[string]string{},
		groups:     map[string]bool{},
		orgBodies:  map[string]bool{},
		personOrgs: map[string]bool{},
		bodies:     map[string]string{},
		bodyFirst:  map[string]int{},
		directions: map[string]bool{},
		pronouns:   map[string]pronoun{},
		countries:  map[string]*entry{},
	}
	for _, e := range dataFile("countries.txt") {
		name := e.Field(0)
		dems := splitList(e.Field(2))
		adj := name
		if len(dems) > 0 {
			adj = dems[0]
		}
		l.add(name, entry{canon: name, typ: "GPE", kind: kName, adj: adj})
		key, _ := phraseKey(name)
		l.countries[name] = l.phrases[key][len(l.phrases[key])-1]
		for _, a := range splitList(e.Field(1)) {
			l.add(a, entry{canon: name, typ: "GPE", kind: kName, adj: adj})
		}
		for _, dm := range dems {
			l.add(dm, entry{canon: adj, typ: "NORP", kind: kDemonym, country: name})
		}
		for _, c := range splitList(e.Field(3)) {
			l.add(c, entry{canon: c, typ: "GPE", kind: kCapital, country: name})
		}
	}
	for _, e := range dataFile("places.txt") {
		name := e.Field(0)
		l.add(name, entry{canon: name, typ: e.Field(1), kind: kName, country: e.Field(2)})
		for _, a := range splitList(e.Field(3)) {
			l.add(a, entry{canon: name, typ: e.Field(1), kind: kName, country: e.Field(2)})
		}
	}
	for _, e := range dataFile("orgs.txt") {
		name := e.Field(0)
		l.add(name, entry{canon: name, typ: e.Field(1), kind: kName, country: e.Field(3)})
		for _, a := range splitList(e.Field(2)) {
			l.add(a, entry{canon: name, typ: e.Field(1), kind: kName, country: e.Field(3)})
		}
	}
	for _, e := range dataFile("groups.txt") {
		name := e.Field(0)
		l.add(name, entry{canon: name, typ: "NORP", kind: kName, country: e.Field(2)})
		for _, a := range splitList(e.Field(1)) {
			l.add(a, entry{canon: name, typ: "NORP", kind: kName, country: e.Field(2)})
		}
	}
	for _, e := range dataFile("titles.txt") {
		var c uint8
		switch e.Field(1) {
		case "head":
			c = tHead
		case "mod":
			c = tMod
		case "honorific":
			c = tHon
		case "abbrev":
			c = tAbbrev
		default:
			panic("actors/data/titles.txt: unknown class " + e.Field(1))
		}
		var g byte
		if f := e.Field(2); f != "" {
			g = f[0]
		}
		words := strings.Fields(norm(e.Field(0)))
		// A title of several words ("prime minister") is learnt word by word:
		// the last word has the entry's class, the others are modifiers.
		for i, w := range words {
			tw := titleWord{class: c, gender: g, role: e.Field(3)}
			if i < len(words)-1 {
				tw = titleWord{class: tMod}
			}
			if old, ok := l.titles[w]; ok && (old.class == tHead || tw.class == tMod) {
				continue // a word that can head a title keeps that class
			}
			l.titles[w] = tw
		}
	}
	for _, e := range dataFile("given_names.txt") {
		var g byte
		if f := e.Field(1); f != "" {
			g = f[0]
		}
		l.given[norm(e.Field(0))] = g
	}
	for _, e := range dataFile("notnames.txt") {
		for _, w := range strings.Fields(e.Field(0)) {
			l.notNames[norm(w)] = true
		}
	}
	for _, e := range dataFile("verbs.txt") {
		for _, w := range strings.Fields(e.Field(0)) {
			l.verbs[norm(w)] = true
		}
	}
	for _, e := range dataFile("orgwords.txt") {
		for _, w := range strings.Fields(e.Field(0)) {
			l.orgWords[norm(w)] = true
		}
	}
	for _, e := range dataFile("people.txt") {
		// two-word nouns ("aid workers") are known by their last word
		ws := strings.Fields(norm(e.Field(0)))
		l.groups[ws[len(ws)-1]] = true
	}
	for _, e := range dataFile("personbodies.txt") {
		l.personOrgs[norm(e.Field(0))] = true
	}
	for _, e := range dataFile("orgbodies.txt") {
		l.orgBodies[norm(e.Field(0))] = true
	}
	for _, e := range dataFile("things.txt") {
		l.things[norm(e.Field(0))] = e.Field(1)
	}
	for _, e := range dataFile("bodies.txt") {
		ws := strings.Fields(norm(e.Field(0)))
		l.bodies[strings.Join(ws, " ")] = e.Field(1)
		if len(ws) > l.bodyFirst[ws[0]] {
			l.bodyFirst[ws[0]] = len(ws)
		}
	}
	for _, e := range dataFile("directions.txt") {
		for _, w := range strings.Fields(e.Field(0)) {
			l.directions[norm(w)] = true
		}
	}
	for _, e := range dataFile("pronouns.txt") {
		p := pronoun{gender: e.Field(1)[0]}
		switch e.Field(2) {
		case "subject":
			p.subj = true
		case "possessive":
			p.poss = true
		}
		l.pronouns[norm(e.Field(0))] = p
	}
	l.info = map[string]uint16{}
	flag := func(keys []string, f uint16) {
		for _, k := range keys {
			l.info[k] |= f
		}
	}
	flag(keysOf(l.notNames), wNotName)
	flag(keysOf(l.pronouns), wPron)
	flag(keysOf(l.titles), wTitle)
	flag(keysOf(l.verbs), wVerb)
	flag(keysOf(l.orgWords), wOrgWord)
	flag(keysOf(particles), wParticle)
	flag(keysOf(connectors), wConnector)
	flag(keysOf(l.maxWords), wLexStart)
	flag(keysOf(l.groups), wGroup)
	flag(keysOf(l.given), wGiven)
	for _, e := range dataFile("auxiliaries.txt") {
		for _, w := range strings.Fields(e.Field(0)) {
			l.info[norm(w)] |= wAux
		}
	}
	for key, es := range l.phrases {
		for _, e := range es {
			if e.lowerStart {
				first, _, _ := strings.Cut(key, " ")
				l.info[first] |= wLowerStart
			}
		}
	}
	for k, f := range l.info {
		if f&wFiltered != 0 {
			i := filterIndex(k)
			filteredBits[i/64] |= 1 << (i % 64)
		}
	}
	l.infoByID = vocab.Table(l.info)
	return l
}

// filteredBits is a filter in front of the flag look-up: a word whose bit,
// chosen by its length and its first two and last letters, is clear is no
// title, group noun, pronoun or start of a lower-case phrase, the questions
// the stage asks of every word. A few hundred words set bits among 256K, so
// nearly every other word is passed over without a look-up.
const filterSize = 1 << 18

var filteredBits [filterSize / 64]uint64

func filterIndex(w string) uint32 {
	n := uint32(len(w))
	if n == 0 {
		return 0
	}
	if n > 15 {
		n = 15
	}
	second := w[0]
	if len(w) > 1 {
		second = w[1]
	}
	return (n<<14 | uint32(w[0]&31)<<9 | uint32(second&15)<<5 | uint32(w[len(w)-1]&31)) % filterSize
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// RoleNoun reports whether word (any case) is a role noun that can stand
// for its holder ("spokesman", "envoy", "minister": titles.txt's head
// class), and the holder's gender when the word gives one ('m', 'f' or 0).
// Other stages call it to tell a person's role from a body's name.
func RoleNoun(word string) (bool, byte) {
	tw, ok := lex.titles[norm(word)]
	return ok && tw.class == tHead, tw.gender
}

// Country returns the canonical country named by a name, short form,
// demonym or capital ("US", "Malian", "Washington" give "United States",
// "Mali", "United States"), and whether there is one. Other stages call it
// to turn an adjective or an affiliation into a country.
func Country(s string) (string, bool) {
	key, _ := phraseKey(s)
	for _, e := range lex.phrases[key] {
		switch {
		case e.typ == "GPE" && e.kind == kName && lex.countries[e.canon] != nil:
			return e.canon, true
		case e.kind == kDemonym, e.kind == kCapital:
			return e.country, true
		}
	}
	return "", false
}

// PlaceCountry returns the country a place name lies in, and whether there
// is one: the country itself for a country's name or short form ("US"
// gives "United States"), and for a city, province or region of
// places.txt the country the data says it belongs to. Exports call it to
// fill a country column from an event's place.
func PlaceCountry(s string) (string, bool) {
	key, _ := phraseKey(s)
	for _, e := range lex.phrases[key] {
		if e.kind != kName || e.typ != "GPE" && e.typ != "LOC" {
			continue
		}
		if lex.countries[e.canon] != nil {
			return e.canon, true
		}
		if lex.countries[e.country] != nil {
			return e.country, true
		}
	}
	return "", false
}
