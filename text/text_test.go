package text

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
)

func analyzed(s string) *doc.Document {
	d := doc.New("t", s)
	Analyze(d)
	return d
}

func tokenTexts(d *doc.Document) []string {
	out := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		out[i] = d.TokenText(i)
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Mr. Guterres said.", "Mr.|Guterres|said|."},
		{"the U.S. and the U.N. agreed", "the|U.S.|and|the|U.N.|agreed"},
		{"Gen. Asimi Goita, then-army colonel", "Gen.|Asimi|Goita|,|then-army|colonel"},
		{"the 17,500-person mission", "the|17,500-person|mission"},
		{"more than 2,250 troops and 1.5 million", "more|than|2,250|troops|and|1.5|million"},
		{"Guterres’ internal review", "Guterres|’|internal|review"},
		{"Mali’s army and France's envoy", "Mali|’s|army|and|France|'s|envoy"},
		{"don’t and O'Brien", "don’t|and|O'Brien"},
		{"“This is unacceptable.”", "“|This|is|unacceptable|.|”"},
		{"He said \"no\" twice", "He|said|\"|no|\"|twice"},
		{"Wait... what…", "Wait|...|what|…"},
		{"BAMAKO, Mali (AP) — Troops", "BAMAKO|,|Mali|(|AP|)|—|Troops"},
		{"J. R. Smith arrived", "J.|R.|Smith|arrived"},
		{"No. 10 and No one", "No.|10|and|No|one"},
		{"Jan. 27, 2023", "Jan.|27|,|2023"},
		{"in the 1990s and ’90s", "in|the|1990s|and|’90s"},
		{"a 9% rise, $1,500 paid", "a|9|%|rise|,|$|1,500|paid"},
		{"5,00 and 12,3456", "5|,|00|and|12|,|3456"},
		{"e.g. this", "e.g.|this"},
		{"pay--and more", "pay|--|and|more"},
		{"Secretary-General", "Secretary-General"},
		{"end-", "end|-"},
		{"''Yes,'' he said", "''|Yes|,|''|he|said"},
		{"``No'' then", "``|No|''|then"},
		{"Breitbart.com and will.i.am said", "Breitbart.com|and|will.i.am|said"},
		{"It ended.then", "It|ended.then"},
		{"", ""},
		{"\uFFFD odd", "\uFFFD|odd"},
	}
	for _, c := range cases {
		d := analyzed(c.in)
		got := strings.Join(tokenTexts(d), "|")
		if got != c.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
		if err := d.Validate(); err != nil {
			t.Errorf("Tokenize(%q): %v", c.in, err)
		}
	}
}

func TestTokenFlags(t *testing.T) {
	d := analyzed("NATO said\nMr. Mills, J. Doe")
	want := []struct {
		tok   string
		flags uint8
	}{
		{"NATO", doc.FlagCap | doc.FlagAllCaps | doc.FlagLineStart | doc.FlagSpaceAfter},
		{"said", 0},
		{"Mr.", doc.FlagCap | doc.FlagAbbrev | doc.FlagLineStart | doc.FlagSpaceAfter},
		{"J.", doc.FlagCap | doc.FlagAbbrev | doc.FlagInitial | doc.FlagSpaceAfter},
	}
	for _, w := range want {
		for i := range d.Tokens {
			if d.TokenText(i) == w.tok && d.Tokens[i].Flags&w.flags != w.flags {
				t.Errorf("%s: flags %b, want at least %b", w.tok, d.Tokens[i].Flags, w.flags)
			}
		}
	}
}

