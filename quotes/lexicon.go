package quotes

import (
	"embed"
	"strings"

	"github.com/dossier-news/dossier/lexicon"
	"github.com/dossier-news/dossier/vocab"
)

//go:embed data/*.txt
var dataFS embed.FS

// phrase is a multi-word cue starting at a head word.
type phrase struct {
	words []string
	kind  string // source-after, verb, after-said
}

type lexicons struct {
	cues, aux, addressees, keeps, stops, srcKeeps, determiners, whContent, asides, raising, passiveBreaks, askCues, askOpeners, starts, subjects, openers, speech, breaks, notAdverbs, labels, quantifiers, pastVerbs, dated, stance, catenatives, sure map[string]bool
	phrases                                                                                                                                                                                                                                             map[string][]phrase // by first word, longest first
	heads                                                                                                                                                                                                                                               map[string]uint8    // headCue | headPhrase, one lookup a token
	bits                                                                                                                                                                                                                                                map[string]uint64   // a word's lexical bits (bitStop, ...)
	idBits                                                                                                                                                                                                                                              []uint64            // the same by vocabulary ID (package vocab)
	phraseBloom                                                                                                                                                                                                                                         headFilter          // the first words of phrases
	particleBloom                                                                                                                                                                                                                                       headFilter          // the words of particles
	particles                                                                                                                                                                                                                                           map[string]string   // a word after a head: "particle" or "day"
	edges                                                                                                                                                                                                                                               map[string]string   // source edge words: "lead", "time" or "opener"
}

// headFilter is a Bloom filter over the first words of phrases or the
// particles, looked up by string where no token index is at hand: most
// words are neither, and two bit tests in an 8 KB table turn them away
// before the map is consulted.
type headFilter [1 << 10]uint64

func headSig(w string) uint32 {
	n := len(w)
	return uint32(n)<<24 ^ uint32(w[0])<<16 ^ uint32(w[1])<<8 ^ uint32(w[n-1]) ^ uint32(w[n-2])<<4 ^ uint32(w[n/2])<<12
}

func (f *headFilter) add(w string) {
	if len(w) < 2 {
		return
	}
	s := headSig(w)
	for _, h := range [2]uint32{s * 0x9e3779b1 >> 16, s * 0x85ebca6b >> 16} {
		f[h>>6] |= 1 << (h & 63)
	}
}

// mayHave reports whether w may be a head (false means surely not).
func (f *headFilter) mayHave(w string) bool {
	if len(w) < 2 {
		return false
	}
	s := headSig(w)
	h1, h2 := s*0x9e3779b1>>16, s*0x85ebca6b>>16
	return f[h1>>6]&(1<<(h1&63)) != 0 && f[h2>>6]&(1<<(h2&63)) != 0
}

// Lexical bits of a word, looked up once a token (see ctx.has): one bit a
// word list, so that a token's memberships of every list cost one look-up.
const (
	bitStop uint64 = 1 << iota
	bitOpener
	bitSubject
	bitAux
	bitStart
	bitSpeech
	bitBreak      // clause_breaks.txt
	bitKeep       // clause_keeps.txt
	bitDeterminer // determiners.txt
	bitAddressee  // addressees.txt
	bitAskCue     // question_cues.txt
	bitAskOpener  // question_openers.txt
	bitWhContent  // wh_contents.txt
	bitQuantifier // quantifiers.txt
	bitPastVerb   // past_verbs.txt
	bitNotAdverb  // not_adverbs.txt
	bitRaising    // raising.txt
	bitPassiveBrk // passive_breaks.txt
	bitCatenative // catenatives.txt
	bitStance     // stance_participles.txt
	bitSrcKeep    // source_keeps.txt
	bitAside      // source_asides.txt
	bitDated      // dated_sources.txt
	bitEdgeLead   // source_edges.txt, by kind
	bitEdgeTime
	bitEdgeOpener
	bitEdgeTail
	bitEdgeClause
	bitEdgeNone
	bitHeadCue        // headCue, for ctx.heads
	bitHeadPhrase     // headPhrase
	bitHeadSpeechOnly // headSpeechOnly
	bitSure           // sure_cues.txt
	bitKnown          // the token's bits have been looked up
)

// edgeBits are the bits of source_edges.txt's kinds.
var edgeBits = map[string]uint64{"lead": bitEdgeLead, "time": bitEdgeTime, "opener": bitEdgeOpener, "tail": bitEdgeTail, "clause": bitEdgeClause, "none": bitEdgeNone}

const (
	headCue        = 1 << iota // the word is in cues.txt
	headPhrase                 // a phrase of phrases.txt starts with the word
	headSpeechOnly             // a verb of saying that is not in cues.txt
)

var lex = loadLexicons()

// entries parses the embedded data file data/name.
func entries(name string) []lexicon.Entry {
	data, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic(err)
	}
	return lexicon.MustParse(name, string(data))
}

