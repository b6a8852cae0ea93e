package quantity

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

func analyse(t testing.TB, s string) *doc.Document {
	t.Helper()
	d := doc.New("t", s)
	text.Analyze(d)
	x, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	d.Quantities = Extract(x, d, nil)
	return d
}

// want is one expected figure: the quantity whose span holds the first
// occurrence of at (a piece of its number as written).
type want struct {
	at       string
	value    float64
	bound    string
	category string
	counts   string
	unit     string
	ordinal  bool
}

var cases = []struct {
	text string
	want []want
}{
	// casualty figures
	{"At least 12 soldiers were killed in the ambush on Sunday.", []want{{"12", 12, "min", "killed", "soldiers", "", false}}},
	{"Gunmen killed 30 villagers and wounded 14 others near the border.", []want{{"30", 30, "exact", "killed", "villagers", "", false}, {"14", 14, "exact", "wounded", "others", "", false}}},
	{"The blast left 7 dead and 22 injured, the ministry said.", []want{{"7", 7, "exact", "killed", "", "", false}, {"22", 22, "exact", "wounded", "", "", false}}},
	{"Two peacekeepers died when their convoy hit a mine.", []want{{"Two", 2, "exact", "killed", "peacekeepers", "", false}}},
	{"Nearly 40 civilians have been killed since the offensive began.", []want{{"40", 40, "max", "killed", "civilians", "", false}}},
	{"The strike killed at least 25 people, including children.", []want{{"25", 25, "min", "killed", "people", "", false}}},
	{"Officials said 300 people were injured in the clashes.", []want{{"300", 300, "exact", "wounded", "people", "", false}}},
	{"Dozens of protesters were arrested in the capital.", []want{{"Dozens", 12, "min", "arrested", "protesters", "", false}}},
	{"Hundreds of people fled their homes after the raid.", []want{{"Hundreds", 100, "min", "displaced", "people", "", false}}},
	{"Tens of thousands of residents have been displaced by the fighting.", []want{{"Tens", 10000, "min", "displaced", "residents", "", false}}},
	{"Police detained 45 demonstrators outside parliament.", []want{{"45", 45, "exact", "arrested", "demonstrators", "", false}}},
	{"Militants abducted 20 schoolgirls from the village.", []want{{"20", 20, "exact", "abducted", "schoolgirls", "", false}}},
	{"Armed men kidnapped three aid workers on the road to the camp.", []want{{"three", 3, "exact", "abducted", "aid workers", "", false}}},
	{"The death toll rose to 57 on Tuesday.", []want{{"57", 57, "exact", "killed", "", "", false}}},
	{"The death toll climbed to more than 100, rescuers said.", []want{{"100", 100, "min", "killed", "", "", false}}},
	{"Some 2,000 refugees crossed into the neighbouring country.", []want{{"2,000", 2000, "approx", "displaced", "refugees", "", false}}},
	{"The army said 15 militants were killed and 4 soldiers wounded.", []want{{"15", 15, "exact", "killed", "militants", "", false}, {"4", 4, "exact", "wounded", "soldiers", "", false}}},
	{"Up to 60 migrants are missing after the boat capsized.", []want{{"60", 60, "max", "missing", "migrants", "", false}}},
	{"A dozen soldiers were wounded in the attack.", []want{{"dozen", 12, "exact", "wounded", "soldiers", "", false}}},
	{"Eleven people lost their lives in the floods.", []want{{"Eleven", 11, "exact", "killed", "people", "", false}}},
	{"Scores of villagers were massacred, witnesses said.", []want{{"Scores", 20, "min", "killed", "villagers", "", false}}},
	{"The rebels said 8 of their fighters died in the battle.", []want{{"8", 8, "exact", "killed", "fighters", "", false}}},
	{"The attack caused 34 deaths, according to the hospital.", []want{{"34", 34, "exact", "killed", "deaths", "", false}}},
	{"Rescuers recovered 19 bodies from the rubble.", []want{{"19", 19, "exact", "killed", "bodies", "", false}}},
	{"Twenty soldiers and 30 civilians were killed in the raid.", []want{{"Twenty", 20, "exact", "killed", "soldiers", "", false}, {"30", 30, "exact", "killed", "civilians", "", false}}},
	{"The bombing killed 12 and wounded 40.", []want{{"12", 12, "exact", "killed", "", "", false}, {"40", 40, "exact", "wounded", "", "", false}}},
	{"Between 10 and 20 people were killed in the fire.", []want{{"10", 10, "min", "killed", "people", "", false}, {"20", 20, "max", "killed", "people", "", false}}},
	{"The unrest has caused 75 casualties so far.", []want{{"75", 75, "exact", "casualties", "casualties", "", false}}},
	{"Security forces reportedly arrested 150 opposition supporters.", []want{{"150", 150, "exact", "arrested", "supporters", "", false}}},
	{"The guerrillas are holding 23 hostages in the jungle.", []want{{"23", 23, "exact", "abducted", "hostages", "", false}}},
	{"Nine of the wounded were flown to the capital.", []want{{"Nine", 9, "exact", "wounded", "", "", false}}},

	// force sizes
	{"France will withdraw more than 2,500 troops from the region.", []want{{"2,500", 2500, "min", "troops", "troops", "", false}}},
	{"The 12,000-person mission has a budget problem.", []want{{"12,000", 12000, "exact", "personnel", "mission", "", false}}},
	{"A 5,000-strong force will patrol the border.", []want{{"5,000", 5000, "exact", "troops", "force", "", false}}},
	{"The council authorised 4,000 additional peacekeepers.", []want{{"4,000", 4000, "exact", "troops", "peacekeepers", "", false}}},
	{"About 1,200 Malian soldiers took part in the operation.", []want{{"1,200", 1200, "approx", "troops", "soldiers", "", false}}},
	{"Roughly 800 mercenaries are deployed in the country.", []want{{"800", 800, "approx", "troops", "mercenaries", "", false}}},
	{"The mission has 300 civilian staff in the north.", []want{{"300", 300, "exact", "personnel", "staff", "", false}}},
	{"Russia sent 2000 troops to the base.", []want{{"2000", 2000, "exact", "troops", "troops", "", false}}},
	{"Fewer than 500 police officers guard the city.", []want{{"500", 500, "max", "troops", "officers", "", false}}},
	{"Over 3,000 fighters joined the coalition.", []want{{"3,000", 3000, "min", "troops", "fighters", "", false}}},

	// other counted nouns
	{"The four countries that sent troops are leaving.", []want{{"four", 4, "exact", "countries", "countries", "", false}}},
	{"The deal was signed by three parties in 2015.", []want{{"three", 3, "exact", "parties", "parties", "", false}}},
	{"He suggested three options for the mission.", []want{{"three", 3, "exact", "options", "options", "", false}}},
	{"Twenty-five countries voted for the resolution.", []want{{"Twenty-five", 25, "exact", "countries", "countries", "", false}}},
	{"The US has imposed several waves of sanctions.", []want{{"several", 3, "min", "waves", "waves", "", false}}},
	{"Voters will elect two hundred and fifty deputies.", []want{{"two hundred", 250, "exact", "deputies", "deputies", "", false}}},
	{"The region has 1.5 million inhabitants.", []want{{"1.5", 1500000, "exact", "inhabitants", "inhabitants", "", false}}},
	{"Almost five million people need food aid.", []want{{"five", 5000000, "max", "people", "people", "", false}}},
	{"A hundred delegates attended the summit.", []want{{"hundred", 100, "exact", "delegates", "delegates", "", false}}},
	{"Officials counted 100 or more vehicles at the crossing.", []want{{"100", 100, "min", "vehicles", "vehicles", "", false}}},
	{"The plan has 10 points and two annexes.", []want{{"10", 10, "exact", "points", "points", "", false}, {"two", 2, "exact", "annexes", "annexes", "", false}}},
	{"Thousands of people marched in the capital.", []want{{"Thousands", 1000, "min", "people", "people", "", false}}},
	{"Three more were killed in a second attack.", []want{{"Three", 3, "exact", "killed", "", "", false}, {"second", 2, "exact", "attack", "attack", "", true}}},
	{"The firm reported a loss of $443.6 million Thursday.", []want{{"443.6", 443600000, "exact", "money", "", "USD", false}}},
	{"It is now a three-person race for the nomination.", []want{{"three", 3, "exact", "race", "race", "", false}}},
	{"The agency has spent hundreds of millions of dollars on the programme.", []want{{"hundreds", 100000000, "min", "money", "", "USD", false}}},
	{"Moscow freed four Russians held by the authorities.", []want{{"four", 4, "exact", "russians", "Russians", "", false}}},
	{"The 40-page report includes a list of abuses.", []want{{"40", 40, "exact", "page", "report", "", false}}},
	{"Investigators found 12 messages on the committee's server.", []want{{"12", 12, "exact", "messages", "messages", "", false}}},
	{"Serb forces killed three ethnic Albanians near the border.", []want{{"three", 3, "exact", "killed", "Albanians", "", false}}},
	{"The president will mediate between the two West African neighbours.", []want{{"two", 2, "exact", "neighbours", "neighbours", "", false}}},
	{"She was the first Nordic Council foreign minister to come.", []want{{"first", 1, "exact", "minister", "minister", "", true}}},
	{"The fighting has forced more than 12,000 people from their homes.", []want{{"12,000", 12000, "min", "displaced", "people", "", false}}},
	{"Smith has 11 delegates, Jones has 10 and Brown has four.", []want{{"11", 11, "exact", "delegates", "delegates", "", false}, {"10", 10, "exact", "delegates", "delegates", "", false}, {"four", 4, "exact", "delegates", "delegates", "", false}}},
	{"Two of the five largest districts voted no.", []want{{"Two", 2, "exact", "districts", "districts", "", false}, {"five", 5, "exact", "districts", "districts", "", false}}},
	{"Two Democratic presidential candidates spoke.", []want{{"Two", 2, "exact", "candidates", "presidential candidates", "", false}}},
	{"Mary Jones, 59, of Kano said she had fled.", []want{{"59", 59, "exact", "age", "", "", false}}},
	{"The raid killed 12 people, including three children.", []want{{"12", 12, "exact", "killed", "people", "", false}, {"three", 3, "exact", "killed", "children", "", false}}},
	{"The death toll from Friday's attack on the market rose to 40.", []want{{"40", 40, "exact", "killed", "", "", false}}},
	{"The storm claimed the lives of 30 fishermen.", []want{{"30", 30, "exact", "killed", "fishermen", "", false}}},
	{"Rights groups condemned the arrest of 12 journalists.", []want{{"12", 12, "exact", "arrested", "journalists", "", false}}},
	{"An estimated 1.2 million people have been displaced.", []want{{"1.2", 1200000, "approx", "displaced", "people", "", false}}},
	{"At least 20 people were killed and dozens wounded.", []want{{"20", 20, "min", "killed", "people", "", false}, {"dozens", 12, "min", "wounded", "people", "", false}}},
	{"The bombing left 12 people dead.", []want{{"12", 12, "exact", "killed", "people", "", false}}},
	{"One soldier was killed, the army said.", []want{{"One", 1, "exact", "killed", "soldier", "", false}}},

	// ordinals
	{"It was his second coup in nine months.", []want{{"second", 2, "exact", "coup", "coup", "", true}}},
	{"The council held its third meeting on the crisis.", []want{{"third", 3, "exact", "meeting", "meeting", "", true}}},
	{"Mali's fourth transition began last year.", []want{{"fourth", 4, "exact", "transition", "transition", "", true}}},
	{"The 3rd brigade moved north.", []want{{"3rd", 3, "exact", "brigade", "brigade", "", true}}},

	// percentages and money
	{"Turnout was 42 percent, the commission said.", []want{{"42", 42, "exact", "percent", "", "%", false}}},
	{"Prices rose by 12.5% in March.", []want{{"12.5", 12.5, "exact", "percent", "", "%", false}}},
	{"Support fell to about 30 per cent.", []want{{"30", 30, "approx", "percent", "", "%", false}}},
	{"The fund pledged $2.5 billion in aid.", []want{{"2.5", 2500000000, "exact", "money", "", "USD", false}}},
	{"Donors gave more than $300 million last year.", []want{{"300", 300000000, "min", "money", "", "USD", false}}},
	{"The deal is worth €40m over five years.", []want{{"40m", 40000000, "exact", "money", "", "EUR", false}}},
	{"The bank lent 500 million dollars to the government.", []want{{"500", 500000000, "exact", "money", "", "USD", false}}},
	{"Fines of up to 10,000 CFA francs were imposed.", []want{{"10,000", 10000, "max", "money", "", "XOF", false}}},
	{"The convoy travelled 120 kilometres to the camp.", []want{{"120", 120, "exact", "distance", "", "km", false}}},
	{"The town lies 40km north of the capital.", []want{{"40km", 40, "exact", "distance", "", "km", false}}},
}

