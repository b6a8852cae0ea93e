package doc

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// whole builds the document's encoding whole, as MarshalJSON did before
// WriteJSON streamed it: the reference the stream must equal byte for
// byte, compact and indented.
func (d *Document) whole() jsonDoc {
	j := jsonDoc{jsonHead: d.jsonHead(), Paragraphs: d.Paragraphs, jsonTail: d.jsonTail(),
		Sentences: []jsonSentence{}, Entities: []jsonEntity{}, Quotes: []jsonQuote{}, Timexes: []jsonTimex{},
		Quantities: []jsonQuantity{}, Events: []jsonEvent{}, Flags: []jsonFlag{}}
	if j.Paragraphs == nil {
		j.Paragraphs = []Span{}
	}
	for i := range d.Sentences {
		j.Sentences = append(j.Sentences, d.jsonSentence(i))
	}
	for i := range d.Entities {
		e := jsonEntity{jsonEntityHead: d.jsonEntity(&d.Entities[i]), Mentions: []jsonMent{}, Actor: d.Entities[i].Actor}
		for _, mi := range d.Entities[i].Mentions {
			if m, ok := d.jsonMention(mi); ok {
				e.Mentions = append(e.Mentions, m)
			}
		}
		j.Entities = append(j.Entities, e)
	}
	for i := range d.Quotes {
		j.Quotes = append(j.Quotes, d.jsonQuote(&d.Quotes[i]))
	}
	for i := range d.Timexes {
		j.Timexes = append(j.Timexes, d.jsonTimex(&d.Timexes[i]))
	}
	for i := range d.Quantities {
		j.Quantities = append(j.Quantities, d.jsonQuantity(&d.Quantities[i]))
	}
	for i := range d.Events {
		j.Events = append(j.Events, d.jsonEvent(&d.Events[i]))
	}
	for i := range d.Flags {
		j.Flags = append(j.Flags, d.jsonFlag(&d.Flags[i]))
	}
	return j
}

func TestWriteJSONMatchesWhole(t *testing.T) {
	full := sample()
	full.Text = `Mills said "a <b>&</b> \ test" — é 😀 {x: [1]}` + "\n\ttab"
	full.Published, full.Title, full.Outlet, full.Story = "2023-01-27", `T "q"`, "O", "s1"
	full.Warnings = []string{"w <1>"}
	full.Paragraphs = []Span{{0, 10}, {11, 20}}
	full.Sentences = []Sentence{{Span: Span{0, 10}}, {Span: Span{11, 20}, Para: 1, Quality: 0.93}}
	full.Mentions = []Mention{{Span: Span{0, 5}, Type: "PERSON", Entity: 0, Kind: "name"}}
	full.Entities = []Entity{{ID: "E1", Name: "Mills", Type: "PERSON", Mentions: []int{0, 7}, Actor: "A1"}, {ID: "E2", Name: "<x>", Mentions: nil}}
	full.Quotes = []Quote{{Kind: "direct", Content: Span{12, 20}, Cue: Span{6, 10}, Source: Span{0, 5}, Speaker: 0, Confidence: 0.25}, {Kind: "indirect", Content: Span{1, 2}, Speaker: -1}}
	full.Timexes = []Timex{{Span: Span{1, 3}, Type: "DATE", Value: "2023"}}
	three := 3.0
	full.Quantities = []Quantity{{Span: Span{2, 4}, Value: 1e21, Bound: "min"}}
	full.Events = []Event{{Type: "ACCUSE", Trigger: Span{6, 10}, Actor: []Argument{{Name: "Mills", Text: "Mills", Span: Span{0, 5}, Entity: 0}}, Dead: &three, Claimant: -1}, {Type: "X", Sentence: 9, Place: []Argument{{Name: "p"}}}}
	full.Flags = []Flag{{Span: Span{21, 29}, Kind: "orphan_fragment", Why: "w \u2028"}}
	full.Quality = &Quality{Score: 0.5}
	for name, d := range map[string]*Document{"full": full, "bare": New("x", ""), "sample": sample()} {
		want := d.whole()
		for _, indent := range []string{"", "  ", "\t"} {
			var ref []byte
			var err error
			if indent == "" {
				ref, err = json.Marshal(want)
			} else {
				ref, err = json.MarshalIndent(want, "", indent)
			}
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := d.WriteJSON(&got, indent); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), ref) {
				t.Errorf("%s, indent %q:\n got %s\nwant %s", name, indent, got.Bytes(), ref)
			}
		}
	}
}

func TestWriteJSONRefusesNaN(t *testing.T) {
	d := sample()
	d.Quotes = []Quote{{Kind: "direct", Content: Span{0, 1}, Confidence: math.NaN()}}
	var b bytes.Buffer
	if err := d.WriteJSON(&b, ""); err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Errorf("NaN confidence: err %v", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %d bytes before failing", b.Len())
	}
}
