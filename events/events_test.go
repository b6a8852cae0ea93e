package events

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// code runs the coder alone over a text, with every other layer empty, as
// when the events stage runs without the actors, quotes or timex stages.
func code(t *testing.T, s string) *doc.Document {
	t.Helper()
	d := doc.New("t", s)
	d.Published = "2024-03-08"
	text.Analyze(d)
	if err := (Stage{}).Process(d); err != nil {
		t.Fatalf("Process: %v", err)
	}
	return d
}

func argText(as []doc.Argument) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, a.Text)
	}
	return strings.Join(parts, " + ")
}

// The table: one hand-written news sentence a row, with the event it must
// yield. actor and recipient are substrings of the argument texts joined
// by " + " ("" means not checked, "-" means none); flags are negated,
// future, hypothetical, claimed.
var table = []struct {
	text, typ, mode, actor, recipient, flag string
}{
	// AGREE
	{"Officials from Norway and Chile agreed on Monday to extend their fishing accord.", "AGREE", "", "Norway + Chile", "", ""},
	{"The rebel council has promised to free all child soldiers by the end of the year.", "AGREE", "", "rebel council", "", ""},
	{"Portugal offered to host the next round of talks between the two factions.", "AGREE", "", "Portugal", "", ""},
	{"The two governments reached an agreement on sharing water from the river.", "AGREE", "", "governments", "", ""},
	{"Estonia will send two hundred engineers to rebuild the bridge, the ministry said.", "AGREE", "", "Estonia", "", ""},
	{"Kenya said it is willing to mediate between the neighbours.", "AGREE", "", "Kenya", "", ""},
	// CONSULT
	{"The Peruvian foreign minister met President Lula in Brasilia on Tuesday.", "CONSULT", "", "Peruvian foreign minister", "Lula", ""},
	{"Delegations from Armenia and Azerbaijan held talks in Geneva.", "CONSULT", "", "Armenia + Azerbaijan", "", ""},
	{"The Japanese prime minister telephoned his Australian counterpart late on Sunday.", "CONSULT", "phone", "Japanese prime minister", "", ""},
	{"The Austrian chancellor visited Kyiv this week.", "CONSULT", "visit", "Austrian chancellor", "Kyiv", ""},
	{"Qatar hosted envoys from both sides at a seaside resort.", "CONSULT", "host", "Qatar", "", ""},
	// SUPPORT
	{"The Danish government praised the election commission for its handling of the vote.", "SUPPORT", "", "Danish government", "election commission", ""},
	{"Brazil welcomed the decision of the court.", "SUPPORT", "", "Brazil", "", ""},
	{"Mongolia and Laos signed a treaty of friendship on Friday.", "SUPPORT", "", "Mongolia + Laos", "", ""},
	{"The union endorsed Senator Alvarez for the nomination.", "SUPPORT", "", "union", "Alvarez", ""},
	{"Ghana established diplomatic relations with Bhutan last year.", "SUPPORT", "", "Ghana", "Bhutan", ""},
	// COOPERATE
	{"Spain extradited a suspected smuggler to Morocco on Wednesday.", "COOPERATE", "legal", "Spain", "", ""},
	{"Thai and Malaysian police shared intelligence on the trafficking ring.", "COOPERATE", "intelligence", "Thai + Malaysian police", "", ""},
	{"Indian and Omani warships conducted joint exercises in the Arabian Sea.", "COOPERATE", "military", "Indian + Omani warships", "", ""},
	// AID
	{"Sweden gave Mozambique 40 million dollars in flood relief.", "AID", "economic", "Sweden", "Mozambique", ""},
	{"The World Bank granted a loan to Sri Lanka for road repairs.", "AID", "economic", "World Bank", "Sri Lanka", ""},
	{"Turkey has been sending drones and ammunition to the militia.", "AID", "military", "Turkey", "", ""},
	{"Canada granted asylum to six journalists who fled the crackdown.", "AID", "asylum", "Canada", "", ""},
	{"Relief agencies delivered food and medicine to the besieged town.", "AID", "humanitarian", "Relief agencies", "", ""},
	// CONCEDE
	{"The junta lifted the curfew in the capital after a week of calm.", "CONCEDE", "", "junta", "", ""},
	{"The ministry accepted the demands of the striking nurses.", "CONCEDE", "", "ministry", "", ""},
	{"The teachers' union called off the strike after the pay offer.", "CONCEDE", "", "union", "", ""},
	{"The president pardoned forty political prisoners on Independence Day.", "CONCEDE", "", "president", "", ""},
	// RETREAT
	{"Belgium withdrew its troops from the border region.", "RETREAT", "withdraw", "Belgium", "", ""},
	{"The kidnappers released two Italian engineers on Saturday.", "RETREAT", "release", "kidnappers", "", ""},
	{"The insurgents declared a ceasefire for the religious holiday.", "RETREAT", "ceasefire", "insurgents", "", ""},
	{"The defence minister resigned after the scandal.", "RETREAT", "", "defence minister", "", ""},
	{"About three hundred fighters surrendered to the army near the lake.", "RETREAT", "disarm", "fighters", "", ""},
	// REQUEST
	{"Uruguay demanded that Paraguay reopen the border crossing.", "REQUEST", "", "Uruguay", "Paraguay", ""},
	{"The European Parliament called for an inquiry into the shooting.", "REQUEST", "", "European Parliament", "", ""},
	{"Aid groups urged the government to open the airport to relief flights.", "REQUEST", "", "Aid groups", "government", ""},
	{"Tunisia asked the IMF for a second loan.", "REQUEST", "", "Tunisia", "IMF", ""},
	{"Senegal said Gambia must hand over the suspects.", "REQUEST", "", "Senegal", "Gambia", ""},
	// ACCUSE
	{"Ecuador accused Colombia of harbouring the gang leaders.", "ACCUSE", "disapprove", "Ecuador", "Colombia", ""},
	{"The opposition condemned the arrest of the mayor.", "ACCUSE", "disapprove", "opposition", "", ""},
	{"Prosecutors opened an investigation into the contracts awarded by the ministry.", "ACCUSE", "investigate", "Prosecutors", "", ""},
	{"The watchdog blamed the police for the deaths of the protesters.", "ACCUSE", "disapprove", "watchdog", "police", ""},
	{"Lithuania summoned the Belarusian ambassador over the border incident.", "ACCUSE", "disapprove", "Lithuania", "", ""},
	// REJECT
	{"Serbia rejected the proposal to hold a referendum in the north.", "REJECT", "", "Serbia", "", ""},
	{"The rebels refused to lay down their weapons.", "REJECT", "", "rebels", "", ""},
	{"Russia vetoed the draft resolution on Thursday.", "REJECT", "", "Russia", "", ""},
	{"The parties failed to reach agreement on the new constitution.", "REJECT", "", "parties", "", ""},
	{"The mayor declined to resign despite the protests.", "REJECT", "", "mayor", "", ""},
	// THREATEN
	{"Iran threatened to close the strait to tankers.", "THREATEN", "", "Iran", "", ""},
	{"The militia warned of reprisals against the villagers.", "THREATEN", "", "militia", "", ""},
	{"The farmers said they would blockade the ports if prices fell again.", "THREATEN", "", "farmers", "", ""},
	{"The general vowed to crush the uprising within days.", "THREATEN", "", "general", "", ""},
	{"The union threatened a general strike over pension cuts.", "THREATEN", "", "union", "", ""},
	// PROTEST
	{"Thousands of students demonstrated in the capital on Saturday.", "PROTEST", "demo", "students", "", ""},
	{"Dock workers went on strike over unpaid wages.", "PROTEST", "boycott", "Dock workers", "", ""},
	{"Farmers blocked roads with tractors to demand lower fuel prices.", "PROTEST", "obstruct", "Farmers", "", ""},
	{"Inmates rioted at the central prison overnight.", "PROTEST", "riot", "Inmates", "", ""},
	{"Five detainees began a hunger strike to protest their detention.", "PROTEST", "hunger", "detainees", "", ""},
	// MOBILIZE
	{"Venezuela mobilized troops along its eastern border.", "MOBILIZE", "troops", "Venezuela", "", ""},
	{"The police were put on high alert ahead of the verdict.", "MOBILIZE", "troops", "", "", ""},
	{"Ethiopia deployed tanks near the disputed town.", "MOBILIZE", "troops", "Ethiopia", "", ""},
	// SANCTION
	{"The European Union imposed sanctions on three generals.", "SANCTION", "", "European Union", "generals", ""},
	{"Norway expelled two Russian diplomats for spying.", "SANCTION", "expel", "Norway", "Russian diplomats", ""},
	{"Washington suspended military aid to the government.", "SANCTION", "discontinue", "Washington", "government", ""},
	{"Morocco recalled its ambassador from Madrid.", "SANCTION", "withdraw", "Morocco", "", ""},
	{"Bolivia broke off relations with Israel.", "SANCTION", "withdraw", "Bolivia", "Israel", ""},
	// COERCE
	{"Police arrested twelve activists outside the parliament.", "COERCE", "arrest", "Police", "activists", ""},
	{"The authorities imposed a curfew on the port city.", "COERCE", "curfew", "authorities", "", ""},
	{"The government banned the largest opposition party.", "COERCE", "ban", "government", "opposition party", ""},
	{"Soldiers seized the state broadcaster before dawn.", "COERCE", "confiscate", "Soldiers", "", ""},
	{"The army overthrew the elected government in a bloodless coup.", "COERCE", "coup", "army", "", ""},
	{"Gunmen kidnapped a French aid worker in the north.", "COERCE", "abduct", "Gunmen", "", ""},
	{"Officials cited severe restrictions imposed by the military on humanitarian convoys.", "COERCE", "restrict movement", "military", "", ""},
	// ASSAULT
	{"Insurgents attacked a police station in the south, killing four officers.", "ASSAULT", "", "Insurgents", "police station", ""},
	{"Government jets bombed rebel positions near the airport.", "ASSAULT", "explosives", "Government jets", "", ""},
	{"Troops opened fire on the crowd outside the stadium.", "ASSAULT", "firearms", "Troops", "", ""},
	{"Eleven villagers were killed by the militia on Sunday.", "ASSAULT", "", "militia", "villagers", ""},
	{"A car bomb killed six people near the market.", "ASSAULT", "", "", "", ""},
	{"Raiders torched the village and shot two herders.", "ASSAULT", "firearms", "Raiders", "", ""},
	// synonyms
	{"The cabinet turned down the offer of Chinese loans.", "REJECT", "", "cabinet", "", ""},
	{"Masked men gunned down a judge outside his home.", "ASSAULT", "firearms", "men", "judge", ""},
	{"Switzerland froze the assets of four ministers.", "SANCTION", "", "Switzerland", "", ""},
	{"The junta shut down the last independent radio station.", "COERCE", "restrict", "junta", "", ""},
	// compound actors
	{"France, Germany and Italy imposed sanctions on the airline.", "SANCTION", "", "France + Germany + Italy", "airline", ""},
	{"The United States and Britain condemned the test launch.", "ACCUSE", "disapprove", "United States + Britain", "", ""},
	// negation
	{"The army did not attack the refugee camp, a spokesman said.", "ASSAULT", "", "army", "", "negated"},
	{"No one was injured in the blast.", "ASSAULT", "", "", "", "negated"},
	{"The government never arrested the journalists.", "COERCE", "arrest", "government", "", "negated"},
	{"Chad will not send peacekeepers to the mission.", "REJECT", "", "Chad", "", ""},
	// future and hypothetical
	{"Poland plans to expel the diplomats next week.", "SANCTION", "expel", "Poland", "", "future"},
	{"The rebels could attack the convoy if it enters the valley.", "THREATEN", "", "rebels", "", ""},
	{"Observers said the ministry might arrest the organisers.", "COERCE", "arrest", "ministry", "", "hypothetical"},
	// claims: inside a quotation
	{"“The army bombed our homes,” the village elder said.", "ASSAULT", "explosives", "army", "", "claimed"},
	{"The minister said: “They arrested my brother without a warrant.”", "COERCE", "arrest", "They", "", "claimed"},
}