// none lists sentences whose numbers are not quantities: years, dates,
// durations, times of day, names.
var none = []string{
	"Mali has struggled with an insurgency since 2012.",
	"In August 2020, the president was overthrown.",
	"The 2015 peace agreement was signed in Algiers.",
	"The vote is planned for 12 March.",
	"The meeting started on July 13 at the headquarters.",
	"The talks lasted nine years without result.",
	"Troops left after a three-day operation.",
	"A 25-year-old man was arrested.",
	"The council adopted Resolution 2100 unanimously.",
	"The curfew starts at 10:30 every night.",
	"The attack happened at 5 a.m. local time.",
	"It is one of the most difficult environments.",
	"No one claimed the attack.",
	"Elections took place in the 1990s.",
	"He first said the report was wrong.",
	"The mandate expanded in 2019 without additional personnel.",
	"The results are due on Sept. 30 in the capital.",
	"The treaty was signed in nineteen ninety-six.",
	"Profits rose in the first nine months.",
	"Repairs will take two to three weeks.",
	"Shares fell for eight trading days.",
	"Sales were weak in the third quarter.",
	"The plan covers the next 12 to 18 months.",
	"The company was founded in the year two thousand.",
	"Posted February 6, 2016 8:21PM by the editor.",
	"If one adds the northern states, the total changes.",
	"The forum on the Third World opened in the capital.",
	"Nearly one third of the city has no power.",
	"Workers will receive a one-off payment.",
	"1. The economy comes first in the list.",
	"The points are these: 2) the budget must balance.",
	"The court examined crimes of the 1991-1995 war.",
	"The tweet carried the timestamp 1449075600 in its metadata.",
}