func sentences(d *doc.Document) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = d.Slice(s.Span)
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"simple", "The council met. It voted.", []string{"The council met.", "It voted."}},
		{"title", "Mr. Guterres spoke. Gen. Goita did not.", []string{"Mr. Guterres spoke.", "Gen. Goita did not."}},
		{"initials", "J. R. Smith won. He left.", []string{"J. R. Smith won.", "He left."}},
		{"us mid", "The U.S. envoy spoke.", []string{"The U.S. envoy spoke."}},
		{"us end", "Troops left the U.S. The base closed.", []string{"Troops left the U.S.", "The base closed."}},
		{"us before name", "He met U.S. President Joe Biden.", []string{"He met U.S. President Joe Biden."}},
		{"decimal", "Growth was 1.5 percent. Prices rose.", []string{"Growth was 1.5 percent.", "Prices rose."}},
		{"quote close after period", "He said: “We will stay.” Then he left.", []string{"He said: “We will stay.”", "Then he left."}},
		{"lowercase after quote", "“Stop!” he shouted. They stopped.", []string{"“Stop!” he shouted.", "They stopped."}},
		{"multi-sentence quotation kept", "“We object. We always have,” she said. Talks ended.", []string{"“We object. We always have,” she said.", "Talks ended."}},
		{"follow-on quote", "“It failed,” he said. “We will try again.”", []string{"“It failed,” he said.", "“We will try again.”"}},
		{"question", "Why now? Nobody knows.", []string{"Why now?", "Nobody knows."}},
		{"ellipsis", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"month", "On Jan. 27 the vote was held.", []string{"On Jan. 27 the vote was held."}},
		{"number abbrev", "Resolution No. 2640 passed.", []string{"Resolution No. 2640 passed."}},
		{"paragraphs", "First para ends\n\nSecond para.", []string{"First para ends", "Second para."}},
		{"headline", "Talks Stall in Geneva\nNegotiators left on Monday.", []string{"Talks Stall in Geneva", "Negotiators left on Monday."}},
		{"dateline", "BAMAKO, Mali (AP) — Troops left on Friday. More follow.", []string{"BAMAKO, Mali (AP) — Troops left on Friday.", "More follow."}},
		{"fragment", "They attack the army. Did. Security worsened.", []string{"They attack the army.", "Did.", "Security worsened."}},
		{"brackets", "It ended (finally.) Then more.", []string{"It ended (finally.)", "Then more."}},
		{"digit start", "He left. 2023 was hard.", []string{"He left.", "2023 was hard."}},
		{"inc end", "He joined Acme Inc. The firm grew.", []string{"He joined Acme Inc.", "The firm grew."}},
		{"inc mid", "Acme Inc. said profits rose.", []string{"Acme Inc. said profits rose."}},
		{"straight quotes", `"We are ready," he said. "Go."`, []string{`"We are ready," he said.`, `"Go."`}},
		{"state abbreviation", "Sen. Tom Carper, D-Del., said no. He left.", []string{"Sen. Tom Carper, D-Del., said no.", "He left."}},
		{"party and state in brackets", "Rep. Ann Kessler (R-S.C.) Said it. Then more.", []string{"Rep. Ann Kessler (R-S.C.) Said it.", "Then more."}},
		{"doubled marks", "''This isn't reform,'' said Holtz. ''It is not.''", []string{"''This isn't reform,'' said Holtz.", "''It is not.''"}},
		{"empty", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyzed(c.in)
			got := sentences(d)
			if strings.Join(got, "‖") != strings.Join(c.want, "‖") {
				t.Errorf("\n got %q\nwant %q", got, c.want)
			}
			if err := d.Validate(); err != nil {
				t.Error(err)
			}
			for i, s := range d.Sentences {
				if s.Tokens.Len() == 0 || d.Tokens[s.Tokens.First].Start != s.Start || d.Tokens[s.Tokens.End-1].End != s.End {
					t.Errorf("sentence %d token range %v does not match its span", i, s.Tokens)
				}
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"blank lines", "One.\n\nTwo.\n\n\nThree.", []string{"One.", "Two.", "Three."}},
		{"single newlines", "One.\nTwo.", []string{"One.", "Two."}},
		{"hard wrapped", "The council met on\nthe eve of the vote.\nNext para.", []string{"The council met on\nthe eve of the vote.", "Next para."}},
		{"crlf", "One.\r\n\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"trim", "  \n One. \n", []string{"One."}},
		{"headline", "Envoys Clash Over Mission\nThe council met.", []string{"Envoys Clash Over Mission", "The council met."}},
	}
	for _, c := range cases {
		got := []string{}
		for _, p := range Paragraphs(c.in, nil) {
			got = append(got, c.in[p.Start:p.End])
		}
		if strings.Join(got, "‖") != strings.Join(c.want, "‖") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestQuotations(t *testing.T) {
	type q struct {
		content         string
		cont, mis, uncl bool
	}
	cases := []struct {
		name, in string
		want     []q
	}{
		{"curly", "He said “we stay” today.", []q{{"we stay", false, false, false}}},
		{"straight", `He said "we stay" today.`, []q{{"we stay", false, false, false}}},
		{"possessive not a quote", "Guterres’ review and Mali’s army.", nil},
		{"single inside double", "“He called it ‘a crime’ yesterday,” she said.", []q{{"He called it ‘a crime’ yesterday,", false, false, false}, {"a crime", false, false, false}}},
		{"mismatched close", "Diop said “we will hold votes in 2024. ‘ said.", []q{{"we will hold votes in 2024. ", false, true, false}}},
		{"continued paragraph", "“We came here first.\n\n“Then we stayed,” he said.", []q{{"We came here first.", true, false, false}, {"Then we stayed,", false, false, false}}},
		{"unclosed", "He said “it is over. Nobody came.\n\nNext paragraph.", []q{{"it is over. Nobody came.", false, false, true}}},
		{"two quotes", "“A,” he said, “B.”", []q{{"A,", false, false, false}, {"B.", false, false, false}}},
		{"stray closer", "It ended” there.", nil},
		{"british single", "He said ‘we stay’ today.", []q{{"we stay", false, false, false}}},
		{"straight single inside double", `He said "their '.gov' accounts were hacked" today.`, []q{{"their '.gov' accounts were hacked", false, false, false}, {".gov", false, false, false}}},
		{"doubled straight singles", "''This isn't reform,'' he said.", []q{{"This isn't reform,", false, false, false}}},
		{"backticks", "``We won,'' he said.", []q{{"We won,", false, false, false}}},
		{"guillemets", "Il a dit «non» hier.", []q{{"non", false, false, false}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyzed(c.in)
			var got []q
			for _, x := range d.Quotations {
				got = append(got, q{d.Slice(x.Content), x.Continued, x.Mismatched, x.Unclosed})
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("quotation %d: got %+v, want %+v", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestApostropheRoles(t *testing.T) {
	d := analyzed("Guterres’ review")
	for i, tk := range d.Tokens {
		if tk.Kind == doc.QuoteMark && d.Marks[i] != doc.MarkApostrophe {
			t.Errorf("possessive mark has role %v, want apostrophe", d.Marks[i])
		}
	}
}
