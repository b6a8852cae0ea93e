package events

import (
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/lexicon"
	"github.com/dossier-news/dossier/vocab"
)

//go:embed data/*.txt
var dataFS embed.FS

// Categories are PLOVER's 16 event categories.
var Categories = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// element is one position of a pattern.
type element struct {
	alts []string // lemmas, any of which matches
	// altIDs are alts as lemma numbers (lex.lemmaIDs), so that matching a
	// token's lemmas compares integers, not strings
	altIDs []uint32
	exact  bool // match the written form only
	gap    bool // "...": up to maxGap other tokens
	neg    bool // any negator
	cap    bool // a capitalised word
}

// pattern is one compiled line of verbs.txt or nouns.txt.
type pattern struct {
	elems []element
	typ   string
	mode  string
	noun  bool
	// reported: the actor is whoever reports the clause, the subject is
	// the recipient ("Russia said Sudan must return the helicopter").
	reported bool
	size     int // number of non-gap elements: the longest match wins
	src      string
}

// word classes of words.txt, as bits.
const (
	cDet uint16 = 1 << iota
	cAux
	cBe
	cPrep
	cSub
	cRel
	cNeg
	cFuture
	cHypo
	cCond
	cTime
	cGroup
	cPron
	cSay
	cNum
)

var classNames = map[string]uint16{"det": cDet, "aux": cAux, "be": cBe, "prep": cPrep, "sub": cSub,
	"rel": cRel, "neg": cNeg, "future": cFuture, "hypo": cHypo, "cond": cCond, "time": cTime,
	"group": cGroup, "pron": cPron, "say": cSay, "num": cNum}

// lex is the compiled dictionary: built once, read-only afterwards, so it is
// safe to share between goroutines.
type lex struct {
	patterns []pattern
	// first maps a written (lower-case) form to the patterns whose first
	// element it can match.
	first map[string][]int32
	// lemmas maps a written form to the pattern words it inflects.
	lemmas map[string][]string
	class  map[string]uint16
	// info joins the three maps above, so that a token costs one lookup.
	info map[string]*formInfo
	// byID is info indexed by vocabulary ID (package vocab), so that a
	// token costs no lookup at all; possessive is info["'s"], which "’s"
	// takes.
	byID       []*formInfo
	possessive *formInfo
}

type formInfo struct {
	word   string // the form itself, so that a view can point to it
	class  uint16
	lemmas []string
	// lemmaIDs are lemmas as lemma numbers (element.altIDs)
	lemmaIDs []uint32
	first    []int32
}

const maxGap = 6

// The dictionary is compiled at start-up, because its words must enter the
// vocabulary before the text layer analyses the first document.
var theLex, lexErr = func() (*lex, error) {
	L, err := compile(readData)
	if err == nil {
		L.index()
	}
	return L, err
}()

// index gives the dictionary's forms their vocabulary IDs.
func (L *lex) index() {
	L.byID = vocab.Table(L.info)
	L.possessive = L.info["'s"]
}

func (L *lex) possessiveOr(none *formInfo) *formInfo {
	if L.possessive != nil {
		return L.possessive
	}
	return none
}

func getLex() *lex {
	if lexErr != nil {
		panic(lexErr) // embedded data is part of the program: the tests catch this
	}
	return theLex
}

func readData(name string) (string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	return string(b), err
}