func find(d *doc.Document, at string) *doc.Quantity {
	off := strings.Index(d.Text, at)
	if off < 0 {
		return nil
	}
	sp := doc.Span{Start: off, End: off + len(at)}
	for i := range d.Quantities {
		if d.Quantities[i].Overlaps(sp) {
			return &d.Quantities[i]
		}
	}
	return nil
}

func TestQuantities(t *testing.T) {
	n := 0
	for _, c := range cases {
		d := analyse(t, c.text)
		for _, w := range c.want {
			n++
			q := find(d, w.at)
			if q == nil {
				t.Errorf("%q: no quantity at %q; got %s", c.text, w.at, dump(d))
				continue
			}
			got := want{w.at, q.Value, q.Bound, q.Category, q.Counts, q.Unit, q.Ordinal}
			if got != w {
				t.Errorf("%q: at %q\n got  value=%v bound=%s category=%q counts=%q unit=%q ordinal=%v\n want value=%v bound=%s category=%q counts=%q unit=%q ordinal=%v",
					c.text, w.at, got.value, got.bound, got.category, got.counts, got.unit, got.ordinal,
					w.value, w.bound, w.category, w.counts, w.unit, w.ordinal)
			}
		}
	}
	if n < 60 {
		t.Errorf("the table has %d expected figures; the issue asks for at least 60", n)
	}
}

