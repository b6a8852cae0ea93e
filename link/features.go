package link

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// Features is what linking reads of one analysed document: everything it
// needs, and nothing it would have to extract again. The store keeps it
// beside the document so that `dossier relink` can redo every link from
// stored layers after a lexicon or model change.
type Features struct {
	ID  string
	Sig Signature
	// Terms are the story terms with their counts in the document: the
	// words (w:), the headline's words (h:), entity names (n:), surnames
	// (s:), figures (q:) and absolute dates (t:).
	Terms map[string]int
	// Ents are the document's entities, in the order of Document.Entities.
	Ents []EntFeat
}

// EntFeat is what actor linking reads of one entity.
type EntFeat struct {
	Name        string // canonical name within the document
	Type        string // PERSON, ORG, GPE, LOC, NORP
	Role        string
	Affiliation string
	// Names are the distinct name mentions as written, cleaned ("Mr.
	// Smith" gives "Smith"), longest first; empty for an entity only
	// described or pronominal.
	Names []string
}

// FeaturesOf reads the linking features of an analysed document.
func FeaturesOf(d *doc.Document) *Features {
	f := &Features{ID: d.ID, Sig: Sign(d.Text), Terms: map[string]int{}}
	// the words of the text itself, not of the token layer, which a
	// document read back from the store does not carry
	for _, w := range normWords(d.Text) {
		if len(w) >= 3 && !isNumber(w) {
			f.Terms["w:"+w]++
		}
	}
	// the headline's words again, as headline words: a headline names the
	// happening
	head := d.Title
	if head == "" {
		head, _, _ = strings.Cut(strings.TrimSpace(d.Text), "\n")
	}
	for _, w := range normWords(head) {
		if len(w) >= 3 && !isNumber(w) {
			f.Terms["h:"+w]++
		}
	}
	for _, e := range d.Entities {
		ef := EntFeat{Name: e.Name, Type: string(e.Type), Role: e.Role, Affiliation: e.Affiliation}
		seen := map[string]bool{}
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(d.Mentions) {
				continue
			}
			m := d.Mentions[mi]
			if m.Kind != "" && m.Kind != doc.MentionName {
				continue
			}
			n := cleanName(d.Slice(m.Span))
			if n != "" && !seen[n] {
				seen[n] = true
				ef.Names = append(ef.Names, n)
			}
		}
		sort.SliceStable(ef.Names, func(a, b int) bool { return len(ef.Names[a]) > len(ef.Names[b]) })
		f.Ents = append(f.Ents, ef)
		if len(ef.Names) > 0 {
			key := typedKey(e.Name, string(e.Type))
			f.Terms["n:"+key] += len(e.Mentions)
			if e.Type == "PERSON" {
				f.Terms["s:"+surname(key)] += len(e.Mentions)
			}
		}
	}
	for _, q := range d.Quantities {
		if q.Category != "" {
			f.Terms["q:"+q.Category+":"+strconv.FormatFloat(q.Value, 'g', -1, 64)]++
		}
	}
	for _, t := range d.Timexes {
		if t.Type == "DATE" && len(t.Value) >= 7 && !strings.ContainsAny(t.Value, "X") && t.Value[0] >= '0' && t.Value[0] <= '9' {
			f.Terms["t:"+t.Value]++
		}
	}
	return f
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != '.' && w[i] != ',' {
			return false
		}
	}
	return true
}

// cleanName trims a name mention: spacing collapsed, a possessive and
// leading titles and articles dropped ("Mr. Smith's" gives "Smith").
func cleanName(s string) string {
	fs := strings.Fields(s)
	for len(fs) > 1 {
		w := strings.ToLower(strings.TrimSuffix(fs[0], "."))
		if roleWords[w] {
			fs = fs[1:]
			continue
		}
		break
	}
	for len(fs) > 1 {
		l := fs[len(fs)-1]
		if l == "'s" || l == "’s" || l == "’" || l == "'" || l == "s" {
			fs = fs[:len(fs)-1]
			continue
		}
		break
	}
	out := strings.Join(fs, " ")
	out = strings.TrimSuffix(strings.TrimSuffix(out, "'s"), "’s")
	return strings.Trim(out, " ,.;:\"“”'‘’()")
}

// normKey is the comparison key of a name: lower case, letters, digits
// and single spaces only, accents kept ("Nebenzia", "U.S." gives "u s").
func normKey(s string) string {
	return strings.Join(normWords(cleanName(s)), " ")
}

// typedKey is the comparison key of a name of an entity of type t: for a
// person, leading role words and initials are dropped ("actress tara reid",
// "w mark felt" give "tara reid", "mark felt"); for an organisation, a
// final legal form ("microsoft corp" gives "microsoft").
func typedKey(s, t string) string {
	ws := normWords(cleanName(s))
	switch t {
	case "PERSON":
		for len(ws) > 1 && (roleWords[ws[0]] || hasDigit(ws[0]) || len(ws) > 2 && len([]rune(ws[0])) == 1) {
			ws = ws[1:]
		}
		// middle initials go: "frederick c larue" is "frederick larue"
		for i := len(ws) - 2; i > 0; i-- {
			if len([]rune(ws[i])) == 1 {
				ws = append(ws[:i], ws[i+1:]...)
			}
		}
	case "ORG":
		for len(ws) > 1 && orgSuffixes[ws[len(ws)-1]] {
			ws = ws[:len(ws)-1]
		}
	}
	return strings.Join(ws, " ")
}

// generational suffixes follow a surname ("Ike LaRue III").
var generations = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// surname is the last word of a person's name key, before a generational
// suffix.
func surname(key string) string {
	i := strings.LastIndexByte(key, ' ')
	if i < 0 {
		return key
	}
	if generations[key[i+1:]] {
		return surname(key[:i])
	}
	return key[i+1:]
}

func hasDigit(w string) bool { return strings.ContainsAny(w, "0123456789") }
