// Reading a number: digits with separators and scales ("2.5bn", "1.5
// million"), numbers in words ("twenty-five", "a dozen"), ordinals and
// hyphenated compounds ("17,500-person").

package quantity

import (
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// parse reads the number that starts at token i, if one does.
func (s *scan) parse(i int) (number, bool) {
	t := s.d.Tokens[i]
	txt := s.d.TokenText(i)
	switch {
	case t.Kind == doc.Number:
		if txt[0] < '0' || txt[0] > '9' { // '90s: a decade
			return number{}, false
		}
		v, _, comma, dot := leadingNumber(txt)
		n := number{start: i, end: i + 1, value: v}
		if !comma && !dot && len(txt) == 4 && v >= 1000 && v <= 2100 {
			n.year = true
		}
		if !comma && !dot && len(txt) >= 8 {
			return number{}, false // a long bare digit string is an identifier or a timestamp
		}
		if !s.numberContextOK(i) || s.listMarker(i) {
			return number{}, false
		}
		s.scales(&n)
		return n, true
	case t.Kind == doc.Word && txt[0] >= '0' && txt[0] <= '9':
		return s.parseFused(i, txt)
	case t.Kind == doc.Word:
		if !s.x.maybe.has(txt) {
			return number{}, false
		}
		return s.parseWords(i)
	}
	return number{}, false
}

// numberContextOK rejects digits that name or date something: "Resolution
// 2100", "13 July", "10:30", "5 a.m.", "12/03".
func (s *scan) numberContextOK(i int) bool {
	if s.isDotted(i-1, wIdent|wMonth) || s.isDotted(i+1, wMonth|wClock) {
		return false
	}
	if s.in(i-1) && s.d.TokenText(i-1) == "." && s.isDotted(i-2, wIdent|wMonth) {
		return false // "no. 225", "Sept. 30" where the period stands alone
	}
	if i-1 > s.lo && s.word(i-1) && s.d.Tokens[i-1].Has(doc.FlagCap) && !s.d.Tokens[i-1].Has(doc.FlagLineStart) && !s.known(i-1) {
		return false // "Internet Explorer 9", "Studio 54", "Apollo 11": part of a name
	}
	for _, j := range [2]int{i - 1, i + 1} {
		if s.in(j) && s.d.Tokens[j].Kind == doc.Punct {
			p := s.d.TokenText(j)
			k := j + (j - i)
			if (p == ":" || p == "/") && s.in(k) && startsWithDigit(s.d.TokenText(k)) {
				return false
			}
		}
	}
	return true
}

// listMarker reports whether the digits at i number an item of a list:
// "1." at the start of a line, "2)".
func (s *scan) listMarker(i int) bool {
	nx := s.low1(i + 1)
	if nx == ")" && s.low1(i-1) != "(" {
		return true
	}
	return nx == "." && (s.d.Tokens[i].Has(doc.FlagLineStart) || i == s.lo)
}

// known reports whether token i is a word of the quantity lexicons (so
// that "Some 300" or "More than 300" is not read as a name and a number).
func (s *scan) known(i int) bool {
	w := s.low(i)
	if s.x.words[w] != 0 || s.isCat(i) {
		return true
	}
	if _, ok := s.x.numbers[w]; ok {
		return true
	}
	_, b := s.x.boundsBefore[w]
	_, u := s.x.unitsBefore[w]
	return b || u
}

// isDotted is is, also for an abbreviation's period: "Sept.", "No.".
func (s *scan) isDotted(i int, c uint16) bool {
	if !s.word(i) {
		return false
	}
	w := s.low(i)
	if s.x.words[w]&c != 0 {
		return true
	}
	return len(w) > 1 && w[len(w)-1] == '.' && s.x.words[w[:len(w)-1]]&c != 0
}

// scales multiplies a number by the scale words after it ("1.5 million",
// "two dozen").
func (s *scan) scales(n *number) {
	for s.in(n.end) {
		w, ok := s.numWord(n.end)
		if !ok || (w.kind != kScale && w.kind != kDozen) {
			return
		}
		n.value *= w.value
		n.end++
	}
}

// parseFused reads a word that starts with digits: 17,500-person, 10-15,
// 3rd, 5km, 2bn.
func (s *scan) parseFused(i int, txt string) (number, bool) {
	v, k, _, _ := leadingNumber(txt)
	n := number{start: i, end: i + 1, value: v}
	rest := txt[k:]
	if r, w := hyphenAt(rest); r {
		after := strings.ToLower(rest[w:])
		if after != "" && after[0] >= '0' && after[0] <= '9' {
			hi, _, _, _ := leadingNumber(after)
			if k == 4 && v >= 1000 && v <= 2100 {
				return number{}, false // "1991-1995", "2012-13": years
			}
			n.hi = hi
			return n, s.numberContextOK(i)
		}
		first := after
		if j := strings.IndexAny(after, "-‐‑"); j >= 0 {
			first = after[:j]
		}
		if s.x.words[first]&wTimeUnit != 0 {
			return number{}, false // "three-day", "25-year-old": the timex stage's
		}
		s.setSuffix(&n, first)
		return n, true
	}
	lr := strings.ToLower(rest)
	switch lr {
	case "st", "nd", "rd", "th":
		n.ordinal = true
		return n, s.ordinalContextOK(i)
	case "s": // 1990s
		return number{}, false
	}
	if w, ok := s.x.numbers[lr]; ok && (w.kind == kAbbr || w.kind == kScale) {
		n.abbr = w.value
		return n, true
	}
	for _, p := range s.x.unitsAfter[lr] {
		if len(p.words) == 1 {
			n.unit, n.ucat = p.unit, p.category
			return n, true
		}
	}
	return number{}, false
}

// parseWords reads number words: "four", "twenty-five", "two hundred and
// fifty", "a dozen", "dozens", "tens of thousands", "his second".
func (s *scan) parseWords(i int) (number, bool) {
	w := s.low(i)
	if hasHyphen(w) {
		return s.parseHyphenWords(i, w)
	}
	nw, ok := s.x.numbers[w]
	start := i
	if !ok {
		if w != "a" && w != "an" {
			return number{}, false
		}
		// "a hundred", "a dozen", "a million"
		nx, ok2 := s.numWord(i + 1)
		if !ok2 || (nx.kind != kScale && nx.kind != kDozen) {
			return number{}, false
		}
		n := number{start: start, end: i + 2, value: nx.value}
		s.scales(&n)
		return n, true
	}
	switch nw.kind {
	case kOrdinal:
		if !s.ordinalContextOK(i) || s.is(i+1, wTimeUnit) {
			return number{}, false
		}
		if i > s.lo && s.d.Tokens[i].Has(doc.FlagCap) && !s.d.Tokens[i].Has(doc.FlagLineStart) {
			return number{}, false // "the Third World", "the Second Circuit": a name
		}
		return number{start: i, end: i + 1, value: nw.value, ordinal: true}, true
	case kVague:
		if nw.needsOf && s.low1(i+1) != "of" {
			return number{}, false
		}
		n := number{start: i, end: i + 1, value: nw.value, vague: true}
		// "several hundred", "tens of thousands", "hundreds of thousands"
		if nx, ok := s.numWord(i + 1); ok && nx.kind == kScale {
			n.value *= nx.value
			n.end++
		} else if s.low1(i+1) == "of" {
			if nx, ok := s.numWord(i + 2); ok && nx.kind == kVague && nx.value >= 100 {
				n.value *= nx.value
				n.end += 2
			}
		}
		return n, true
	case kUnit, kTens:
	default:
		return number{}, false
	}
	// unit and tens words, then scales, "and", more units and tens
	total, cur := 0.0, 0.0
	k := i
	lastScale := false
	for s.word(k) {
		lw := s.low(k)
		if lw == "and" && lastScale {
			if nx, ok := s.numWord(k + 1); ok && (nx.kind == kUnit || nx.kind == kTens) {
				k++
				continue
			}
			break
		}
		var nx numWord
		var ok bool
		if hasHyphen(lw) {
			v, whole := s.hyphenValue(lw)
			if !whole {
				break
			}
			nx, ok = numWord{value: v, kind: kUnit}, true
		} else {
			nx, ok = s.x.numbers[lw]
		}
		if !ok {
			break
		}
		switch nx.kind {
		case kUnit, kTens:
			if k > i && !lastScale && !(cur >= 20 && int(cur)%10 == 0 && nx.value < 10) {
				if cur >= 10 && cur < 100 && nx.value >= 10 {
					// "nineteen ninety-six": a year in words, the timex stage's
					for s.word(k+1) && s.isNumberWord(k+1) {
						k++
					}
					return number{start: i, end: k + 1}, false
				}
				goto done // "one two": two numbers, not one
			}
			cur += nx.value
			lastScale = false
		case kScale:
			if nx.value == 100 {
				cur *= 100
			} else {
				total += cur * nx.value
				cur = 0
			}
			lastScale = true
		case kDozen:
			cur *= 12
			lastScale = true
		default:
			goto done
		}
		k++
	}
done:
	n := number{start: start, end: k, value: total + cur}
	if s.is(k, wFraction) && (s.low(k) != "quarter" || !s.is(k+1, wTimeUnit)) {
		return number{start: i, end: k + 1}, false // "one third", "two thirds": a fraction
	}
	if w == "one" && k == i+1 && !s.oneIsCount(i) {
		return number{}, false
	}
	if s.low1(i-1) == "year" { // "the year two thousand"
		return n, false
	}
	return n, k > i
}

func (s *scan) isNumberWord(i int) bool {
	w := s.low(i)
	if hasHyphen(w) {
		_, ok := s.hyphenValue(w)
		return ok
	}
	nw, ok := s.x.numbers[w]
	return ok && (nw.kind == kUnit || nw.kind == kTens)
}

func (s *scan) low1(i int) string {
	if !s.in(i) {
		return ""
	}
	return s.low(i)
}

// oneIsCount tells "one soldier was killed" from "one of the most", "no
// one", "the one".
func (s *scan) oneIsCount(i int) bool {
	if s.is(i-1, wNotOne) || !s.word(i+1) || s.stopish(i+1) {
		return false
	}
	if nx := s.low(i + 1); !s.isCat(i+1) && (hasSuffix(nx, "s") || hasSuffix(nx, "ing")) {
		return false // "if one adds", "one listing the facts": a pronoun
	}
	return s.low(i+1) != "another"
}

// ordinalContextOK wants a determiner or possessive before an ordinal ("his
// second coup", "Mali's third") and a word after it: "second" alone is a
// unit of time or a verb, and "first" alone an adverb.
func (s *scan) ordinalContextOK(i int) bool {
	if !s.word(i+1) || s.stopish(i+1) || isNumberish(s, i+1) {
		return false // "the first nine months" is the timex stage's
	}
	if s.is(i-1, wDet) {
		return true
	}
	if s.in(i - 1) {
		p := s.low(i - 1)
		return p == "'s" || p == "’s"
	}
	return false
}

// hyphenValue reads "twenty-five"; whole is false when a part is not a
// number word.
func (s *scan) hyphenValue(w string) (float64, bool) {
	v := 0.0
	for _, p := range splitHyphens(w) {
		nw, ok := s.x.numbers[p]
		if !ok || (nw.kind != kUnit && nw.kind != kTens) {
			return 0, false
		}
		v += nw.value
	}
	return v, true
}

// parseHyphenWords reads hyphenated number words: "twenty-five", "five-member",
// "twenty-first". A compound with a unit of time ("three-day") is left to the
// timex stage.
func (s *scan) parseHyphenWords(i int, w string) (number, bool) {
	parts := splitHyphens(w)
	v, k := 0.0, 0
	ordinal := false
	for k < len(parts) {
		nw, ok := s.x.numbers[parts[k]]
		if !ok || (nw.kind != kUnit && nw.kind != kTens && nw.kind != kOrdinal) {
			break
		}
		v += nw.value
		k++
		if nw.kind == kOrdinal {
			ordinal = true
			break
		}
	}
	if k == 0 {
		return number{}, false
	}
	n := number{start: i, end: i + 1, value: v, ordinal: ordinal}
	if k < len(parts) {
		if ordinal || s.x.words[parts[k]]&wTimeUnit != 0 {
			return number{}, false // "second-largest", "three-day"
		}
		s.setSuffix(&n, parts[k])
		if v == 1 && n.suffix != "" {
			if _, ok := s.x.cats[n.suffix]; !ok {
				return number{}, false // "one-off", "one-sided", "one-party": not a count
			}
		}
		return n, true
	}
	if ordinal && !s.ordinalContextOK(i) {
		return number{}, false
	}
	if !ordinal {
		s.scales(&n)
	}
	return n, true
}

// setSuffix records the word after a compound's hyphen: a unit ("1,200-mile")
// or what the compound sizes ("17,500-person").
func (s *scan) setSuffix(n *number, w string) {
	for _, p := range s.x.unitsAfter[w] {
		if len(p.words) == 1 {
			n.unit, n.ucat = p.unit, p.category
			return
		}
	}
	n.suffix = w
}

func splitHyphens(w string) []string {
	return strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '‐' || r == '‑' })
}

// hyphenAt reports whether s starts with a hyphen, and its width.
func hyphenAt(s string) (bool, int) {
	switch {
	case strings.HasPrefix(s, "-"):
		return true, 1
	case strings.HasPrefix(s, "‐"), strings.HasPrefix(s, "‑"):
		return true, len("‐")
	}
	return false, 0
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// leadingNumber parses the digits at the start of s, with thousands commas
// and a decimal point, and says how many bytes it read.
func leadingNumber(s string) (v float64, n int, comma, dot bool) {
	var b [32]byte
	m := 0
	for n < len(s) {
		c := s[n]
		switch {
		case c >= '0' && c <= '9':
			if m < len(b) {
				b[m] = c
				m++
			}
		case (c == ',' || c == '.') && n > 0 && n+1 < len(s) && s[n+1] >= '0' && s[n+1] <= '9':
			if c == ',' {
				comma = true
			} else {
				if dot {
					goto end
				}
				dot = true
				if m < len(b) {
					b[m] = '.'
					m++
				}
			}
		default:
			goto end
		}
		n++
	}
end:
	v, _ = strconv.ParseFloat(string(b[:m]), 64)
	return v, n, comma, dot
}