func TestTable(t *testing.T) {
	if len(table) < 80 {
		t.Fatalf("the table has %d sentences; the issue asks for at least 80", len(table))
	}
	seen := map[string]bool{}
	for _, tc := range table {
		seen[tc.typ] = true
		d := code(t, tc.text)
		var ev *doc.Event
		for i := range d.Events {
			if d.Events[i].Type == tc.typ {
				ev = &d.Events[i]
				break
			}
		}
		if ev == nil {
			var got []string
			for _, e := range d.Events {
				got = append(got, e.Type+" "+d.Slice(e.Trigger))
			}
			t.Errorf("%q: no %s event; got %v", tc.text, tc.typ, got)
			continue
		}
		if tc.mode != "" && ev.Mode != tc.mode {
			t.Errorf("%q: mode %q, want %q", tc.text, ev.Mode, tc.mode)
		}
		if got := argText(ev.Actor); tc.actor == "-" && got != "" || tc.actor != "-" && !strings.Contains(got, tc.actor) {
			t.Errorf("%q: actor %q, want %q", tc.text, got, tc.actor)
		}
		if got := argText(ev.Recipient); tc.recipient == "-" && got != "" || tc.recipient != "-" && !strings.Contains(got, tc.recipient) {
			t.Errorf("%q: recipient %q, want %q", tc.text, got, tc.recipient)
		}
		switch tc.flag {
		case "negated":
			if !ev.Negated {
				t.Errorf("%q: not marked negated", tc.text)
			}
		case "future", "hypothetical", "claimed":
			if ev.Modality != tc.flag {
				t.Errorf("%q: modality %q, want %q", tc.text, ev.Modality, tc.flag)
			}
		case "":
			if ev.Negated || ev.Modality != "" {
				t.Errorf("%q: negated=%v modality=%q, want an asserted event", tc.text, ev.Negated, ev.Modality)
			}
		}
		if ev.Date != "2024-03-08" || ev.DateFrom != "published" {
			t.Errorf("%q: date %q from %q, want the publication date", tc.text, ev.Date, ev.DateFrom)
		}
	}
	for _, c := range Categories {
		if !seen[c] {
			t.Errorf("the table has no sentence for %s", c)
		}
	}
}
