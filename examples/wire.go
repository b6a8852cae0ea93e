package examples

import "embed"

// The wire check: twelve single wire-style articles written for the project,
// each built around one failure pattern seen on real wire copy, with a hand
// annotation of who said what and which events happened. wire/README.md
// describes it.
//
//go:embed wire/*
var wire embed.FS

// WireFile returns a file of the wire check by name: "wire.jsonl",
// "key.json" or "README.md".
func WireFile(name string) []byte { return mustRead(wire, "wire", name) }

// Wire returns the wire check's articles, in the JSON Lines shape of the
// corpus.
func Wire() []Article {
	arts, err := ParseCorpus(WireFile("wire.jsonl"))
	if err != nil {
		panic("examples: wire.jsonl: " + err.Error())
	}
	return arts
}

// WireKey is the hand annotation of the wire check (wire/key.json).
type WireKey struct {
	About    string        `json:"about"`
	Articles []WireArticle `json:"articles"`
}

// WireArticle is the annotation of one article. Every text in it is a
// substring of the article; a system's span is compared with the first
// occurrence (the nth, for timexes).
type WireArticle struct {
	ID         string         `json:"id"`
	Pattern    string         `json:"pattern"`
	Dateline   string         `json:"dateline,omitempty"`
	Quotes     []WireQuote    `json:"quotes"`
	NonQuotes  []string       `json:"non_quotes,omitempty"`
	Events     []WireEvent    `json:"events"`
	NotEvents  []WireNotEvent `json:"not_events,omitempty"`
	Timexes    []WireTimex    `json:"timexes,omitempty"`
	Quantities []WireQuantity `json:"quantities,omitempty"`
}

// WireQuote is one attribution: words of its content, and the names any of
// which, found in the resolved speaker's name, make the speaker right.
type WireQuote struct {
	Kind    string   `json:"kind"`
	Content string   `json:"content"`
	Speaker []string `json:"speaker"`
}

// WireEvent is one event: its PLOVER type, words of its trigger, and names
// any of which make the actor (recipient) right; an empty list accepts any.
type WireEvent struct {
	Type      string   `json:"type"`
	Trigger   string   `json:"trigger"`
	Actor     []string `json:"actor"`
	Recipient []string `json:"recipient"`
}

// WireNotEvent is a type that must not be coded: at Trigger when given,
// anywhere in the article otherwise.
type WireNotEvent struct {
	Type    string `json:"type"`
	Trigger string `json:"trigger,omitempty"`
	Why     string `json:"why"`
}

// WireTimex is the TIMEX3 value of the nth occurrence of Text.
type WireTimex struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Nth   int    `json:"nth"`
}

// WireQuantity is a figure: the words that carry it, its value, what it
// counts and its bound.
type WireQuantity struct {
	Text     string  `json:"text"`
	Value    float64 `json:"value"`
	Category string  `json:"category"`
	Bound    string  `json:"bound"`
}

// ReadWireKey returns the parsed annotation.
func ReadWireKey() WireKey {
	var k WireKey
	mustDecode(WireFile("key.json"), "wire/key.json", &k)
	return k
}