// wordSet is the set of the lower-cased first fields of data/name.
func wordSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, e := range entries(name) {
		m[strings.ToLower(e.Field(0))] = true
	}
	return m
}

func loadLexicons() *lexicons {
	l := &lexicons{
		cues:          wordSet("cues.txt"),
		aux:           wordSet("verb_group.txt"),
		addressees:    wordSet("addressees.txt"),
		keeps:         wordSet("clause_keeps.txt"),
		stops:         wordSet("stops.txt"),
		srcKeeps:      wordSet("source_keeps.txt"),
		determiners:   wordSet("determiners.txt"),
		whContent:     wordSet("wh_contents.txt"),
		asides:        wordSet("source_asides.txt"),
		raising:       wordSet("raising.txt"),
		passiveBreaks: wordSet("passive_breaks.txt"),
		askCues:       wordSet("question_cues.txt"),
		askOpeners:    wordSet("question_openers.txt"),
		starts:        wordSet("content_starts.txt"),
		subjects:      wordSet("subjects.txt"),
		openers:       wordSet("source_openers.txt"),
		speech:        wordSet("speech.txt"),
		breaks:        wordSet("clause_breaks.txt"),
		notAdverbs:    wordSet("not_adverbs.txt"),
		labels:        wordSet("labels.txt"),
		quantifiers:   wordSet("quantifiers.txt"),
		pastVerbs:     wordSet("past_verbs.txt"),
		dated:         wordSet("dated_sources.txt"),
		stance:        wordSet("stance_participles.txt"),
		catenatives:   wordSet("catenatives.txt"),
		sure:          wordSet("sure_cues.txt"),
		phrases:       map[string][]phrase{},
	}
	for _, e := range entries("phrases.txt") {
		w := strings.Fields(strings.ToLower(e.Field(0)))
		p := phrase{words: w, kind: e.Field(1)}
		l.phrases[w[0]] = append(l.phrases[w[0]], p)
	}
	for k, ps := range l.phrases {
		// longest first, so "in a statement released" wins over "in a statement"
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		l.phrases[k] = ps
	}
	l.particles = map[string]string{}
	for _, e := range entries("cue_particles.txt") {
		l.particles[strings.ToLower(e.Field(0))] = e.Field(1)
	}
	l.edges = map[string]string{}
	for _, e := range entries("source_edges.txt") {
		l.edges[strings.ToLower(e.Field(0))] = e.Field(1)
	}
	l.heads = map[string]uint8{}
	for w := range l.cues {
		l.heads[w] |= headCue
	}
	for w := range l.speech {
		// a verb of saying missing from the cue list is a cue only in the
		// layouts of direct quotation, without the model
		if !l.cues[w] {
			l.heads[w] |= headSpeechOnly
		}
	}
	for w := range l.phrases {
		l.heads[w] |= headPhrase
	}
	l.bits = map[string]uint64{}
	for set, bit := range map[*map[string]bool]uint64{&l.stops: bitStop, &l.openers: bitOpener, &l.subjects: bitSubject, &l.aux: bitAux, &l.starts: bitStart, &l.speech: bitSpeech,
		&l.breaks: bitBreak, &l.keeps: bitKeep, &l.determiners: bitDeterminer, &l.addressees: bitAddressee, &l.askCues: bitAskCue, &l.askOpeners: bitAskOpener,
		&l.whContent: bitWhContent, &l.quantifiers: bitQuantifier, &l.pastVerbs: bitPastVerb, &l.notAdverbs: bitNotAdverb, &l.raising: bitRaising,
		&l.passiveBreaks: bitPassiveBrk, &l.catenatives: bitCatenative, &l.stance: bitStance, &l.srcKeeps: bitSrcKeep, &l.asides: bitAside, &l.dated: bitDated, &l.sure: bitSure} {
		for w := range *set {
			l.bits[w] |= bit
		}
	}
	for w, kind := range l.edges {
		l.bits[w] |= edgeBits[kind]
	}
	for w, h := range l.heads {
		l.bits[w] |= uint64(h) * bitHeadCue // the head bits in order, from bitHeadCue up
	}
	l.idBits = vocab.Table(l.bits)
	for w := range l.phrases {
		l.phraseBloom.add(w)
	}
	for w := range l.particles {
		l.particleBloom.add(w)
	}
	return l
}

// The filtered lookups below answer as the maps do; the filters know only
// words of two letters or more, so shorter words go to the map.

// phrasesOf is lex.phrases[w].
func phrasesOf(w string) []phrase {
	if len(w) >= 2 && !lex.phraseBloom.mayHave(w) {
		return nil
	}
	return lex.phrases[w]
}

// particleOf is lex.particles[w].
func particleOf(w string) string {
	if len(w) >= 2 && !lex.particleBloom.mayHave(w) {
		return ""
	}
	return lex.particles[w]
}