// compile builds the dictionary from the data files that read returns.
//
// It is long because it reads each data file in turn, one block a file.
func compile(read func(string) (string, error)) (*lex, error) {
	L := &lex{first: map[string][]int32{}, lemmas: map[string][]string{}, class: map[string]uint16{}}
	irr := map[string][]string{}
	src, err := read("irregular.txt")
	if err != nil {
		return nil, err
	}
	ents, err := lexicon.Parse("irregular.txt", src)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		irr[e.Field(0)] = append(irr[e.Field(0)], strings.Fields(e.Field(1))...)
	}
	src, err = read("words.txt")
	if err != nil {
		return nil, err
	}
	ents, err = lexicon.Parse("words.txt", src)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		c, ok := classNames[e.Field(1)]
		if !ok {
			return nil, fmt.Errorf("words.txt:%d: unknown class %q: use one of det aux be prep sub rel neg future hypo cond time group pron say num", e.Line, e.Field(1))
		}
		L.class[e.Field(0)] |= c
	}
	valid := map[string]bool{}
	for _, c := range Categories {
		valid[c] = true
	}
	seen := map[string]bool{}
	for _, file := range []string{"verbs.txt", "nouns.txt"} {
		src, err := read(file)
		if err != nil {
			return nil, err
		}
		ents, err := lexicon.Parse(file, src)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			typ := e.Field(1)
			if !valid[typ] {
				return nil, fmt.Errorf("%s:%d: %q is not a PLOVER category: use one of %s", file, e.Line, typ, strings.Join(Categories, " "))
			}
			p := pattern{typ: typ, mode: e.Field(2), noun: file == "nouns.txt", src: e.Field(0), reported: e.Field(3) == "reported"}
			for _, w := range strings.Fields(strings.ToLower(e.Field(0))) {
				var el element
				switch {
				case w == "...":
					el.gap = true
				case w == "not":
					el.neg = true
				case w == "cap":
					el.cap = true
				default:
					if strings.HasPrefix(w, "=") {
						el.exact = true
						w = w[1:]
					}
					el.alts = strings.Split(w, "/")
				}
				if !el.gap {
					p.size++
				}
				p.elems = append(p.elems, el)
			}
			if len(p.elems) == 0 || p.elems[0].gap || p.elems[len(p.elems)-1].gap || p.elems[0].cap {
				return nil, fmt.Errorf("%s:%d: pattern %q must begin and end with a word", file, e.Line, e.Field(0))
			}
			idx := int32(len(L.patterns))
			L.patterns = append(L.patterns, p)
			for _, el := range p.elems {
				for _, a := range el.alts {
					forms := []string{a}
					if !el.exact {
						forms = inflect(a, irr[a])
					}
					for _, f := range forms {
						if !contains(L.lemmas[f], a) {
							L.lemmas[f] = append(L.lemmas[f], a)
						}
					}
				}
			}
			firsts := p.elems[0].alts
			if p.elems[0].neg {
				for w, c := range L.class {
					if c&cNeg != 0 {
						firsts = append(firsts, w)
					}
				}
			}
			for _, a := range firsts {
				forms := []string{a}
				if !p.elems[0].exact && !p.elems[0].neg {
					forms = inflect(a, irr[a])
				}
				for _, f := range forms {
					k := f + "\x00" + strconv.Itoa(int(idx))
					if !seen[k] {
						seen[k] = true
						L.first[f] = append(L.first[f], idx)
					}
				}
			}
		}
	}
	L.info = map[string]*formInfo{}
	get := func(w string) *formInfo {
		f := L.info[w]
		if f == nil {
			f = &formInfo{word: w}
			L.info[w] = f
		}
		return f
	}
	for w, c := range L.class {
		get(w).class = c
	}
	for w, l := range L.lemmas {
		get(w).lemmas = l
	}
	for w, f := range L.first {
		get(w).first = f
	}
	// Lemmas are numbered for matching: any numbering that gives equal
	// strings equal numbers will do.
	num := map[string]uint32{}
	lemmaID := func(w string) uint32 {
		id, ok := num[w]
		if !ok {
			id = uint32(len(num)) + 1
			num[w] = id
		}
		return id
	}
	for pi := range L.patterns {
		for ei := range L.patterns[pi].elems {
			el := &L.patterns[pi].elems[ei]
			for _, a := range el.alts {
				el.altIDs = append(el.altIDs, lemmaID(a))
			}
		}
	}
	for _, f := range L.info {
		for _, l := range f.lemmas {
			f.lemmaIDs = append(f.lemmaIDs, lemmaID(l))
		}
	}
	return L, nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// inflect returns the forms of a verb or noun: the regular English
// inflections and the irregular ones given. Over-generation is harmless:
// a form that is not English never occurs in text.
func inflect(w string, irregular []string) []string {
	out := []string{w}
	out = append(out, irregular...)
	n := len(w)
	if n < 2 || strings.ContainsAny(w, " '") {
		return out
	}
	last := w[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case last == 'e':
		out = append(out, w+"s", w+"d", w[:n-1]+"ing")
	case last == 'y' && !vowel(w[n-2]):
		out = append(out, w[:n-1]+"ies", w[:n-1]+"ied", w+"ing")
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch"):
		out = append(out, w+"es", w+"ed", w+"ing")
	default:
		out = append(out, w+"s", w+"ed", w+"ing")
		// ban -> banned, commit -> committed: a final consonant after a
		// single vowel may double.
		if n >= 3 && !vowel(last) && last != 'w' && last != 'y' && vowel(w[n-2]) && !vowel(w[n-3]) {
			out = append(out, w+string(last)+"ed", w+string(last)+"ing")
		}
	}
	return out
}
