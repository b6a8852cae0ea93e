package actors

import (
	"strconv"
	"strings"
	"testing"
)

// article is a report written for this test with the traps of the founding
// article: a misspelt surname (Woodard), a surname never introduced (Sadiq),
// a role noun standing for him (the foreign minister), titles, and pronouns.
const article = `UN Security Council weighs future of Sudan mission

NEW YORK — British Ambassador Barbara Woodward told the Security Council on Thursday that the fighting in Darfur had reached “a catastrophic scale.” She urged both sides to let aid convoys through.

Sudan’s envoy Al-Harith Idriss rejected the criticism. He said the army was protecting civilians and accused the Rapid Support Forces of looting in El Fasher.

Sadiq told the council the government would reopen the Adre crossing for a further three months. “We are committed to the humanitarian track,” the foreign minister said.

Woodard said Britain would pay for new shelters in Chad, where more than half a million people have fled.

UN Secretary-General António Guterres warned that the famine could spread. The secretary-general said the mission needed more money. Mr. Guterres added that he would send an envoy to Port Sudan next week.`

func TestArticle(t *testing.T) {
	d := analyse(article)
	people := map[string][]string{
		"Barbara Woodward": {"British Ambassador Barbara Woodward", "She", "Woodard"},
		"Al-Harith Idriss": {"Sudan’s envoy Al-Harith Idriss", "He"},
		"Sadiq":            {"Sadiq", "the foreign minister"},
		"António Guterres": {"UN Secretary-General António Guterres", "The secretary-general", "Mr. Guterres", "he would"},
	}
	for name, aliases := range people {
		var ei = -2
		for _, al := range aliases {
			sp := find(t, article, al)
			mi := MentionAt(d, sp)
			if mi < 0 || d.Mentions[mi].Entity < 0 {
				t.Errorf("%q (%s) is no mention of an actor; mentions: %s", al, name, dump(d))
				continue
			}
			e := d.Mentions[mi].Entity
			if d.Entities[e].Name != name {
				t.Errorf("%q is a mention of %q, want %q", al, d.Entities[e].Name, name)
			}
			if ei == -2 {
				ei = e
			} else if ei != e {
				t.Errorf("%q is a mention of another entity than the other aliases of %s", al, name)
			}
		}
	}
	n := 0
	for _, e := range d.Entities {
		if e.Type == "PERSON" {
			n++
			if _, ok := people[e.Name]; !ok {
				t.Errorf("unexpected person %q", e.Name)
			}
		}
	}
	if n != len(people) {
		t.Errorf("found %d people, want %d", n, len(people))
	}
	roles := map[string][2]string{
		"Barbara Woodward": {"Ambassador", "United Kingdom"},
		"Al-Harith Idriss": {"envoy", "Sudan"},
		"Sadiq":            {"foreign minister", ""},
		"António Guterres": {"Secretary-General", "United Nations"},
	}
	for _, e := range d.Entities {
		if r, ok := roles[e.Name]; ok && (e.Role != r[0] || e.Affiliation != r[1]) {
			t.Errorf("%s: role %q of %q, want %q of %q", e.Name, e.Role, e.Affiliation, r[0], r[1])
		}
	}
	// ids follow the first mentions
	for i, e := range d.Entities {
		if want := "E" + strconv.Itoa(i+1); e.ID != want {
			t.Errorf("entity %d has id %s, want %s", i, e.ID, want)
		}
		if i > 0 && d.Mentions[e.Mentions[0]].Start < d.Mentions[d.Entities[i-1].Mentions[0]].Start {
			t.Errorf("entity %s is numbered out of the order of first mentions", e.ID)
		}
	}
	if !strings.Contains(dump(d), "Security Council") {
		t.Errorf("the Security Council is no actor: %s", dump(d))
	}
}
