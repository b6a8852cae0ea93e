package quotes

import (
	"strings"
	"testing"
)

// cueCase is a case checked on its cue span alone: some quote of the text
// has exactly that cue, or, when the cue starts with "!", no quote's cue
// contains that word.
type cueCase struct{ name, text, cue string }

var cueCases = []cueCase{
	// the particle of a phrasal verb belongs to the cue
	{"laid out", "The mayor laid out her plan to rebuild the harbour on Monday.", "laid out"},
	{"shrugged off", "Okafor shrugged off the criticism from the dockers' union.", "shrugged off"},
	{"shot back", "The minister shot back that the union had never asked for talks.", "shot back"},
	{"spoke up for", "Two union leaders spoke up for the plan on Monday.", "spoke up for"},
	{"said up to is no particle", "The police said up to 50 people had been hurt.", "said"},
	// after a particle or an adverb, the verb's preposition joins the cue
	{"spoke out against", "The bishop spoke out against the new border fence.", "spoke out against"},
	{"commented briefly on", "The minister commented briefly on the ferry accident.", "commented briefly on"},
	{"adverb then a day stays out", "The mayor complained bitterly on Monday that the ferry was late.", "complained bitterly"},
	// "earlier" after the verb is the writer's time phrase (PolNeAR train:
	// never inside the cue)
	{"said earlier", "The mayor said earlier that the ferry would run all winter.", "said"},
	// the agent's "by" stays out of a passive cue (PolNeAR train 53 to 18;
	// dev leans the other way, 2 to 5)
	{"passive by", "The closure was announced by the harbour board.", "was announced"},
	// "in an interview" stays out of the cue (train 28 to 9; dev 1 to 3),
	// "in a statement" joins it (train 42 to 21)
	{"said in an interview", "Okafor said in an interview that the port would reopen.", "said"},
	{"said in a statement", "The ministry said in a statement that the port would reopen.", "said in a statement"},
	// "since" between an auxiliary and the verb is an adverb of the group
	{"have since denounced", "Several union leaders, including Ann Lee and Tom Ray, have since denounced the plan.", "have since denounced"},
	// "when asked": a cue of its own, with no source
	{"when asked", "“We will appeal,” Okafor said when asked whether the union would fight on.", "asked"},
	{"when asked keeps the first quote", "“We will appeal,” Okafor said when asked whether the union would fight on.", "said"},
	// a sure cue keeps its statement with no source in the sentence
	{"appeared to blame", "The minister appeared to blame the union for the delays.", "appeared"},
	// a verb written into the pronoun before the cue opens the cue
	{"they've said", "They've said the ferry will run all winter.", "'ve said"},
	{"we're convinced", "We’re convinced that the pier must reopen.", "’re convinced"},
	{"who'd argued", "Dockers who'd argued for the strike were disappointed.", "'d argued for"},
}

func TestCues(t *testing.T) {
	for _, c := range cueCases {
		d := extract(c.text)
		var got []string
		ok := strings.HasPrefix(c.cue, "!")
		for _, q := range d.Quotes {
			cue := d.Slice(q.Cue)
			got = append(got, cue)
			if ok && strings.Contains(" "+cue+" ", " "+c.cue[1:]+" ") {
				ok = false
				break
			}
			if cue == c.cue {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: want cue %q in %q; got cues %q", c.name, c.cue, c.text, got)
		}
	}
}

// The content of the statement before "when asked" ends before "when".
func TestWhenAskedContent(t *testing.T) {
	d := extract("“We will appeal,” Okafor said when asked whether the union would fight on.")
	for _, q := range d.Quotes {
		if d.Slice(q.Cue) == "said" && d.Slice(q.Content) != "We will appeal" {
			t.Errorf("content of said: got %q, want %q", d.Slice(q.Content), "We will appeal")
		}
	}
}
