package events

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// at returns the span of the first occurrence of sub in d's text.
func at(t *testing.T, d *doc.Document, sub string) doc.Span {
	t.Helper()
	i := strings.Index(d.Text, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

// TestLayers feeds the coder the layers the other stages make and checks
// that it uses them: entities for names, quotes for claimants, timexes
// for dates, quantities for the dead and injured, flags for debris.
func TestLayers(t *testing.T) {
	d := doc.New("t", "The US said on Monday that it would keep its embassy open. "+
		"Last week the Republic of Tarvia expelled two US diplomats, the envoy said. "+
		"“Gunmen attacked the camp,” Colonel Ana Ruiz said. "+
		"Rebels shelled Norbury on Tuesday, killing 12 people and wounding 30. "+
		"the army clear withdrew to barracks moon.")
	d.Published = "2024-03-08"
	text.Analyze(d)
	us := at(t, d, "The US")
	d.Entities = []doc.Entity{{ID: "E1", Name: "United States", Type: "GPE"}, {ID: "E2", Name: "Tarvia", Type: "GPE"}, {ID: "E3", Name: "Ana Ruiz", Type: "PERSON"}, {ID: "E4", Name: "Norbury", Type: "GPE"}}
	d.Mentions = []doc.Mention{
		{Span: us, Type: "GPE", Entity: 0, Kind: "name"},
		{Span: at(t, d, "Republic of Tarvia"), Type: "GPE", Entity: 1, Kind: "name"},
		{Span: at(t, d, "Ana Ruiz"), Type: "PERSON", Entity: 2, Kind: "name"},
		{Span: at(t, d, "Norbury"), Type: "GPE", Entity: 3, Kind: "name"},
	}
	d.Quotes = []doc.Quote{{Kind: "direct", Content: at(t, d, "Gunmen attacked the camp,"), Speaker: 2}}
	d.Timexes = []doc.Timex{{Span: at(t, d, "Last week"), Type: "DATE", Value: "2024-W09"}, {Span: at(t, d, "Tuesday"), Type: "DATE", Value: "2024-03-05"}}
	d.Quantities = []doc.Quantity{{Span: at(t, d, "12 people"), Value: 12, Category: "killed"}, {Span: at(t, d, "30"), Value: 30, Category: "wounded"}}
	d.Flags = []doc.Flag{{Span: at(t, d, "the army clear withdrew to barracks moon."), Kind: "word_salad", Why: "test"}}
	if err := (Stage{}).Process(d); err != nil {
		t.Fatal(err)
	}
	find := func(typ string) *doc.Event {
		for i := range d.Events {
			if d.Events[i].Type == typ {
				return &d.Events[i]
			}
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, e.Type+" "+d.Slice(e.Trigger))
		}
		t.Fatalf("no %s event; got %v", typ, got)
		return nil
	}
	sanction := find("SANCTION")
	if len(sanction.Actor) != 1 || sanction.Actor[0].Name != "Tarvia" || sanction.Actor[0].Entity != 1 {
		t.Errorf("SANCTION actor %+v, want the entity Tarvia", sanction.Actor)
	}
	if sanction.Date != "2024-W09" || sanction.DateFrom != "timex" {
		t.Errorf("SANCTION date %q from %q, want 2024-W09 from timex", sanction.Date, sanction.DateFrom)
	}
	attack := find("ASSAULT")
	if attack.Modality != "claimed" || attack.Claimant != 2 {
		t.Errorf("the quoted attack: modality %q claimant %d, want claimed by entity 2", attack.Modality, attack.Claimant)
	}
	var shelling *doc.Event
	for i := range d.Events {
		if strings.HasPrefix(d.Slice(d.Events[i].Trigger), "shelled") {
			shelling = &d.Events[i]
		}
	}
	if shelling == nil {
		t.Fatal("no event for the shelling")
	}
	if shelling.Dead == nil || *shelling.Dead != 12 || shelling.Injured == nil || *shelling.Injured != 30 {
		t.Errorf("shelling dead %v injured %v, want 12 and 30", shelling.Dead, shelling.Injured)
	}
	if shelling.Date != "2024-03-05" {
		t.Errorf("shelling date %q, want 2024-03-05", shelling.Date)
	}
	if len(shelling.Recipient) == 0 || shelling.Recipient[0].Name != "Norbury" {
		t.Errorf("shelling recipient %+v, want Norbury", shelling.Recipient)
	}
	retreat := find("RETREAT")
	if !retreat.Debris {
		t.Errorf("the event in flagged text is not marked as debris")
	}
	if sanction.Debris || attack.Debris {
		t.Errorf("events in clean text are marked as debris")
	}
}

// TestEmpty: no text, no sentences, no events, no panic.
func TestEmpty(t *testing.T) {
	for _, s := range []string{"", " ", "“", "attack", "The the the.", "— ; : ,"} {
		d := doc.New("t", s)
		text.Analyze(d)
		if err := (Stage{}).Process(d); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}

// TestData checks the shipped dictionaries: every line compiles, every
// category has patterns, and a bad line is reported with its place.
func TestData(t *testing.T) {
	L := getLex()
	n := map[string]int{}
	for _, p := range L.patterns {
		n[p.typ]++
	}
	for _, c := range Categories {
		if n[c] == 0 {
			t.Errorf("no pattern for %s", c)
		}
	}
	bad := map[string]string{
		"verbs.txt": "attack | ATTACK |\n",
		"nouns.txt": "... | ASSAULT |\n",
		"words.txt": "the | article\n",
	}
	for file, line := range bad {
		_, err := compile(func(name string) (string, error) {
			if name == file {
				return line, nil
			}
			return readData(name)
		})
		if err == nil || !strings.Contains(err.Error(), file) {
			t.Errorf("a bad line in %s gave error %v, want one naming the file", file, err)
		}
	}
}

// TestInflect covers the regular forms the matcher relies on.
func TestInflect(t *testing.T) {
	for w, want := range map[string][]string{
		"ban":     {"bans", "banned", "banning"},
		"seize":   {"seizes", "seized", "seizing"},
		"deploy":  {"deploys", "deployed", "deploying"},
		"bury":    {"buries", "buried"},
		"impeach": {"impeaches", "impeached"},
	} {
		got := strings.Join(inflect(w, nil), " ")
		for _, f := range want {
			if !strings.Contains(" "+got+" ", " "+f+" ") {
				t.Errorf("inflect(%q) = %q, missing %q", w, got, f)
			}
		}
	}
}
