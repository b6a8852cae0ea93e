package link

import (
	"strings"
	"testing"
)

// An article written for these tests, and the ways a republisher changes it.
const origHead = "Harbour pilots end strike after pay deal in Lakeport"

var origParas = []string{
	"Harbour pilots in Lakeport returned to work on Tuesday after their union accepted a pay offer that ended a nine-day strike which had left more than forty cargo ships waiting at anchor outside the port.",
	"\"We have a deal our members can live with,\" said Maria Okafor, the secretary of the pilots' union, speaking outside the harbour office. \"It was never only about money; it was about safety on night shifts.\"",
	"The port authority said the agreement raises pay by six percent over two years and adds a second pilot on every night-time approach for vessels longer than two hundred metres.",
	"Shipping agents said the backlog would take about a week to clear. Fruit importers had warned that cargoes of bananas and citrus were close to spoiling in the holds of the waiting ships.",
	"Lakeport's mayor, Daniel Brenner, welcomed the end of the dispute and said the city would review how the harbour is funded before the next round of talks in two years' time.",
	"The strike was the first by the pilots since the port was sold to a private operator in 2009, and it drew support from dock workers who refused to cross the picket line on its second day.",
}

func article(head string, paras []string) string {
	return head + "\n\n" + strings.Join(paras, "\n\n")
}

func spin(s string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestCopiesLinkEveryKindOfCopy(t *testing.T) {
	orig := article(origHead, origParas)
	dropped := append(append([]string{}, origParas[:2]...), origParas[3:]...)
	swapped := append([]string{}, origParas...)
	swapped[1], swapped[2] = swapped[2], swapped[1]
	cases := []struct {
		name, text string
	}{
		{"headline changed", article("LAKEPORT (Wire) - Pilots back at work as strike ends", origParas)},
		{"boilerplate added", article(origHead, append(append([]string{"Advertisement"}, origParas...),
			"Reporting by A. Writer; Editing by B. Editor", "Read more: Ferry fares to rise in spring", "© 2024 The Example Wire. All rights reserved."))},
		{"paragraph dropped", article(origHead, dropped)},
		{"paragraphs swapped", article(origHead, swapped)},
		{"end trimmed", article(origHead, origParas[:3])},
		{"spun words", spin(orig, "returned", "went back", "accepted", "approved", "said", "stated", "warned", "cautioned",
			"welcomed", "hailed", "backlog", "build-up", "spoiling", "rotting", "support", "backing")},
		{"quotes and dashes restyled", strings.NewReplacer("\"", "”", "'", "’", "-", " — ", " ", "  ").Replace(orig)},
		{"line breaks", strings.ReplaceAll(orig, "\n\n", "\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := New(DefaultConfig())
			l.Link(&Features{ID: "orig", Sig: Sign(orig)})
			got := l.Link(&Features{ID: "copy", Sig: Sign(c.text)})
			if got.DuplicateOf != "orig" {
				t.Errorf("copy not linked to its original (Jaccard %.2f, containment %.2f)",
					sigOf(orig).Jaccard(sigOf(c.text)), sigOf(orig).Containment(sigOf(c.text)))
			}
		})
	}
}

func sigOf(s string) *Signature { x := Sign(s); return &x }

// Two articles about one happening share names, figures and even a quote,
// but are not copies.
func TestCopiesKeepDifferentArticlesApart(t *testing.T) {
	other := "Ships move again at Lakeport as pilots' walkout ends\n\n" +
		"Cargo traffic resumed at Lakeport on Tuesday when harbour pilots called off a strike that had lasted nine days. " +
		"The dispute, over pay and the staffing of night shifts, had stranded dozens of vessels in the bay.\n\n" +
		"Maria Okafor, who leads the pilots' union, told reporters: \"We have a deal our members can live with.\" " +
		"Under the agreement pilots get six percent more over two years, and big ships arriving at night will carry two pilots.\n\n" +
		"Importers of fruit, who had feared losing whole cargoes, said they expected deliveries to return to normal by the end of next week. " +
		"Mayor Daniel Brenner said the city council would look again at the harbour's budget."
	l := New(DefaultConfig())
	l.Link(&Features{ID: "orig", Sig: Sign(article(origHead, origParas))})
	if got := l.Link(&Features{ID: "other", Sig: Sign(other)}); got.DuplicateOf != "" {
		t.Errorf("a different article about the same strike was linked as a copy of %q", got.DuplicateOf)
	}
}

// A copy of a copy points at the earliest document of the family.
func TestCopiesPointAtTheEarliest(t *testing.T) {
	orig := article(origHead, origParas)
	l := New(DefaultConfig())
	l.Link(&Features{ID: "a", Sig: Sign(orig)})
	l.Link(&Features{ID: "b", Sig: Sign(article("Pilots return", origParas[:4]))})
	got := l.Link(&Features{ID: "c", Sig: Sign(article("Pilots return", origParas[1:4]))})
	if got.DuplicateOf != "a" {
		t.Errorf("duplicate_of = %q, want the earliest, a", got.DuplicateOf)
	}
}

// The signature is the same in every process: a changed hash or seed
// would silently break every stored signature.
func TestSignatureIsStable(t *testing.T) {
	s := Sign("The quick brown fox jumps over the lazy dog near the river bank today.")
	if s.Shingles != 10 || s.Mins[0] != 0x7a2b2b2 || s.Mins[127] != 0x17ca0c47 {
		t.Fatalf("unexpected signature: %d shingles, first %#x", s.Shingles, s.Mins[0])
	}
	if s2 := Sign("the QUICK brown fox — jumps over the lazy dog near the river bank today"); s2 != s {
		t.Error("case and punctuation changed the signature")
	}
}

func TestNormWords(t *testing.T) {
	got := strings.Join(normWords("“Don’t” — he said,  \"don't\"; Zürich’s 6.5%"), " ")
	want := "don t he said don t zürich s 6 5"
	if got != want {
		t.Errorf("normWords = %q, want %q", got, want)
	}
}
