// What the word lists say of a token: month, weekday, unit, ordinal...

package timex

func (p *parser) has(i int, f uint32) bool {
	return i >= 0 && i < len(p.v) && p.v[i].f&f != 0 && !p.v[i].bad
}

// entry returns what the word lists say of token i, or nil.
func (p *parser) entry(i int) *wordEntry {
	if i < 0 || i >= len(p.v) || p.v[i].e == 0 || p.v[i].bad {
		return nil
	}
	return &p.l.entries[p.v[i].e-1]
}

func (p *parser) unitAt(i int) (unitInfo, bool) {
	if e := p.entry(i); e != nil && e.hasUnit {
		return e.unit, true
	}
	return unitInfo{}, false
}

func (p *parser) monthAt(i int) (int, bool) {
	if e := p.entry(i); e != nil && e.month > 0 {
		return int(e.month), true
	}
	return 0, false
}

func (p *parser) weekdayAt(i int) (int, bool) {
	if e := p.entry(i); e != nil && e.weekday > 0 {
		return int(e.weekday), true
	}
	return 0, false
}

func (p *parser) ordinalAt(i int) (int, bool) {
	if e := p.entry(i); e != nil && e.ordinal > 0 {
		return int(e.ordinal), true
	}
	return 0, false
}

func (p *parser) seasonAt(i int) (string, bool) {
	if e := p.entry(i); e != nil && e.season != "" {
		return e.season, true
	}
	return "", false
}

func (p *parser) setAt(i int) (string, bool) {
	if e := p.entry(i); e != nil && e.set != "" {
		return e.set, true
	}
	return "", false
}

func (p *parser) partAt(i int) (string, bool) {
	if e := p.entry(i); e != nil && e.part != "" {
		return e.part, true
	}
	return "", false
}

func (p *parser) tenseAt(i int) (int8, bool) {
	if e := p.entry(i); e != nil && e.tense != 0 {
		return e.tense, true
	}
	return 0, false
}