func TestNotQuantities(t *testing.T) {
	for _, s := range none {
		d := analyse(t, s)
		if len(d.Quantities) > 0 {
			t.Errorf("%q: want no quantity, got %s", s, dump(d))
		}
	}
}

// Numbers inside a temporal expression belong to the timex stage.
func TestSkipsTimexes(t *testing.T) {
	s := "Four soldiers were killed over the past four days."
	d := doc.New("t", s)
	text.Analyze(d)
	i := strings.Index(s, "the past four days")
	d.Timexes = []doc.Timex{{Span: doc.Span{Start: i, End: i + len("the past four days")}, Type: "DURATION", Value: "P4D"}}
	x, _ := Load()
	d.Quantities = Extract(x, d, nil)
	if len(d.Quantities) != 1 || d.Quantities[0].Value != 4 || d.Quantities[0].Category != "killed" {
		t.Errorf("want only the four killed, got %s", dump(d))
	}
}

// Debris flagged by the quality stage yields no figures.
func TestSkipsFlagged(t *testing.T) {
	s := "Clashes killed 14 people. increase. 300 soldiers did."
	d := doc.New("t", s)
	text.Analyze(d)
	i := strings.Index(s, "300")
	d.Flags = []doc.Flag{{Span: doc.Span{Start: i, End: len(s)}, Kind: "orphan_fragment"}}
	x, _ := Load()
	d.Quantities = Extract(x, d, nil)
	if len(d.Quantities) != 1 || d.Quantities[0].Value != 14 {
		t.Errorf("want only the 14 killed, got %s", dump(d))
	}
}

// The elliptical second figure counts what the first one counts.
func TestEllipsisCounts(t *testing.T) {
	d := analyse(t, "The mission has lost 90 of its peacekeepers killed and 310 wounded since 2014.")
	q := find(d, "310")
	if q == nil || q.Counts != "peacekeepers" || q.Category != "wounded" {
		t.Errorf("want 310 wounded peacekeepers, got %s", dump(d))
	}
}

func TestDataFiles(t *testing.T) {
	x, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// The events stage relies on these categories (docs/QUANTITIES.md).
	for _, c := range []string{Killed, Wounded, Displaced, Arrested, Abducted, Missing, Casualties, Troops, Personnel} {
		found := false
		for _, cw := range x.cats {
			if cw.category == c {
				found = true
			}
		}
		if !found {
			t.Errorf("category %q is documented but no word in categories.txt gives it", c)
		}
	}
	// Every normalised category a data file gives must be one of the
	// documented constants, so that a typo cannot slip past the events stage.
	for w, cw := range x.cats {
		if (cw.role == rVerb || cw.role == rState || cw.role == rNoun) && !IsCasualty(cw.category) {
			t.Errorf("categories.txt: %q gives %q, which is not a documented casualty category", w, cw.category)
		}
		if (cw.role == rForce || cw.role == rSuffix || cw.role == rUnit) && !IsForce(cw.category) {
			t.Errorf("categories.txt: %q gives %q, which is not a documented force category", w, cw.category)
		}
	}
}

func dump(d *doc.Document) string {
	var b strings.Builder
	b.WriteString("[")
	for _, q := range d.Quantities {
		fmt.Fprintf(&b, " {%q %v %s cat=%q counts=%q unit=%q}", d.Slice(q.Span), q.Value, q.Bound, q.Category, q.Counts, q.Unit)
	}
	b.WriteString(" ]")
	return b.String()
}

// FuzzExtract checks that any text gives quantities whose spans lie inside
// it, without panics.
func FuzzExtract(f *testing.F) {
	for _, c := range cases {
		f.Add(c.text)
	}
	for _, s := range none {
		f.Add(s)
	}
	f.Add("1-\u2010 2,00 $ % one- -five a a dozen of of 10:")
	x, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := doc.New("f", s)
		text.Analyze(d)
		for _, q := range Extract(x, d, nil) {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End {
				t.Fatalf("span %v out of the text %q", q.Span, s)
			}
		}
	})
}
